package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.engine.Facade;
import org.autograd4j.ops.Creation;
import org.autograd4j.ops.FunctionNode;
import org.autograd4j.storage.Sizes;

/**
 * A custom differentiable function, PyTorch's {@code torch.autograd.Function}: subclass it, write
 * {@link #forward} and {@link #backward}, and call {@link #apply} (Python's {@code MyFn.apply(x)}).
 *
 * <pre>{@code
 * class LegendrePolynomial3 extends Function {
 *     public Tensor forward(FunctionCtx ctx, Object... args) {       // P3(x) = ½(5x³ − 3x)
 *         Tensor x = (Tensor) args[0];
 *         ctx.saveForBackward(x);
 *         return x.pow(3).mul(5).sub(x.mul(3)).mul(0.5);
 *     }
 *     public Tensor[] backward(FunctionCtx ctx, Tensor... g) {       // P3'(x) = 1.5(5x² − 1)
 *         Tensor x = ctx.savedTensors().get(0);
 *         return new Tensor[] {g[0].mul(x.pow(2).mul(5).sub(1).mul(1.5))};
 *     }
 * }
 * Tensor y = new LegendrePolynomial3().apply(x);                    // y.gradFn(): LegendrePolynomial3Backward
 * }</pre>
 *
 * <p>As in PyTorch: forward runs with grad mode off and may take any arguments (tensors and other values);
 * the outputs get one node, named after the class with {@code Backward} appended, whose next functions are the
 * tensor arguments' nodes; backward receives one gradient per output (zeros for an output the loss did not use,
 * unless {@link FunctionCtx#setMaterializeGrads} says null) and returns one per forward argument, null for
 * non-tensor arguments and where no gradient flows. A backward written in tensor ops differentiates again
 * ({@code createGraph}: double backward through a custom function). Gradients are checked as PyTorch checks them:
 * a wrong count ("function LegendreBackward returned an incorrect number of gradients (expected 1, got 2)"), a
 * shape that does not broadcast to the input's ("… returned an invalid gradient at index 0 - got [2] but expected
 * shape compatible with [3]"), a gradient for a non-tensor argument; one broadcast to a larger shape is summed
 * back, and each is cast to its input's dtype. An input returned as it is, and a view of an input, come back as
 * views that may not be written in place while recording (PyTorch's error), and an input written in place must be
 * declared with {@link FunctionCtx#markDirty}.
 *
 * <p>Forward-mode AD ({@link ForwardAD}) goes through {@link #jvp}, which a subclass overrides to give its outputs'
 * tangents, as PyTorch's {@code jvp} staticmethod; without it a tangent among the arguments raises PyTorch's error.
 *
 * <p>A function object holds no state between calls (each call has its own {@link FunctionCtx}), so one instance
 * can serve every call, as Python's class does.
 */
public abstract class Function {
    /** For subclasses. */
    protected Function() {
    }

    /**
     * The forward computation ({@code forward(ctx, *args)}), run with grad mode off. Returns the output: a
     * {@link Tensor}, or several as a {@code List<Tensor>} or {@code Tensor[]}; a subclass may narrow the return
     * type to {@code Tensor}.
     *
     * @param ctx the context shared with {@link #backward}
     * @param args the arguments {@link #apply} received, tensors and other values
     * @return the output tensor, or a list or array of them
     */
    public abstract Object forward(FunctionCtx ctx, Object... args);

    /**
     * The gradients of forward's arguments from those of its outputs ({@code backward(ctx, *grad_outputs)}).
     *
     * @param ctx the context forward filled
     * @param gradOutputs one gradient per output, in order (zeros or null for an output that received none)
     * @return one gradient per forward argument, in order: null for a non-tensor argument or no gradient
     */
    public abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

    /**
     * The outputs' tangents from the inputs' ({@code jvp(ctx, *grad_inputs)}), for forward-mode AD: called after
     * {@link #forward} when a dual level is open and a tensor argument has a tangent there, as PyTorch calls it.
     * Forward and jvp see primal values only (their ops propagate no tangent); jvp runs with grad mode as it is.
     * Not overridden, it raises PyTorch's error ("You must implement the jvp function for custom
     * autograd.Function to use it with forward mode AD.").
     *
     * @param ctx the context forward filled
     * @param tangents one per forward argument, in order: the tangent of a tensor argument (zeros where it has
     *     none), null for a non-tensor argument
     * @return one tangent per output, in order, each of its output's shape (null: the output gets none)
     */
    public Tensor[] jvp(FunctionCtx ctx, Tensor... tangents) {
        throw new UnsupportedOperationException("You must implement the jvp function for custom autograd.Function to use it with "
                + "forward mode AD.");
    }

    /**
     * The name of this function's class, from which the node's name is made ({@code name() + "Backward"}): the
     * simple class name, {@code "Function"} for an anonymous class. Override to choose another.
     *
     * @return the name
     */
    protected String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "Function" : n;
    }

    /**
     * Runs forward on {@code args} and records the node ({@code MyFn.apply(*args)}), for a function with one
     * output.
     *
     * @param args forward's arguments
     * @return the output
     * @throws IllegalStateException when forward returned several outputs (use {@link #applyAll})
     */
    public final Tensor apply(Object... args) {
        Call c = call(args);
        if (!c.single) {
            throw new IllegalStateException(name() + ".forward returned " + c.outputs.size() + " outputs: use applyAll");
        }
        return c.outputs.get(0);
    }

    /**
     * Runs forward on {@code args} and records the node, returning every output (Python's tuple result).
     *
     * @param args forward's arguments
     * @return the outputs, in order, unmodifiable
     */
    public final List<Tensor> applyAll(Object... args) {
        return call(args).outputs;
    }

    private record Call(List<Tensor> outputs, boolean single) {
    }

    private Call call(Object[] args) {
        Facade.Access api = Facade.access();
        Object[] implArgs = new Object[args.length];
        boolean[] needs = new boolean[args.length];
        boolean enabled = GradMode.isEnabled();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Tensor t) {
                implArgs[i] = api.impl(t);
                needs[i] = enabled && t.requiresGrad();
            } else {
                implArgs[i] = args[i];
            }
        }
        FunctionCtx ctx = new FunctionCtx(needs);
        // forward AD: the arguments' tangents at the open level (null when none has one: the plain path)
        int level = DualLevels.open() == 0 ? 0 : DualLevels.current();
        TensorImpl[] tangents = null;
        for (int i = 0; level != 0 && i < args.length; i++) {
            if (implArgs[i] instanceof TensorImpl ti && ti.tangent(level) != null) {
                if (tangents == null) tangents = new TensorImpl[args.length];
                tangents[i] = ti.tangent(level);
            }
        }
        Object result;
        boolean prev = GradMode.set(false);
        // forward sees primal values only, as PyTorch's does: its ops propagate no tangent
        int prevTangent = tangents == null ? 0 : DualLevels.beginTangent();
        try {
            result = forward(ctx, args.clone());
        } finally {
            GradMode.set(prev);
            if (tangents != null) DualLevels.endTangent(prevTangent);
        }
        boolean single = result instanceof Tensor;
        List<Tensor> outs = outputs(result);
        TensorImpl[] outImpls = new TensorImpl[outs.size()];
        for (int j = 0; j < outImpls.length; j++) outImpls[j] = api.impl(outs.get(j));
        String nodeName = name() + "Backward";
        FunctionNode[] node = new FunctionNode[1];
        FunctionNode.Backward bw = grads -> {
            Tensor[] gs = new Tensor[grads.length];
            for (int j = 0; j < gs.length; j++) gs[j] = grads[j] == null ? null : (Tensor) api.wrap(grads[j]);
            Tensor[] r = backward(ctx, gs);
            if (r == null) return null;
            TensorImpl[] ri = new TensorImpl[r.length];
            for (int i = 0; i < r.length; i++) ri[i] = r[i] == null ? null : api.impl(r[i]);
            return ri;
        };
        TensorImpl[] wired = FunctionNode.wire(nodeName, implArgs, outImpls, impls(api, ctx.dirty()), impls(api, ctx.nonDifferentiable()),
                impls(api, ctx.toSave()), ctx.materializeGrads(), bw, node);
        ctx.node = node[0];
        if (tangents != null) setTangents(api, ctx, args, implArgs, tangents, wired, level);
        List<Tensor> r = new ArrayList<>(wired.length);
        for (TensorImpl t : wired) r.add((Tensor) api.wrap(t));
        return new Call(Collections.unmodifiableList(r), single);
    }

    /** Runs {@link #jvp} (primal values only) and gives each output its tangent, with PyTorch's checks. */
    private void setTangents(Facade.Access api, FunctionCtx ctx, Object[] args, Object[] implArgs, TensorImpl[] tangents,
            TensorImpl[] outs, int level) {
        Tensor[] ts = new Tensor[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!(implArgs[i] instanceof TensorImpl ti)) continue;
            TensorImpl t = tangents[i] != null ? tangents[i] : Creation.full(ti.shape(), 0, ti.dtype());
            ts[i] = (Tensor) api.wrap(t);
        }
        Tensor[] r;
        int prev = DualLevels.beginTangent();
        try {
            r = jvp(ctx, ts);
        } finally {
            DualLevels.endTangent(prev);
        }
        int got = r == null ? 0 : r.length;
        if (got != outs.length) {
            throw new IllegalStateException("Function's jvp returned an invalid number of forward gradients (expected " + outs.length
                    + " but got " + got + ")");
        }
        for (int j = 0; j < outs.length; j++) {
            if (r[j] == null || !outs[j].dtype().isFloatingPoint()) continue;
            TensorImpl t = api.impl(r[j]);
            if (!Arrays.equals(t.shape(), outs[j].shape())) {
                throw new IllegalArgumentException("Trying to set a forward gradient that has a different size than that of the "
                        + "original Tensor, this is not supported. Tensor is of size " + Sizes.list(outs[j].shape())
                        + " while the given forward gradient is of size " + Sizes.list(t.shape()) + ".");
            }
            outs[j].setTangent(level, t);
        }
    }

    private List<Tensor> outputs(Object result) {
        if (result instanceof Tensor t) return List.of(t);
        List<?> items;
        if (result instanceof Tensor[] a) items = Arrays.asList(a);
        else if (result instanceof List<?> l) items = l;
        else {
            throw new IllegalStateException(name() + ".forward must return a Tensor, a List<Tensor> or a Tensor[], not "
                    + (result == null ? "null" : result.getClass().getName()));
        }
        List<Tensor> r = new ArrayList<>(items.size());
        for (Object o : items) {
            if (!(o instanceof Tensor t)) {
                throw new IllegalStateException(name() + ".forward returned a non-tensor output: "
                        + (o == null ? "null" : o.getClass().getName()));
            }
            r.add(t);
        }
        return r;
    }

    private static List<TensorImpl> impls(Facade.Access api, List<Tensor> ts) {
        List<TensorImpl> r = new ArrayList<>(ts.size());
        for (Tensor t : ts) r.add(t == null ? null : api.impl(t));
        return r;
    }
}
