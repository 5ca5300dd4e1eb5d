/**
 * Reading and writing tensors in files: {@link org.autograd4j.io.Safetensors} ({@code safetensors.torch}'s
 * {@code save_file} / {@code load_file}).
 *
 * <p>Built on the public API only. May import: the API package ({@code org.autograd4j}).
 */
package org.autograd4j.io;
