package org.autograd4j.optim;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * The fused updates PyTorch's optimizers call ({@code add_(other, alpha=)}, {@code addcmul_},
 * {@code addcdiv_}), written with the public API.
 *
 * <p>PyTorch's CPU kernels compute {@code self + alpha*other} and {@code self + (value*t1)*t2} as one fused
 * multiply-add (one rounding); the public API has no fused op, so for float32 the product, exact in float64,
 * is added in float64 and the sum rounded to float32. That double rounding equals the fused result except
 * when the float64 sum lands exactly halfway between two float32 values (about one case in 2²⁹). For
 * float64 tensors the product and the sum round separately (a last-bit difference now and then).
 * {@code addcdiv} is not fused in PyTorch either: {@code self + (value*t1)/t2}, three roundings.
 */
final class Fused {
    private Fused() {}

    /** {@code self + alpha*other} ({@code self.add(other, alpha=alpha)}), alpha rounded to self's dtype first. */
    static Tensor add(Tensor self, Tensor other, double alpha) {
        if (alpha == 1) return self.add(other);
        if (self.dtype() == DType.FLOAT32) {
            double a = (float) alpha;
            return self.to(DType.FLOAT64).add(other.to(DType.FLOAT64).mul(a)).to(DType.FLOAT32);
        }
        return self.add(other.mul(alpha));
    }

    /** {@code self.add_(other, alpha=alpha)}. */
    static void add_(Tensor self, Tensor other, double alpha) {
        if (alpha == 1) self.add_(other);
        else self.copy_(add(self, other, alpha));
    }

    /** {@code self + (value*t1)*t2} ({@code self.addcmul(t1, t2, value=value)}). */
    static Tensor addcmul(Tensor self, Tensor t1, Tensor t2, double value) {
        Tensor scaled = value == 1 ? t1 : t1.mul(value);
        if (self.dtype() == DType.FLOAT32) {
            return self.to(DType.FLOAT64).add(scaled.to(DType.FLOAT64).mul(t2.to(DType.FLOAT64))).to(DType.FLOAT32);
        }
        return self.add(scaled.mul(t2));
    }

    /** {@code self.addcmul_(t1, t2, value=value)}. */
    static void addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
        self.copy_(addcmul(self, t1, t2, value));
    }

    /** {@code self.addcdiv_(t1, t2, value=value)}: {@code self + (value*t1)/t2}. */
    static void addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
        Tensor scaled = value == 1 ? t1 : t1.mul(value);
        self.add_(scaled.div(t2));
    }
}
