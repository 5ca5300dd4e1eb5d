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
}
