package org.autograd4j.kernels;

/**
 * Cumulative (prefix) operations along the last dimension of a layout, for {@link Kernels#scan}. As PyTorch's
 * CPU kernel, floating inputs accumulate in double (float32 too: each prefix is the double running value
 * rounded to float once) and integer and bool inputs in int64, wrapping on overflow.
 */
public enum ScanOp {
    /** {@code out[i] = x[0] + … + x[i]}; {@code torch.cumsum}. */
    CUMSUM,
    /** {@code out[i] = x[0] · … · x[i]}; {@code torch.cumprod}. */
    CUMPROD
}
