/**
 * autograd4j: PyTorch's tensors and autograd, in Java.
 *
 * <p>Exported: the API ({@code org.autograd4j}), {@code org.autograd4j.nn} ({@code torch.nn}) and
 * {@code org.autograd4j.random} ({@code torch.Generator}). Everything else (autograd, ops, kernels, storage,
 * math, format) is the library's inside and is not exported.
 */
module org.autograd4j {
    exports org.autograd4j;
    exports org.autograd4j.nn;
    exports org.autograd4j.random;
}
