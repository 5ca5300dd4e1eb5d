/**
 * Flat typed storage and {@link org.autograd4j.storage.Layout} (shape, strides, offset): views share a storage
 * and copy nothing. With {@code kernels}, the only package that holds Java arrays of tensor data.
 *
 * <p>May import: {@code DType} only.
 */
package org.autograd4j.storage;
