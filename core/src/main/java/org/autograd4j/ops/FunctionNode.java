package org.autograd4j.ops;

import java.util.Arrays;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Sizes;

/**
 * The node of a custom differentiable function ({@code org.autograd4j.autograd.Function}), PyTorch's
 * {@code PyNode}: named after the function's class ({@code LegendreBackward}), one next edge per tensor argument
 * of its forward, one gradient slot per output. {@link #wire} attaches it to the forward's outputs the way
 * PyTorch's {@code _wrap_outputs} does (dirty inputs take the node in place, inputs returned as they are and views
 * become views with the node as history, non-differentiable outputs get none); {@link #apply} runs the user's
 * backward and checks what it returns with PyTorch's messages, then reduces each gradient to its input's shape and
 * casts it to its dtype as the engine's {@code validate_outputs} does.
 */
public final class FunctionNode extends BackwardNode {
    /** The user's backward over library tensors: one gradient per forward argument (null for none). */
    @FunctionalInterface
    public interface Backward {
        /** The forward arguments' gradients from the outputs' gradients (null entries where not materialised). */
        TensorImpl[] apply(TensorImpl[] gradOutputs);
    }

    private final String name;
    private final Backward backward;
    private final boolean[] tensorArg;
    private final int[][] inShapes;
    private final DType[] inTypes;
    private int[][] outShapes;
    private DType[] outTypes;
    private boolean materialize = true;
    private SavedTensor[] saved = new SavedTensor[0];

    private FunctionNode(String name, Backward backward, Object[] args, NextEdge[] edges) {
        super(edges);
        markObserved(); // its backward is the user's
        this.name = name;
        this.backward = backward;
        this.tensorArg = new boolean[args.length];
        int k = 0;
        this.inShapes = new int[edges.length][];
        this.inTypes = new DType[edges.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof TensorImpl t) {
                tensorArg[i] = true;
                inShapes[k] = t.shape();
                inTypes[k++] = t.dtype();
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String pythonClassName() {
        return "torch.autograd.function." + name;
    }

    @Override
    public int numInputs() {
        return outShapes.length;
    }

    /** True when the forward's tensor argument number {@code k} (counting tensors only) needs a gradient. */
    public boolean needs(int k) {
        return nextEdge(k).node() != null;
    }

    /** The saved tensors, each checked against in-place modification and a freed graph (PyTorch's messages). */
    public TensorImpl[] savedTensors() {
        TensorImpl[] r = new TensorImpl[saved.length];
        for (int i = 0; i < r.length; i++) r[i] = saved[i] == null ? null : saved[i].get();
        return r;
    }

    /**
     * Attaches the outputs of a custom function's forward (run with grad mode off) to its graph, as PyTorch's
     * {@code _wrap_outputs}; returns the outputs the caller sees (an input returned as it is comes back as a view
     * of it). {@code args} holds the forward's arguments with tensors as library tensors; {@code dirty},
     * {@code nonDifferentiable} and {@code toSave} are what the ctx was told; the checks run before anything changes.
     * Returns {@code outs} unchanged (but dirty inputs' versions bumped) when nothing is recorded.
     */
    public static TensorImpl[] wire(String name, Object[] args, TensorImpl[] outs, List<TensorImpl> dirty,
                                    List<TensorImpl> nonDifferentiable, List<TensorImpl> toSave, boolean materialize,
                                    Backward backward, FunctionNode[] node) {
        boolean executable = false;
        int tensors = 0;
        for (Object a : args) {
            if (a instanceof TensorImpl t) {
                tensors++;
                if (t.requiresGrad()) executable = true;
            }
        }
        executable &= GradMode.isEnabled();
        for (TensorImpl d : dirty) {
            if (indexOf(outs, d) < 0) {
                throw new IllegalStateException("Some elements marked as dirty during the forward method were not returned as output. "
                        + "The inputs that are modified inplace must all be outputs of the Function.");
            }
            if (executable && d.isLeaf() && d.requiresGrad()) {
                throw new IllegalStateException("a leaf Variable that requires grad has been used in an in-place operation.");
            }
        }
        NextEdge[] edges = new NextEdge[tensors];
        int k = 0;
        for (Object a : args) if (a instanceof TensorImpl t) edges[k++] = executable ? Graph.edge(t) : NextEdge.NONE;
        FunctionNode fn = executable ? new FunctionNode(name, backward, args, edges) : null;
        if (fn != null) {
            // markDirty on a view rebases its base through CopySlices, which sends the node's input 0 the view's old value
            for (TensorImpl d : dirty) {
                if (d.base() != null && (outs.length != 1 || edgeIndexOf(args, d) != 0)) {
                    throw new UnsupportedOperationException("autograd4j: markDirty on a view is supported when the view is the "
                            + "first tensor argument and the only output of the Function; clone it first otherwise");
                }
            }
        }
        for (TensorImpl d : dirty) d.bumpVersion();
        if (fn == null) {
            if (node != null) node[0] = null;
            return outs;
        }
        TensorImpl[] original = outs.clone();
        TensorImpl[] result = outs.clone();
        for (int j = 0; j < outs.length; j++) {
            TensorImpl o = outs[j];
            boolean isInput = edgeIndexOf(args, o) >= 0;
            boolean isDirty = indexOf(dirty, o) >= 0;
            if (indexOf(nonDifferentiable, o) >= 0 || !o.dtype().isFloatingPoint()) {
                continue; // no history (computed with grad mode off); an input keeps its own
            }
            if (isDirty) {
                if (o.base() == null) {
                    o.setHistory(fn, j);
                } else {
                    TensorImpl base = o.base();
                    base.setHistory(new CopySlices(Graph.edge(base), base.dtype(), fn, Graph.geometryInBase(o)), 0);
                    Graph.regenerateViewHistory(o);
                }
            } else if (isInput || o.base() != null) {
                // PyTorch: an input returned as-is becomes input.view_as(input); views made in forward keep their base.
                // Both may not be written in place later (the view's rebase would bypass the custom backward).
                TensorImpl v = isInput ? o.view(o.layout()) : o;
                v.setHistory(fn, j);
                v.setCustomFunctionView("Output " + j + " of " + name);
                result[j] = v;
            } else {
                o.setHistory(fn, j);
            }
        }
        SavedTensor[] s = new SavedTensor[toSave.size()];
        for (int i = 0; i < s.length; i++) {
            TensorImpl t = toSave.get(i);
            if (t == null) continue;
            int j = indexOf(original, t);
            boolean output = j >= 0 && (edgeIndexOf(args, t) < 0 || indexOf(dirty, t) >= 0);
            s[i] = output ? SavedTensor.output(result[j]) : SavedTensor.input(t);
            if (output) s[i].setProducer(name);
        }
        fn.saved = s;
        fn.materialize = materialize;
        fn.outShapes = new int[result.length][];
        fn.outTypes = new DType[result.length];
        for (int j = 0; j < result.length; j++) {
            fn.outShapes[j] = result[j].shape();
            fn.outTypes[j] = result[j].dtype();
        }
        if (node != null) node[0] = fn;
        return result;
    }

    private static int indexOf(TensorImpl[] ts, TensorImpl t) {
        for (int i = 0; i < ts.length; i++) if (ts[i] == t) return i;
        return -1;
    }

    private static int indexOf(List<TensorImpl> ts, TensorImpl t) {
        for (int i = 0; i < ts.size(); i++) if (ts.get(i) == t) return i;
        return -1;
    }

    /** Which tensor argument (counting tensors only) {@code t} is, or -1. */
    private static int edgeIndexOf(Object[] args, TensorImpl t) {
        int k = 0;
        for (Object a : args) {
            if (a instanceof TensorImpl x) {
                if (x == t) return k;
                k++;
            }
        }
        return -1;
    }

    @Override
    public TensorImpl[] apply(TensorImpl[] grads) {
        TensorImpl[] g = Arrays.copyOf(grads, outShapes.length);
        if (materialize) {
            for (int j = 0; j < g.length; j++) if (g[j] == null) g[j] = Creation.full(outShapes[j], 0, outTypes[j]);
        }
        TensorImpl[] r = backward.apply(g);
        int n = tensorArg.length;
        if (r == null) r = new TensorImpl[0];
        int got = r.length;
        if (got > n) {
            // PyTorch drops trailing Nones beyond the forward's arguments
            for (int i = n; i < got; i++) if (r[i] != null) throw wrongCount(n, got);
            r = Arrays.copyOf(r, n);
        } else if (got < n) {
            throw wrongCount(n, got);
        }
        TensorImpl[] out = new TensorImpl[numOutputs()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!tensorArg[i]) {
                if (r[i] != null) {
                    throw new IllegalStateException("function " + name + " returned a gradient different than None at position "
                            + (i + 1) + ", but the corresponding forward input was not a Variable");
                }
                continue;
            }
            TensorImpl gi = r[i];
            int e = k++;
            if (gi == null || !needs(e)) continue;
            int[] shape = inShapes[e];
            if (!Arrays.equals(gi.shape(), shape)) {
                if (!expandable(shape, gi.shape())) {
                    throw new IllegalStateException("Function " + name + " returned an invalid gradient at index " + e + " - got "
                            + Sizes.list(gi.shape()) + " but expected shape compatible with " + Sizes.list(shape));
                }
                gi = Reductions.sumTo(gi, shape);
            }
            if (gi.dtype() != inTypes[e]) gi = Pointwise.to(gi, inTypes[e]);
            out[e] = gi;
        }
        return out;
    }

    private IllegalStateException wrongCount(int expected, int got) {
        return new IllegalStateException("function " + name + " returned an incorrect number of gradients (expected " + expected
                + ", got " + got + ")");
    }

    /** True when {@code shape} broadcasts to {@code target} (PyTorch's {@code is_expandable_to}). */
    private static boolean expandable(int[] shape, int[] target) {
        if (shape.length > target.length) return false;
        for (int i = 1; i <= shape.length; i++) {
            int s = shape[shape.length - i], t = target[target.length - i];
            if (s != t && s != 1) return false;
        }
        return true;
    }

    @Override
    public java.util.List<TensorImpl> savedForDisplay() {
        java.util.List<TensorImpl> r = new java.util.ArrayList<>();
        for (SavedTensor s : saved) if (s != null && s.peek() != null) r.add(s.peek());
        return r;
    }

    @Override
    public void releaseVariables() {
        for (SavedTensor s : saved) if (s != null) s.release();
    }
}
