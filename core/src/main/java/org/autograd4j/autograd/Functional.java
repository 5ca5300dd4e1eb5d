package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.autograd4j.Autograd;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * PyTorch's {@code torch.autograd.functional}: Jacobians, Hessians and their products with vectors for a
 * user function, computed with the autograd engine (reverse mode) and, for {@link #jvp}, forward-mode AD.
 *
 * <p>Each function has a single-tensor form ({@code f: Tensor → Tensor}, PyTorch called with a Tensor) and a
 * form over several inputs and outputs ({@code f: List<Tensor> → List<Tensor>}, PyTorch called with tuples).
 * The products return PyTorch's pair (output, product): a two-element {@code List} in the single form, a
 * {@link Products} in the list form. As in PyTorch, the inputs are replaced by fresh tensors before {@code f}
 * runs, results are detached unless {@code createGraph}, an output independent of an input contributes zeros,
 * and {@code strict} raises PyTorch's errors instead ("The output of the user-provided function is
 * independent of input 0. This is not allowed in strict mode."). {@code vectorize} is accepted for parity and
 * computes the same values row by row (there is no vmap); PyTorch rejects it together with {@code strict}.
 * {@code jacobian}'s {@code strategy="forward-mode"} takes one forward-mode pass per input element.
 *
 * <pre>{@code
 * Tensor j = Functional.jacobian(x -> x.exp(), x);              // torch.autograd.functional.jacobian(torch.exp, x)
 * List<Tensor> r = Functional.vjp(x -> x.pow(2.0), x, v);        // out, vjp = vjp(lambda x: x**2, x, v)
 * }</pre>
 */
public final class Functional {
    private Functional() {
    }

    /**
     * The list form's result: the function's outputs and the products (one per input for {@code vjp}, {@code vhp},
     * {@code hvp}; one per output for {@code jvp}).
     *
     * @param outputs the outputs of the function
     * @param products the vector products
     */
    public record Products(List<Tensor> outputs, List<Tensor> products) {
    }

    // ------------------------------------------------------------------ single-tensor forms

    /**
     * {@code vjp(f, x, v)}: {@code (f(x), vᵀ·∂f/∂x)}.
     *
     * @param f the function
     * @param x the input
     * @param v the vector, shaped like {@code f(x)} (null when {@code f(x)} has one element)
     * @return {@code [output, vjp]}
     */
    public static List<Tensor> vjp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
        return vjp(f, x, v, false, false);
    }

    /**
     * {@code vjp(f, x, v, create_graph, strict)}.
     *
     * @param f the function
     * @param x the input
     * @param v the vector (null when {@code f(x)} has one element)
     * @param createGraph whether the results carry a graph (to differentiate them again)
     * @param strict whether an output independent of the input is an error
     * @return {@code [output, vjp]}
     */
    public static List<Tensor> vjp(UnaryOperator<Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return pair(vjp(single(f), List.of(x), one(v), createGraph, strict, false, false));
    }

    /**
     * {@code jvp(f, x, v)}: {@code (f(x), ∂f/∂x·v)}, by forward-mode AD.
     *
     * @param f the function
     * @param x the input
     * @param v the tangent, shaped like x (null when x has one element)
     * @return {@code [output, jvp]}
     */
    public static List<Tensor> jvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
        return jvp(f, x, v, false, false);
    }

    /**
     * {@code jvp(f, x, v, create_graph, strict)}, by forward-mode AD.
     *
     * @param f the function
     * @param x the input
     * @param v the tangent (null when x has one element)
     * @param createGraph whether the results carry a graph
     * @param strict whether an output independent of the input is an error
     * @return {@code [output, jvp]}
     */
    public static List<Tensor> jvp(UnaryOperator<Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return pair(jvp(single(f), List.of(x), one(v), createGraph, strict, false, false));
    }

    /**
     * {@code jacobian(f, x)}: the tensor of shape {@code f(x).shape + x.shape} of {@code ∂f(x)ᵢ/∂xⱼ}.
     *
     * @param f the function
     * @param x the input
     * @return the Jacobian
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) {
        return jacobian(f, x, false, false, false);
    }

    /**
     * {@code jacobian(f, x, create_graph, strict, vectorize)}.
     *
     * @param f the function
     * @param x the input
     * @param createGraph whether the result carries a graph
     * @param strict whether an output independent of the input is an error
     * @param vectorize accepted for parity (same values; not together with strict, as PyTorch)
     * @return the Jacobian
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x, boolean createGraph, boolean strict, boolean vectorize) {
        return jacobian(single(f), List.of(x), createGraph, strict, vectorize, false).get(0).get(0);
    }

    /**
     * {@code jacobian(f, x, create_graph, strict, vectorize, strategy)}: {@code strategy} is
     * {@code "reverse-mode"} (one backward per output element) or {@code "forward-mode"} (one forward-mode pass per
     * input element; as PyTorch it needs {@code vectorize}, and takes neither {@code createGraph} nor {@code strict}).
     *
     * @param f the function
     * @param x the input
     * @param createGraph whether the result carries a graph
     * @param strict whether an output independent of the input is an error
     * @param vectorize accepted for parity
     * @param strategy {@code "reverse-mode"} or {@code "forward-mode"}
     * @return the Jacobian
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x, boolean createGraph, boolean strict, boolean vectorize,
            String strategy) {
        return jacobian(single(f), List.of(x), createGraph, strict, vectorize, strategy).get(0).get(0);
    }

    /**
     * {@code hessian(f, x)} for a function with one output element: the tensor of shape {@code x.shape + x.shape}.
     *
     * @param f the function
     * @param x the input
     * @return the Hessian
     */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor x) {
        return hessian(f, x, false, false, false);
    }

    /**
     * {@code hessian(f, x, create_graph, strict, vectorize)}.
     *
     * @param f the function (one output element)
     * @param x the input
     * @param createGraph whether the result carries a graph
     * @param strict whether independence of the input is an error
     * @param vectorize accepted for parity
     * @return the Hessian
     */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor x, boolean createGraph, boolean strict, boolean vectorize) {
        return hessian(xs -> f.apply(xs.get(0)), List.of(x), createGraph, strict, vectorize, false).get(0).get(0);
    }

    /**
     * {@code vhp(f, x, v)}: {@code (f(x), vᵀ·H)} for a function with one output element.
     *
     * @param f the function
     * @param x the input
     * @param v the vector, shaped like x (null when x has one element)
     * @return {@code [output, vhp]}
     */
    public static List<Tensor> vhp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
        return vhp(f, x, v, false, false);
    }

    /**
     * {@code vhp(f, x, v, create_graph, strict)}.
     *
     * @param f the function
     * @param x the input
     * @param v the vector (null when x has one element)
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of the input is an error
     * @return {@code [output, vhp]}
     */
    public static List<Tensor> vhp(UnaryOperator<Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return pair(hessianProduct("vhp", xs -> f.apply(xs.get(0)), List.of(x), one(v), createGraph, strict, false, false));
    }

    /**
     * {@code hvp(f, x, v)}: {@code (f(x), H·v)} for a function with one output element.
     *
     * @param f the function
     * @param x the input
     * @param v the vector, shaped like x (null when x has one element)
     * @return {@code [output, hvp]}
     */
    public static List<Tensor> hvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
        return hvp(f, x, v, false, false);
    }

    /**
     * {@code hvp(f, x, v, create_graph, strict)}.
     *
     * @param f the function
     * @param x the input
     * @param v the vector (null when x has one element)
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of the input is an error
     * @return {@code [output, hvp]}
     */
    public static List<Tensor> hvp(UnaryOperator<Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return pair(hessianProduct("hvp", xs -> f.apply(xs.get(0)), List.of(x), one(v), createGraph, strict, false, false));
    }

    // ------------------------------------------------------------------ forms over several inputs and outputs

    /**
     * {@code vjp(f, (x₀, x₁, …), (v₀, v₁, …), create_graph, strict)}: products one per input.
     *
     * @param f the function
     * @param inputs the inputs
     * @param v one vector per output (null when f has one one-element output)
     * @param createGraph whether the results carry a graph
     * @param strict whether an output independent of an input is an error
     * @return the outputs and one product per input
     */
    public static Products vjp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict) {
        return vjp(f, inputs, v, createGraph, strict, true, true);
    }

    /**
     * {@code jvp(f, (x₀, x₁, …), (v₀, v₁, …), create_graph, strict)}, by forward-mode AD: products one per output.
     *
     * @param f the function
     * @param inputs the inputs
     * @param v one tangent per input (null when there is one one-element input)
     * @param createGraph whether the results carry a graph
     * @param strict whether an output independent of an input is an error
     * @return the outputs and one product per output
     */
    public static Products jvp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict) {
        return jvp(f, inputs, v, createGraph, strict, true, true);
    }

    /**
     * {@code jacobian(f, (x₀, x₁, …), create_graph, strict, vectorize)}: element {@code [i][j]} is
     * {@code ∂outputᵢ/∂inputⱼ}, of shape {@code outputᵢ.shape + inputⱼ.shape}.
     *
     * @param f the function
     * @param inputs the inputs
     * @param createGraph whether the results carry a graph
     * @param strict whether an output independent of an input is an error
     * @param vectorize accepted for parity
     * @return the Jacobian blocks, per output then per input
     */
    public static List<List<Tensor>> jacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize) {
        return jacobian(f, inputs, createGraph, strict, vectorize, true);
    }

    /**
     * {@code jacobian(f, (x₀, x₁, …), create_graph, strict, vectorize, strategy)}, {@code strategy} as in
     * {@link #jacobian(UnaryOperator, Tensor, boolean, boolean, boolean, String)}.
     *
     * @param f the function
     * @param inputs the inputs
     * @param createGraph whether the results carry a graph
     * @param strict whether an output independent of an input is an error
     * @param vectorize accepted for parity
     * @param strategy {@code "reverse-mode"} or {@code "forward-mode"}
     * @return the Jacobian blocks, per output then per input
     */
    public static List<List<Tensor>> jacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize, String strategy) {
        if (!strategy.equals("forward-mode") && !strategy.equals("reverse-mode")) {
            throw new IllegalArgumentException("Expected strategy to be either \"forward-mode\" or \"reverse-mode\". Hint: If your "
                    + "function has more outputs than inputs, \"forward-mode\" tends to be more performant. Otherwise, prefer to use "
                    + "\"reverse-mode\".");
        }
        if (strategy.equals("reverse-mode")) return jacobian(f, inputs, createGraph, strict, vectorize, true);
        if (createGraph) {
            throw new UnsupportedOperationException("torch.autograd.functional.jacobian: `create_graph=True` and "
                    + "`strategy=\"forward-mode\"` are not supported together (yet). Please either set `create_graph=False` or "
                    + "`strategy=\"reverse-mode\"`.");
        }
        if (strict) {
            throw new IllegalStateException("torch.autograd.functional.jacobian: `strict=True` and `strategy=\"forward-mode\"` are "
                    + "not supported together (yet). Please either set `strict=False` or `strategy=\"reverse-mode\"`.");
        }
        if (!vectorize) {
            throw new UnsupportedOperationException("Computing Jacobian using forward-AD or forward-over-reverse Hessian is"
                    + "only implemented for `vectorize=True`.");
        }
        return jacobianForward(f, inputs);
    }

    /**
     * {@code hessian(f, (x₀, x₁, …), create_graph, strict, vectorize)} for a function with one output element:
     * element {@code [i][j]} is {@code ∂²f/∂inputᵢ∂inputⱼ}.
     *
     * @param f the function
     * @param inputs the inputs
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of an input is an error
     * @param vectorize accepted for parity
     * @return the Hessian blocks
     */
    public static List<List<Tensor>> hessian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize) {
        return hessian(f, inputs, createGraph, strict, vectorize, true);
    }

    /**
     * {@code vhp(f, (x₀, x₁, …), (v₀, v₁, …), create_graph, strict)}.
     *
     * @param f the function (one output element)
     * @param inputs the inputs
     * @param v one vector per input (null when there is one one-element input)
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of an input is an error
     * @return the output and one product per input
     */
    public static Products vhp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict) {
        return hessianProduct("vhp", f, inputs, v, createGraph, strict, true, true);
    }

    /**
     * {@code hvp(f, (x₀, x₁, …), (v₀, v₁, …), create_graph, strict)}.
     *
     * @param f the function (one output element)
     * @param inputs the inputs
     * @param v one vector per input (null when there is one one-element input)
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of an input is an error
     * @return the output and one product per input
     */
    public static Products hvp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict) {
        return hessianProduct("hvp", f, inputs, v, createGraph, strict, true, true);
    }

    // ------------------------------------------------------------------ PyTorch's algorithms

    private static Function<List<Tensor>, List<Tensor>> single(UnaryOperator<Tensor> f) {
        return xs -> List.of(f.apply(xs.get(0)));
    }

    private static List<Tensor> one(Tensor v) {
        return v == null ? null : List.of(v);
    }

    private static List<Tensor> pair(Products p) {
        return Arrays.asList(p.outputs().get(0), p.products().get(0));
    }

    /** PyTorch's {@code _grad_preprocess}: fresh tensors (a differentiable view when they must keep their graph). */
    private static List<Tensor> preprocess(List<Tensor> inputs, boolean createGraph, boolean needGraph) {
        List<Tensor> r = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            if (createGraph && t.requiresGrad()) r.add(t.view(t.shape()));
            else r.add(t.detach().requiresGrad_(needGraph));
        }
        return r;
    }

    /** PyTorch's {@code _grad_postprocess}: detached unless createGraph. */
    private static List<Tensor> postprocess(List<Tensor> ts, boolean createGraph) {
        if (createGraph) return ts;
        List<Tensor> r = new ArrayList<>(ts.size());
        for (Tensor t : ts) r.add(t.detach());
        return r;
    }

    /** PyTorch's {@code _validate_v}. */
    private static void validateV(List<Tensor> v, List<Tensor> other, boolean isOtherTuple) {
        if (other.size() != v.size()) {
            if (isOtherTuple) {
                throw new IllegalArgumentException("v is a tuple of invalid length: should be " + other.size() + " but got "
                        + v.size() + ".");
            }
            throw new IllegalArgumentException("The given v should contain a single Tensor.");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!Arrays.equals(v.get(i).shape(), other.get(i).shape())) {
                throw new IllegalArgumentException((isOtherTuple ? "Entry " + i + " in " : "") + "v has invalid size: should be "
                        + size(other.get(i)) + " but got " + size(v.get(i)) + ".");
            }
        }
    }

    private static String size(Tensor t) {
        return "torch.Size(" + org.autograd4j.storage.Sizes.list(t.shape()) + ")";
    }

    /** PyTorch's {@code _check_requires_grad} for the function's outputs. */
    private static void checkOutputs(List<Tensor> outputs, boolean strict) {
        if (!strict) return;
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).requiresGrad()) {
                throw new IllegalStateException("Output " + i + " of the user-provided function does not require gradients. The "
                        + "outputs must be computed in a differentiable manner from the input when running in strict mode.");
            }
        }
    }

    /** PyTorch's {@code _check_requires_grad(…, "jacobian" | "hessian", strict)}. */
    private static void checkDerivatives(List<Tensor> ts, String type, boolean strict) {
        if (!strict) return;
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            if (t == null) {
                throw new IllegalStateException("The output of the user-provided function is independent of input " + i
                        + ". This is not allowed in strict mode.");
            }
            if (!t.requiresGrad()) {
                if (type.equals("hessian")) {
                    throw new IllegalStateException("The hessian of the user-provided function with respect to input " + i
                            + " is independent of the input. This is not allowed in strict mode. You should ensure that your "
                            + "function is thrice differentiable and that the hessian depends on the inputs.");
                }
                throw new IllegalStateException("While computing the hessian, found that the jacobian of the user-provided "
                        + "function with respect to input " + i + " is independent of the input. This is not allowed in strict "
                        + "mode. You should ensure that your function is twice differentiable and that the jacobian depends on the "
                        + "inputs (this would be violated by a linear function for example).");
            }
        }
    }

    /** PyTorch's {@code _autograd_grad}: outputs that do not require grad are left out; nulls for unused inputs. */
    private static List<Tensor> autogradGrad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
            boolean createGraph, boolean retainGraph) {
        List<Tensor> outs = new ArrayList<>(), grads = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor o = outputs.get(i);
            if (o != null && o.requiresGrad()) {
                outs.add(o);
                grads.add(gradOutputs == null ? null : gradOutputs.get(i));
            }
        }
        if (outs.isEmpty()) return Arrays.asList(new Tensor[inputs.size()]);
        return Autograd.grad(outs, inputs, grads, retainGraph, createGraph, true);
    }

    /** PyTorch's {@code _fill_in_zeros}: zeros for nulls, or its strict-mode errors for the given stage. */
    private static List<Tensor> fillInZeros(List<Tensor> grads, List<Tensor> refs, boolean strict, boolean createGraph, String stage) {
        List<Tensor> r = new ArrayList<>(grads.size());
        for (int i = 0; i < grads.size(); i++) {
            Tensor g = grads.get(i);
            if (g == null) {
                if (strict) {
                    throw new IllegalStateException(switch (stage) {
                        case "back" -> "The output of the user-provided function is independent of input " + i
                                + ". This is not allowed in strict mode.";
                        case "back_trick" -> "The gradient with respect to the input is independent of entry " + i
                                + " in the grad_outputs when using the double backward trick to compute forward mode gradients. "
                                + "This is not allowed in strict mode.";
                        case "double_back" -> "The jacobian of the user-provided function is independent of input " + i
                                + ". This is not allowed in strict mode.";
                        default -> "The hessian of the user-provided function is independent of entry " + i
                                + " in the grad_jacobian. This is not allowed in strict mode as it prevents from using the double "
                                + "backward trick to replace forward mode AD.";
                    });
                }
                g = Torch.zerosLike(refs.get(i));
            } else if (strict && createGraph && !g.requiresGrad()) {
                throw new IllegalStateException((stage.contains("double") ? "The hessian" : "The jacobian")
                        + " of the user-provided function is independent of input " + i
                        + ". This is not allowed in strict mode when create_graph=True.");
            }
            r.add(g);
        }
        return r;
    }

    private static Products vjp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict, boolean inputsTuple, boolean outputsTuple) {
        List<Tensor> ins, outputs;
        List<Tensor> vs = null;
        try (GradModeScope s = Torch.setGradEnabled(true)) {
            ins = preprocess(inputs, createGraph, true);
            outputs = f.apply(ins);
            checkOutputs(outputs, strict);
            if (v != null) {
                vs = preprocess(v, createGraph, false);
                validateV(vs, outputs, outputsTuple);
            } else if (outputs.size() != 1 || outputs.get(0).numel() != 1) {
                throw new IllegalArgumentException("The vector v can only be None if the user-provided function returns a single "
                        + "Tensor with a single element.");
            }
        }
        List<Tensor> products;
        try (GradModeScope s = Torch.setGradEnabled(createGraph || Torch.isGradEnabled())) {
            products = fillInZeros(autogradGrad(outputs, ins, vs, createGraph, false), ins, strict, createGraph, "back");
        }
        return new Products(postprocess(outputs, createGraph), postprocess(products, createGraph));
    }

    private static Products jvp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
            boolean strict, boolean inputsTuple, boolean outputsTuple) {
        List<Tensor> ins, vs, outputs = new ArrayList<>(), tangents = new ArrayList<>();
        try (GradModeScope s = Torch.setGradEnabled(true)) {
            ins = preprocess(inputs, createGraph, true);
            if (v != null) {
                vs = preprocess(v, createGraph, false);
                validateV(vs, ins, inputsTuple);
            } else {
                if (ins.size() != 1 || ins.get(0).numel() != 1) {
                    throw new IllegalArgumentException("The vector v can only be None if the input to the user-provided function is "
                            + "a single Tensor with a single element.");
                }
                vs = List.of(Torch.onesLike(ins.get(0)));
            }
            // forward mode: one pass with each input's tangent (PyTorch 1.13 uses the double-backward trick instead;
            // the values are the same)
            List<Tensor> raw;
            try (ForwardAD.DualLevel level = ForwardAD.dualLevel()) {
                List<Tensor> duals = new ArrayList<>(ins.size());
                for (int i = 0; i < ins.size(); i++) duals.add(ForwardAD.makeDual(ins.get(i), vs.get(i)));
                raw = f.apply(duals);
                for (Tensor o : raw) {
                    ForwardAD.UnpackedDualTensor u = ForwardAD.unpackDual(o);
                    outputs.add(u.primal());
                    tangents.add(u.tangent());
                }
            }
            checkOutputs(outputs, strict);
            if (strict) {
                // PyTorch's first backward: every input must reach some output
                List<Tensor> grads = autogradGrad(outputs, ins, zerosLike(outputs), true, true);
                for (int i = 0; i < grads.size(); i++) {
                    if (grads.get(i) == null) {
                        throw new IllegalStateException("The output of the user-provided function is independent of input " + i
                                + ". This is not allowed in strict mode.");
                    }
                }
            }
        }
        List<Tensor> jvps = fillInZeros(tangents, outputs, strict, createGraph, "back_trick");
        return new Products(postprocess(outputs, createGraph), postprocess(jvps, createGraph));
    }

    private static List<Tensor> zerosLike(List<Tensor> ts) {
        List<Tensor> r = new ArrayList<>(ts.size());
        for (Tensor t : ts) r.add(Torch.zerosLike(t));
        return r;
    }

    private static List<List<Tensor>> jacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize, boolean tuple) {
        try (GradModeScope s = Torch.setGradEnabled(true)) {
            List<Tensor> ins = preprocess(inputs, createGraph, true);
            List<Tensor> outputs = f.apply(ins);
            checkOutputs(outputs, strict);
            if (vectorize && strict) {
                throw new IllegalArgumentException("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not "
                        + "supported together. Please either set `strict=False` or `vectorize=False`.");
            }
            List<List<Tensor>> jac = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                Tensor out = outputs.get(i);
                List<List<Tensor>> rows = new ArrayList<>();
                for (int k = 0; k < ins.size(); k++) rows.add(new ArrayList<>());
                Tensor flat = out.reshape(-1);
                for (long j = 0; j < out.numel(); j++) {
                    List<Tensor> vj = autogradGrad(List.of(flat.select(0, j)), ins, null, createGraph, true);
                    for (int k = 0; k < ins.size(); k++) {
                        Tensor g = vj.get(k);
                        if (g != null) {
                            if (strict && createGraph && !g.requiresGrad()) {
                                throw new IllegalStateException("The jacobian of the user-provided function is independent of input "
                                        + i + ". This is not allowed in strict mode when create_graph=True.");
                            }
                            rows.get(k).add(g);
                        } else {
                            if (strict) {
                                throw new IllegalStateException("Output " + i + " of the user-provided function is independent of input "
                                        + k + ". This is not allowed in strict mode.");
                            }
                            rows.get(k).add(Torch.zerosLike(ins.get(k)));
                        }
                    }
                }
                List<Tensor> blocks = new ArrayList<>();
                for (int k = 0; k < ins.size(); k++) {
                    long[] shape = concat(out.shape(), ins.get(k).shape());
                    Tensor block = rows.get(k).isEmpty() ? Torch.zeros(shape, ins.get(k).dtype())
                            : Torch.stack(rows.get(k), 0).view(shape);
                    blocks.add(block);
                }
                jac.add(postprocess(blocks, createGraph));
            }
            return jac;
        }
    }

    /** PyTorch's {@code _jacfwd}: one forward-mode pass per element of the inputs (a standard-basis tangent). */
    private static List<List<Tensor>> jacobianForward(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs) {
        List<List<List<Tensor>>> columns = null; // [output][input][element]
        List<Tensor> primals = null;
        for (int k = 0; k < inputs.size(); k++) {
            Tensor x = inputs.get(k);
            for (long e = 0; e < x.numel(); e++) {
                try (ForwardAD.DualLevel level = ForwardAD.dualLevel()) {
                    List<Tensor> duals = new ArrayList<>(inputs.size());
                    for (int i = 0; i < inputs.size(); i++) {
                        Tensor in = inputs.get(i);
                        Tensor t = Torch.zerosLike(in);
                        if (i == k) t.reshape(-1).select(0, e).fill_(1.0);
                        duals.add(ForwardAD.makeDual(in, t));
                    }
                    List<Tensor> outs = f.apply(duals);
                    if (columns == null) {
                        columns = new ArrayList<>();
                        primals = new ArrayList<>();
                        for (Tensor o : outs) {
                            List<List<Tensor>> perInput = new ArrayList<>();
                            for (int i = 0; i < inputs.size(); i++) perInput.add(new ArrayList<>());
                            columns.add(perInput);
                            primals.add(ForwardAD.unpackDual(o).primal());
                        }
                    }
                    for (int j = 0; j < outs.size(); j++) {
                        ForwardAD.UnpackedDualTensor u = ForwardAD.unpackDual(outs.get(j));
                        columns.get(j).get(k).add(u.tangent() != null ? u.tangent() : Torch.zerosLike(u.primal()));
                    }
                }
            }
        }
        if (columns == null) throw new IllegalArgumentException("jacobian: the inputs have no elements");
        List<List<Tensor>> jac = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            Tensor out = primals.get(j);
            List<Tensor> blocks = new ArrayList<>();
            for (int k = 0; k < inputs.size(); k++) {
                long[] shape = concat(out.shape(), inputs.get(k).shape());
                List<Tensor> cols = columns.get(j).get(k);
                // the input's elements are the last dims, as PyTorch's transposed forward-mode Jacobian
                blocks.add(cols.isEmpty() ? Torch.zeros(shape, out.dtype()) : Torch.stack(cols, out.dim()).reshape(shape));
            }
            jac.add(blocks);
        }
        return jac;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static Tensor singleOutput(Function<List<Tensor>, Tensor> f, List<Tensor> ins, boolean strict, String fn) {
        Tensor out = f.apply(ins);
        checkOutputs(List.of(out), strict);
        if (out.numel() != 1) {
            throw new IllegalArgumentException("The Tensor returned by the function given to " + fn + " should contain a single element");
        }
        return out;
    }

    private static List<List<Tensor>> hessian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize, boolean tuple) {
        return hessian(f, inputs, createGraph, strict, vectorize, "reverse-mode");
    }

    /**
     * {@code hessian(f, (x₀, x₁, …), create_graph, strict, vectorize, outer_jacobian_strategy)}: the outer
     * Jacobian (of the gradient) by {@code "reverse-mode"} (double backward) or {@code "forward-mode"}
     * (forward-over-reverse; as PyTorch it needs {@code vectorize}).
     *
     * @param f the function (one output element)
     * @param inputs the inputs
     * @param createGraph whether the results carry a graph
     * @param strict whether independence of an input is an error
     * @param vectorize accepted for parity
     * @param outerJacobianStrategy {@code "reverse-mode"} or {@code "forward-mode"}
     * @return the Hessian blocks
     */
    public static List<List<Tensor>> hessian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph,
            boolean strict, boolean vectorize, String outerJacobianStrategy) {
        if (!outerJacobianStrategy.equals("forward-mode") && !outerJacobianStrategy.equals("reverse-mode")) {
            throw new IllegalArgumentException("Expected strategy to be either \"forward-mode\" or \"reverse-mode\".");
        }
        boolean forward = outerJacobianStrategy.equals("forward-mode");
        // PyTorch's: the jacobian of the function's gradient, itself a jacobian with create_graph
        Function<List<Tensor>, List<Tensor>> jacFunc = inp -> {
            // forward mode: the dual inputs must require grad, or the inner jacobian would detach their tangents
            if (forward) for (Tensor t : inp) t.requiresGrad_(true);
            List<List<Tensor>> j = jacobian(xs -> List.of(singleOutput(f, xs, strict, "hessian").squeeze()), inp, true, false, false,
                    true);
            List<Tensor> row = j.get(0);
            checkDerivatives(row, "jacobian", strict);
            return row;
        };
        return jacobian(jacFunc, inputs, createGraph, strict, vectorize, outerJacobianStrategy);
    }

    private static Products hessianProduct(String fn, Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v,
            boolean createGraph, boolean strict, boolean inputsTuple, boolean unused) {
        List<Tensor> ins, vs = null, outputs, jac, gradJac = null, doubleBack = null;
        try (GradModeScope s = Torch.setGradEnabled(true)) {
            ins = preprocess(inputs, createGraph, true);
            if (v != null) {
                vs = preprocess(v, createGraph, false);
                validateV(vs, ins, inputsTuple);
            } else if (ins.size() != 1 || ins.get(0).numel() != 1) {
                throw new IllegalArgumentException("The vector v can only be None if the input to the user-provided function is a "
                        + "single Tensor with a single element.");
            }
            Tensor out = f.apply(ins);
            outputs = List.of(out);
            checkOutputs(outputs, strict);
            if (out.numel() != 1) {
                throw new IllegalArgumentException("The Tensor returned by the function given to " + fn
                        + " should contain a single element");
            }
            jac = autogradGrad(outputs, ins, null, true, false);
            checkDerivatives(jac, "jacobian", strict);
            if (fn.equals("hvp")) {
                // the double-backward trick: H·v as the gradient, with respect to a zero gradJac, of (gradJac·H)
                gradJac = new ArrayList<>();
                for (Tensor x : ins) gradJac.add(Torch.zerosLike(x).requiresGrad_());
                doubleBack = autogradGrad(jac, ins, gradJac, true, false);
                checkDerivatives(jac, "hessian", strict);
            }
        }
        List<Tensor> products;
        try (GradModeScope s = Torch.setGradEnabled(createGraph || Torch.isGradEnabled())) {
            if (fn.equals("vhp")) {
                products = fillInZeros(autogradGrad(jac, ins, vs, createGraph, false), ins, strict, createGraph, "double_back");
            } else {
                products = fillInZeros(autogradGrad(doubleBack, gradJac, vs, createGraph, false), ins, strict, createGraph,
                        "double_back_trick");
            }
        }
        return new Products(postprocess(outputs, createGraph), Collections.unmodifiableList(postprocess(products, createGraph)));
    }
}
