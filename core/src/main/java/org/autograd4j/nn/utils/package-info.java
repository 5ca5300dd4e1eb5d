/**
 * {@code torch.nn.utils}: {@link org.autograd4j.nn.utils.ClipGrad}.
 *
 * <p>May import: the API package ({@code org.autograd4j}) (its room is {@code nn}).
 */
package org.autograd4j.nn.utils;
