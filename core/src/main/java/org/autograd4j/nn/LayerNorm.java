package org.autograd4j.nn;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)}:
 * {@code y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias} over the trailing {@code normalizedShape} dims, with
 * the biased variance; weight starts at ones and bias at zeros (float32), both of {@code normalizedShape}.
 */
public final class LayerNorm extends Module {
    private final long[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;

    /**
     * {@code nn.LayerNorm(n)}: over the last dim, of size n.
     *
     * @param normalizedShape the last dim's size
     */
    public LayerNorm(long normalizedShape) {
        this(new long[] {normalizedShape});
    }

    /**
     * {@code nn.LayerNorm(normalized_shape)}.
     *
     * @param normalizedShape the trailing dims' sizes
     */
    public LayerNorm(long[] normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}.
     *
     * @param normalizedShape   the trailing dims' sizes
     * @param eps               added to the variance
     * @param elementwiseAffine whether to learn weight and bias
     */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? Torch.ones(this.normalizedShape, DType.FLOAT32) : null);
        registerParameter("bias", elementwiseAffine ? Torch.zeros(this.normalizedShape, DType.FLOAT32) : null);
    }

    /** {@code reset_parameters()}: weight to ones, bias to zeros. */
    public void resetParameters() {
        if (elementwiseAffine) {
            Init.ones_(weight());
            Init.zeros_(bias());
        }
    }

    /**
     * {@code self.weight}.
     *
     * @return the weight, or null without elementwise affine
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code self.bias}.
     *
     * @return the bias, or null without elementwise affine
     */
    public Tensor bias() {
        return param("bias");
    }

    /**
     * {@code F.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)}.
     *
     * @param input (*, normalized_shape)
     * @return the normalized tensor
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight(), bias(), eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.pyTuple(normalizedShape) + ", eps=" + Torch.str(eps) + ", elementwise_affine="
                + Torch.str(elementwiseAffine);
    }
}
