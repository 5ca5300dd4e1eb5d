package org.autograd4j.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.kernels.NativeBlas;
import org.autograd4j.kernels.Parallel;
import org.autograd4j.math.Libm;

/** What {@code Torch.config()} reports: the library's version and the implementations chosen at start-up. */
public final class Diagnostics {
    private Diagnostics() {
    }

    /**
     * The library's version, from its module descriptor (the build writes it there), also when the jar is on
     * the class path; "unknown" when run from classes without one.
     */
    public static String version() {
        ModuleDescriptor d = Diagnostics.class.getModule().getDescriptor();
        if (d == null) {
            try (InputStream in = Diagnostics.class.getResourceAsStream("/module-info.class")) {
                if (in != null) d = ModuleDescriptor.read(in);
            } catch (IOException e) {
                d = null;
            }
        }
        return d == null ? "unknown" : d.rawVersion().orElse("unknown");
    }

    /** A few lines, as {@code torch.__config__.show()}: version, kernels, threads, BLAS, float64 libm, JDK. */
    public static String describe() {
        Runtime.Version jdk = Runtime.version();
        return "autograd4j " + version() + "\n"
                + "  kernels: " + Kernels.get().description() + "\n"
                + "  threads: " + Parallel.numThreads() + " (Torch.setNumThreads)\n"
                + "  BLAS: " + (NativeBlas.get() == null ? "none (pure-Java GEMM; -Dautograd4j.blas=openblas opts in)" : NativeBlas.get().library()) + "\n"
                + "  float64 libm: " + Libm.implementation()
                + (Libm.matchesGlibc() ? " (float64 random numbers bit-identical to PyTorch's)" : "") + "\n"
                + "  JDK: " + jdk + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "\n";
    }
}
