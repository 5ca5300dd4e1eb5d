package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.TensorImpl;

/**
 * The ops as static functions over {@link TensorImpl}, PyTorch's {@code at::} namespace: what derivatives are
 * written in ({@code import static org.autograd4j.ops.TensorMath.*}), so a formula reads like its
 * {@code derivatives.yaml} row: {@code self: grad / other} is {@code div(g, other)}. Each is a one-line call of
 * the op's declaration; a Java double operand acts as a Python float.
 */
public final class TensorMath {
    private TensorMath() {
    }

    /** A Java double as PyTorch's wrapped number. */
    static TensorImpl s(double v) {
        return TensorImpl.scalar(v);
    }

    /** {@code at::add(a, b)}. */
    public static TensorImpl add(TensorImpl a, TensorImpl b) { return Binary.ADD.applyInFormula(a, b); }
    /** {@code at::add(a, b)} with a C++ Scalar {@code b} (its one-input node, as a derivative formula records it). */
    public static TensorImpl add(TensorImpl a, double b) { return Binary.ADD.applyScalar(a, b); }
    /** {@code at::sub(a, b)}. */
    public static TensorImpl sub(TensorImpl a, TensorImpl b) { return Binary.SUB.applyInFormula(a, b); }
    /** {@code at::sub(a, b)} with a C++ Scalar {@code b} (its one-input node, as a derivative formula records it). */
    public static TensorImpl sub(TensorImpl a, double b) { return Binary.SUB.applyScalar(a, b); }
    /** {@code s - a} as C++'s {@code Scalar - Tensor}: the scalar wrapped, so PyTorch records {@code SubBackward0(None, a)}. */
    public static TensorImpl rsub(TensorImpl a, double s) { return Binary.SUB.applyInFormula(s(s), a); }
    /** {@code at::mul(a, b)}. */
    public static TensorImpl mul(TensorImpl a, TensorImpl b) { return Binary.MUL.applyInFormula(a, b); }
    /** {@code at::mul(a, b)} with a C++ Scalar {@code b} (its one-input node, as a derivative formula records it). */
    public static TensorImpl mul(TensorImpl a, double b) { return Binary.MUL.applyScalar(a, b); }
    /** {@code at::div(a, b)}. */
    public static TensorImpl div(TensorImpl a, TensorImpl b) { return Binary.DIV.applyInFormula(a, b); }
    /** {@code at::div(a, b)} with a C++ Scalar {@code b} (its one-input node, as a derivative formula records it). */
    public static TensorImpl div(TensorImpl a, double b) { return Binary.DIV.applyScalar(a, b); }
    /** {@code at::pow(a, b)}. */
    public static TensorImpl pow(TensorImpl a, TensorImpl b) { return Binary.POW.applyInFormula(a, b); }
    /** {@code a ** e} with a Python-float exponent. */
    public static TensorImpl pow(TensorImpl a, double e) { return Pointwise.powInFormula(a, e, true); }
    /** {@code at::xlogy(a, b)}. */
    public static TensorImpl xlogy(TensorImpl a, TensorImpl b) { return Binary.XLOGY.applyInFormula(a, b); }
    /** {@code at::tanh_backward(g, y)}. */
    public static TensorImpl tanhBackward(TensorImpl g, TensorImpl y) { return Binary.TANH_BACKWARD.applyInFormula(g, y); }
    /** {@code at::gelu_backward(g, x)}. */
    public static TensorImpl geluBackward(TensorImpl g, TensorImpl x) { return Binary.GELU_BACKWARD.applyInFormula(g, x); }
    /** {@code at::gelu_backward(g, x, approximate)}: "none" or "tanh". */
    public static TensorImpl geluBackward(TensorImpl g, TensorImpl x, String approximate) {
        Unary.geluRow(approximate); // PyTorch's message for another string
        return approximate.equals("tanh") ? Binary.GELU_TANH_BACKWARD.applyInFormula(g, x) : Binary.GELU_BACKWARD.applyInFormula(g, x);
    }
    /** {@code at::neg(a)}. */
    public static TensorImpl neg(TensorImpl a) { return Unary.NEG.applyInFormula(a); }
    /** {@code at::exp(a)}. */
    public static TensorImpl exp(TensorImpl a) { return Unary.EXP.applyInFormula(a); }
    /** {@code at::log(a)}. */
    public static TensorImpl log(TensorImpl a) { return Unary.LOG.applyInFormula(a); }
    /** {@code at::sqrt(a)}. */
    public static TensorImpl sqrt(TensorImpl a) { return Unary.SQRT.applyInFormula(a); }
    /** {@code at::rsqrt(a)}. */
    public static TensorImpl rsqrt(TensorImpl a) { return Unary.RSQRT.applyInFormula(a); }
    /** {@code at::sign(a)}. */
    public static TensorImpl sign(TensorImpl a) { return Unary.SIGN.applyInFormula(a); }
    /** {@code at::sgn}. */
    public static TensorImpl sgn(TensorImpl a) { return Unary.SGN.applyInFormula(a); }
    /** {@code at::sin(a)}. */
    public static TensorImpl sin(TensorImpl a) { return Unary.SIN.applyInFormula(a); }
    /** {@code at::cos(a)}. */
    public static TensorImpl cos(TensorImpl a) { return Unary.COS.applyInFormula(a); }
    /** {@code at::sinh(a)}. */
    public static TensorImpl sinh(TensorImpl a) { return Unary.SINH.applyInFormula(a); }
    /** {@code at::cosh(a)}. */
    public static TensorImpl cosh(TensorImpl a) { return Unary.COSH.applyInFormula(a); }
    /** {@code at::tanh(a)}. */
    public static TensorImpl tanh(TensorImpl a) { return Unary.TANH.applyInFormula(a); }
    /** {@code at::sigmoid(a)}. */
    public static TensorImpl sigmoid(TensorImpl a) { return Unary.SIGMOID.applyInFormula(a); }
    /** {@code at::erf(a)}. */
    public static TensorImpl erf(TensorImpl a) { return Unary.ERF.applyInFormula(a); }
    /** {@code at::eq(a, b)}. */
    public static TensorImpl eq(TensorImpl a, TensorImpl b) { return Binary.EQ.applyInFormula(a, b); }
    /** {@code at::eq(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl eq(TensorImpl a, double b) { return Binary.EQ.applyInFormula(a, s(b)); }
    /** {@code at::ne(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl ne(TensorImpl a, double b) { return Binary.NE.applyInFormula(a, s(b)); }
    /** {@code at::lt(a, b)}. */
    public static TensorImpl lt(TensorImpl a, TensorImpl b) { return Binary.LT.applyInFormula(a, b); }
    /** {@code at::lt(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl lt(TensorImpl a, double b) { return Binary.LT.applyInFormula(a, s(b)); }
    /** {@code at::le(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl le(TensorImpl a, double b) { return Binary.LE.applyInFormula(a, s(b)); }
    /** {@code at::gt(a, b)}. */
    public static TensorImpl gt(TensorImpl a, TensorImpl b) { return Binary.GT.applyInFormula(a, b); }
    /** {@code at::gt(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl gt(TensorImpl a, double b) { return Binary.GT.applyInFormula(a, s(b)); }
    /** {@code at::ge(a, b)} (a Java double acts as a Python float). */
    public static TensorImpl ge(TensorImpl a, double b) { return Binary.GE.applyInFormula(a, s(b)); }
    /** {@code at::logical_and(a, b)}. */
    public static TensorImpl logicalAnd(TensorImpl a, TensorImpl b) { return Pointwise.logicalAnd(a, b); }
    /** {@code at::where(c, a, b)}. */
    public static TensorImpl where(TensorImpl c, TensorImpl a, TensorImpl b) { return Pointwise.where(c, a, b); }
    /** {@code at::where(c, a, b)} (a Java double acts as a Python float). */
    public static TensorImpl where(TensorImpl c, TensorImpl a, double b) { return Pointwise.where(c, a, s(b)); }
    /** {@code at::where(c, a, b)} (a Java double acts as a Python float). */
    public static TensorImpl where(TensorImpl c, double a, TensorImpl b) { return Pointwise.where(c, s(a), b); }
    /** {@code at::to(a, d)}. */
    public static TensorImpl to(TensorImpl a, DType d) { return Pointwise.to(a, d); }
    /** {@code at::sum(a)}. */
    public static TensorImpl sum(TensorImpl a) { return Reduction.SUM.all(a); }
    /** {@code at::sum(a, dims, keepdim)}. */
    public static TensorImpl sum(TensorImpl a, int[] dims, boolean keepdim) { return Reduction.SUM.apply(a, dims, keepdim); }
    /** {@code at::sum_to(a, shape)}. */
    public static TensorImpl sumTo(TensorImpl a, int[] shape) { return Reductions.sumTo(a, shape); }
    /** {@code at::mean(a, dims, keepdim)}. */
    public static TensorImpl mean(TensorImpl a, int[] dims, boolean keepdim) { return Reduction.MEAN.apply(a, dims, keepdim); }
    /** {@code at::expand(a, shape)}. */
    public static TensorImpl expand(TensorImpl a, int[] shape) { return Shapes.expand(a, org.autograd4j.storage.Sizes.toLongs(shape)); }
    /** {@code at::reshape(a, shape)}. */
    public static TensorImpl reshape(TensorImpl a, int[] shape) { return Shapes.reshape(a, org.autograd4j.storage.Sizes.toLongs(shape)); }
    /** {@code at::unsqueeze(a, dim)}. */
    public static TensorImpl unsqueeze(TensorImpl a, int dim) { return Shapes.unsqueeze(a, dim); }
    /** {@code at::squeeze(a, dim)}. */
    public static TensorImpl squeeze(TensorImpl a, int dim) { return Shapes.squeeze(a, dim); }
    /** {@code at::t(a)}. */
    public static TensorImpl t(TensorImpl a) { return Shapes.t(a); }
    /** {@code at::transpose(a, d0, d1)}. */
    public static TensorImpl transpose(TensorImpl a, int d0, int d1) { return Shapes.transpose(a, d0, d1); }
    /** {@code at::select(a, dim, index)}. */
    public static TensorImpl select(TensorImpl a, int dim, long index) { return Shapes.select(a, dim, index); }
    /** {@code at::narrow(a, dim, start, length)}. */
    public static TensorImpl narrow(TensorImpl a, int dim, long start, long length) { return Shapes.narrow(a, dim, start, length); }
    /** {@code at::clone(a)}. */
    public static TensorImpl clone(TensorImpl a) { return Shapes.clone(a); }
    /** {@code at::mm(a, b)}. */
    public static TensorImpl mm(TensorImpl a, TensorImpl b) { return LinearAlgebra.mm(a, b); }
    /** {@code at::bmm(a, b)}. */
    public static TensorImpl bmm(TensorImpl a, TensorImpl b) { return LinearAlgebra.bmm(a, b); }
    /** {@code at::mv(a, b)}. */
    public static TensorImpl mv(TensorImpl a, TensorImpl b) { return LinearAlgebra.mv(a, b); }
    /** {@code at::copy_(self, src)}. */
    public static TensorImpl copy_(TensorImpl self, TensorImpl src) { return InPlace.copy(self, src); }
    /** {@code at::zero_(self)}. */
    public static TensorImpl zero_(TensorImpl self) { return InPlace.fill(self, 0); }
}
