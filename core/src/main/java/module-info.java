/**
 * autograd4j: PyTorch's tensors and autograd, in Java.
 *
 * <p>Exported: the API ({@code org.autograd4j}), {@code org.autograd4j.autograd} ({@code torch.autograd}'s
 * toolbox), {@code org.autograd4j.nn} ({@code torch.nn}),
 * {@code org.autograd4j.random} ({@code torch.Generator}) and {@code org.autograd4j.spi}, the service
 * interfaces of optional artifacts ({@code Float64Math}, which {@code org.autograd4j:autograd4j-glibc-math}
 * provides). Everything else (engine, ops, kernels, storage, math, format) is the library's inside and is
 * not exported.
 *
 * <p>With {@code --add-modules jdk.incubator.vector} on the command line the kernels use the Vector API;
 * without it they fall back to plain Java loops (same results, bit for bit) and say so once on start-up.
 */
module org.autograd4j {
    exports org.autograd4j;
    exports org.autograd4j.autograd;

    exports org.autograd4j.nn;
    exports org.autograd4j.optim;
    exports org.autograd4j.data;
    exports org.autograd4j.io;
    exports org.autograd4j.nn.functional;
    exports org.autograd4j.nn.utils;
    exports org.autograd4j.random;
    exports org.autograd4j.spi;

    uses org.autograd4j.spi.Float64Math;

    // Optional: the Vector API kernels (org.autograd4j.kernels.vector) load only when the JVM resolves the
    // incubator module (--add-modules jdk.incubator.vector); without it the plain kernels run.
    requires static jdk.incubator.vector;
}
