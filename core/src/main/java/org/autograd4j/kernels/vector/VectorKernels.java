package org.autograd4j.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.kernels.ScalarKernels;

/** The plain kernels with their hot spans in the Vector API, at the machine's preferred vector width. */
public final class VectorKernels extends ScalarKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** The vector kernels, or null when the preferred species is too narrow to pay (fewer than 4 floats). */
    public static Kernels create() {
        return F.length() >= 4 ? new VectorKernels() : null;
    }

    @Override
    public String description() {
        return "vector (Vector API, " + F.length() + " floats per vector)";
    }

    @Override
    protected void gemmF32(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co) {
        VectorGemm.sgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
    }

    @Override
    protected void gemmF64(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co) {
        VectorGemm.dgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
    }
}
