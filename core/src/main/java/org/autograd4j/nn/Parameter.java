package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code torch.nn.Parameter}: a tensor that a {@link Module} registers as one of its parameters. Java's
 * {@code Tensor} is final, so a parameter is a plain {@link Tensor} flagged by {@link Tensor#isParameter()}; it
 * prints as {@code Parameter containing:\ntensor([…], requires_grad=True)}, as PyTorch's does.
 */
public final class Parameter {
    private Parameter() {
    }

    /**
     * {@code nn.Parameter(data)}: a new leaf sharing data's storage, requiring grad.
     *
     * @param data the values (not copied)
     * @return the parameter
     */
    public static Tensor of(Tensor data) {
        return of(data, true);
    }

    /**
     * {@code nn.Parameter(data, requires_grad)}.
     *
     * @param data         the values (not copied)
     * @param requiresGrad whether the parameter requires grad
     * @return the parameter: {@code data.detach().requires_grad_(requiresGrad)}, flagged
     */
    public static Tensor of(Tensor data, boolean requiresGrad) {
        return data.detach().requiresGrad_(requiresGrad).markParameter();
    }
}
