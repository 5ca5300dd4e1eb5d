/**
 * autograd4j: PyTorch's tensors and autograd, in Java.
 *
 * <p>Exported API packages. Export a package here only once it has at least one class (javac rejects an
 * export of an empty package). Internal packages ({@code org.autograd4j.storage}, {@code .kernels},
 * {@code .ops}) are not exported.
 */
module org.autograd4j {
    exports org.autograd4j;
    exports org.autograd4j.autograd;
    exports org.autograd4j.format;
    exports org.autograd4j.nn;
    exports org.autograd4j.random;
}
