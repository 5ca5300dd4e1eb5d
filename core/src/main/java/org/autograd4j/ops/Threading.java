package org.autograd4j.ops;

import org.autograd4j.kernels.NativeBlas;
import org.autograd4j.kernels.Parallel;

/** The intra-op thread count behind {@code Torch.setNumThreads} / {@code getNumThreads}. */
public final class Threading {
    private Threading() {
    }

    /** Sets the kernels' thread count (and an opted-in system BLAS's); PyTorch's message for {@code n < 1}. */
    public static void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("set_num_threads expects a positive integer");
        Parallel.setNumThreads(n);
        NativeBlas blas = NativeBlas.get();
        if (blas != null) blas.setNumThreads(n);
    }

    /** The kernels' thread count. */
    public static int numThreads() {
        return Parallel.numThreads();
    }
}
