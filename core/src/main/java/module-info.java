/**
 * autograd4j: PyTorch's tensors and autograd, in Java.
 *
 * <p>Exported: the API ({@code org.autograd4j}), {@code org.autograd4j.nn} ({@code torch.nn}),
 * {@code org.autograd4j.random} ({@code torch.Generator}) and {@code org.autograd4j.spi}, the service
 * interfaces of optional artifacts ({@code Float64Math}, which {@code org.autograd4j:autograd4j-glibc-math}
 * provides). Everything else (autograd, ops, kernels, storage, math, format) is the library's inside and is
 * not exported.
 */
module org.autograd4j {
    exports org.autograd4j;
    exports org.autograd4j.nn;
    exports org.autograd4j.random;
    exports org.autograd4j.spi;

    uses org.autograd4j.spi.Float64Math;
}
