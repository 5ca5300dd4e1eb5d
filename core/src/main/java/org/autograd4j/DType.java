package org.autograd4j;

/**
 * Element type of a tensor, as PyTorch's {@code torch.dtype}.
 *
 * <p>Only the four dtypes PyTorch users reach for first are supported: {@code torch.float32} (the default),
 * {@code torch.float64}, {@code torch.int64} and {@code torch.bool}. {@link #toString()} prints PyTorch's
 * name, e.g. {@code torch.float32}.
 */
public enum DType {
    /** 32-bit IEEE float, PyTorch's default dtype ({@code torch.float32}). */
    FLOAT32("torch.float32", true, 2),
    /** 64-bit IEEE float ({@code torch.float64}). */
    FLOAT64("torch.float64", true, 3),
    /** 64-bit signed integer ({@code torch.int64}). */
    INT64("torch.int64", false, 1),
    /** Boolean ({@code torch.bool}). */
    BOOL("torch.bool", false, 0);

    private final String torchName;
    private final boolean floating;
    private final int rank;

    DType(String torchName, boolean floating, int rank) {
        this.torchName = torchName;
        this.floating = floating;
        this.rank = rank;
    }

    /**
     * True for FLOAT32 and FLOAT64, as {@code dtype.is_floating_point}.
     *
     * @return whether the dtype is floating
     */
    public boolean isFloatingPoint() {
        return floating;
    }

    /**
     * Element size in bytes, as {@code dtype.itemsize} (bool is one byte).
     *
     * @return the size in bytes
     */
    public int itemSize() {
        return switch (this) {
            case FLOAT32 -> 4;
            case FLOAT64, INT64 -> 8;
            case BOOL -> 1;
        };
    }

    /**
     * The result dtype of combining two tensor dtypes of the same category priority, as
     * {@code torch.promote_types}: bool &lt; int64 &lt; float32 &lt; float64.
     *
     * @param a one dtype
     * @param b the other
     * @return the higher of the two
     */
    public static DType promote(DType a, DType b) {
        return a.rank >= b.rank ? a : b;
    }

    /**
     * PyTorch's C++ scalar-type name, as its error messages print it ({@code c10::toString(ScalarType)}):
     * {@code Float}, {@code Double}, {@code Long}, {@code Bool}.
     *
     * @return the name
     */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }

    /** PyTorch's name, e.g. {@code torch.float32}. */
    @Override
    public String toString() {
        return torchName;
    }
}
