package org.autograd4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.autograd4j.storage.Sizes;

/**
 * The backward scheduler, after PyTorch's {@code engine.cpp}: count the dependencies of every reachable
 * node, then run nodes from a ready queue ordered newest-first (max-heap on sequence number, AccumulateGrad
 * first), summing the gradients that arrive for each input slot. There is no recursion anywhere, so graphs
 * of any depth run on the default thread stack. The engine knows nothing of which ops exist.
 */
public final class Engine {
    // Internal to the library: the API layer refreshes stale view histories before handing tensors in.
    private Engine() {
    }

    /**
     * Test-only observation point: when set on the calling thread, it receives every node the engine applies,
     * right after it ran, in execution order (where PyTorch would call the node's post hooks).
     */
    static final ThreadLocal<java.util.function.Consumer<BackwardNode>> TRACE = new ThreadLocal<>();

    /** Per-node state during one backward pass. */
    private static final class Task {
        final BackwardNode node;
        int dependencies;
        TensorImpl[] buffer;
        boolean needed = true;
        boolean queued;
        boolean visited; // markNeeded's traversal mark
        int[] captureIndex; // for autograd.grad: which result slot each input slot feeds, or -1

        Task(BackwardNode node) {
            this.node = node;
        }
    }

    /**
     * Runs backward from {@code roots} with the given output gradients (null entries are implicit ones for
     * one-element roots). With {@code inputs == null} gradients accumulate into leaves' {@code .grad}
     * ({@code TensorImpl.backward}); otherwise the gradients of {@code inputs} are returned and nothing is
     * accumulated ({@code torch.autograd.grad}), with null for an unused input when {@code allowUnused}.
     */
    public static List<TensorImpl> run(List<TensorImpl> roots, List<TensorImpl> gradOutputs, boolean retainGraph, boolean createGraph,
                                   List<TensorImpl> inputs, boolean allowUnused, GradMath math) {
        int nRoots = roots.size();
        NextEdge[] rootEdges = new NextEdge[nRoots];
        TensorImpl[] rootGrads = new TensorImpl[nRoots];
        for (int i = 0; i < nRoots; i++) {
            TensorImpl r = roots.get(i);
            NextEdge e = r.gradientEdge();
            if (e == null) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            TensorImpl g = gradOutputs == null ? null : gradOutputs.get(i);
            if (g == null) {
                if (r.numel() != 1) throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                g = math.onesLike(r);
            } else if (!java.util.Arrays.equals(g.shape(), r.shape())) {
                throw new IllegalStateException("Mismatch in shape: grad_output[" + i + "] has a shape of torch.Size("
                        + torchSize(g.shape()) + ") and output[" + i + "] has a shape of torch.Size(" + torchSize(r.shape()) + ").");
            }
            // as PyTorch's validate_outputs on the graph root: the gradient takes the output's dtype
            if (g.dtype() != r.dtype()) g = math.to(g, r.dtype());
            rootEdges[i] = e;
            rootGrads[i] = g;
        }

        TaskMap tasks = computeDependencies(rootEdges);

        TensorImpl[] captured = null;
        if (inputs != null) {
            captured = new TensorImpl[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                TensorImpl in = inputs.get(i);
                NextEdge e = in.gradientEdge();
                if (e == null) throw new IllegalStateException("One of the differentiated Tensors does not require grad");
                Task t = tasks.get(e.node());
                if (t == null) {
                    if (!allowUnused) {
                        throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the graph. "
                                + "Set allow_unused=True if this is the desired behavior.");
                    }
                    continue;
                }
                if (t.captureIndex == null) {
                    t.captureIndex = new int[t.node.numInputs()];
                    java.util.Arrays.fill(t.captureIndex, -1);
                }
                t.captureIndex[e.inputNr()] = i;
            }
            markNeeded(tasks, rootEdges);
        }

        java.util.function.Consumer<BackwardNode> trace = TRACE.get();
        boolean prevMode = GradMode.set(createGraph);
        try {
            PriorityQueue<Task> ready = new PriorityQueue<>(
                    (a, b) -> Long.compare(b.node.sequenceNr(), a.node.sequenceNr()));
            for (int i = 0; i < nRoots; i++) {
                Task t = tasks.get(rootEdges[i].node());
                addToBuffer(t, rootEdges[i].inputNr(), rootGrads[i], math);
            }
            for (int i = 0; i < nRoots; i++) {
                Task t = tasks.get(rootEdges[i].node());
                if (t.dependencies == 0 && !t.queued) {
                    t.queued = true;
                    ready.add(t);
                }
            }
            while (!ready.isEmpty()) {
                Task task = ready.poll();
                BackwardNode node = task.node;
                TensorImpl[] grads = task.buffer;
                task.buffer = null;
                if (grads == null) grads = new TensorImpl[node.numInputs()];
                if (task.captureIndex != null) {
                    for (int s = 0; s < task.captureIndex.length; s++) {
                        if (task.captureIndex[s] >= 0) captured[task.captureIndex[s]] = grads[s];
                    }
                }
                TensorImpl[] outs = null;
                boolean accumulator = node instanceof GradAccumulator;
                boolean run = task.needed && !(inputs != null && accumulator);
                if (run && anyNonNull(grads)) {
                    if (accumulator) math.accumulate(((GradAccumulator) node).variable(), grads[0]);
                    else outs = node.apply(grads);
                    if (trace != null) trace.accept(node);
                }
                if (!retainGraph && run) node.releaseVariables();
                int n = node.numOutputs();
                for (int j = 0; j < n; j++) {
                    NextEdge e = node.nextEdge(j);
                    if (e.node() == null) continue;
                    Task next = tasks.get(e.node());
                    if (outs != null && j < outs.length && outs[j] != null) addToBuffer(next, e.inputNr(), outs[j], math);
                    if (--next.dependencies == 0) {
                        ready.add(next);
                    }
                }
            }
        } finally {
            GradMode.set(prevMode);
        }
        if (captured == null) return null;
        List<TensorImpl> result = new ArrayList<>(captured.length);
        for (int i = 0; i < captured.length; i++) {
            if (captured[i] == null && !allowUnused) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the graph. "
                        + "Set allow_unused=True if this is the desired behavior.");
            }
            result.add(captured[i]);
        }
        return result;
    }

    private static boolean anyNonNull(TensorImpl[] a) {
        for (TensorImpl t : a) if (t != null) return true;
        return false;
    }

    private static void addToBuffer(Task t, int slot, TensorImpl g, GradMath math) {
        if (t.buffer == null) t.buffer = new TensorImpl[t.node.numInputs()];
        TensorImpl old = t.buffer[slot];
        // Summed out of place, in arrival order: a gradient may be aliased by another node's output.
        t.buffer[slot] = old == null ? g : math.add(old, g);
    }

    private static TaskMap computeDependencies(NextEdge[] rootEdges) {
        TaskMap tasks = new TaskMap();
        ArrayDeque<BackwardNode> stack = new ArrayDeque<>();
        for (NextEdge e : rootEdges) {
            if (tasks.get(e.node()) == null) {
                tasks.put(e.node(), new Task(e.node()));
                stack.push(e.node());
            }
        }
        while (!stack.isEmpty()) {
            BackwardNode n = stack.pop();
            int k = n.numOutputs();
            for (int j = 0; j < k; j++) {
                BackwardNode next = n.nextEdge(j).node();
                if (next == null) continue;
                Task t = tasks.get(next);
                if (t == null) {
                    t = new Task(next);
                    tasks.put(next, t);
                    stack.push(next);
                }
                t.dependencies++;
            }
        }
        return tasks;
    }

    /** For autograd.grad: a node runs only if a captured input lies strictly below it (iterative post-order). */
    private static void markNeeded(TaskMap tasks, NextEdge[] rootEdges) {
        for (Task t : tasks.values()) t.needed = false;
        ArrayDeque<BackwardNode> stack = new ArrayDeque<>();
        ArrayDeque<Integer> child = new ArrayDeque<>();
        for (NextEdge root : rootEdges) {
            if (tasks.get(root.node()).visited) continue;
            stack.push(root.node());
            child.push(0);
            tasks.get(root.node()).visited = true;
            while (!stack.isEmpty()) {
                BackwardNode n = stack.peek();
                int c = child.pop();
                if (c < n.numOutputs()) {
                    child.push(c + 1);
                    BackwardNode next = n.nextEdge(c).node();
                    if (next != null && !tasks.get(next).visited) {
                        tasks.get(next).visited = true;
                        stack.push(next);
                        child.push(0);
                    }
                } else {
                    stack.pop();
                    // As PyTorch's exec_info: a node runs when a child runs or is captured; a captured node
                    // itself only runs if another captured node lies below it (its saved tensors stay alive).
                    Task t = tasks.get(n);
                    boolean needed = false;
                    for (int j = 0; j < n.numOutputs() && !needed; j++) {
                        BackwardNode next = n.nextEdge(j).node();
                        if (next == null) continue;
                        Task nt = tasks.get(next);
                        if (nt.needed || nt.captureIndex != null) needed = true;
                    }
                    t.needed = needed;
                }
            }
        }
    }

    /**
     * BackwardNode → Task for one pass, open addressing on {@link BackwardNode#id()}: no identity hashes, no boxing. Local to
     * the pass, so concurrent backward passes over a shared graph do not interfere.
     */
    private static final class TaskMap {
        private long[] keys = new long[16];
        private Task[] vals = new Task[16];
        private int size;

        private static int slot(long id, int mask) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        Task get(BackwardNode n) {
            long id = n.id();
            int mask = vals.length - 1;
            for (int i = slot(id, mask); vals[i] != null; i = (i + 1) & mask) {
                if (keys[i] == id) return vals[i];
            }
            return null;
        }

        void put(BackwardNode n, Task t) {
            if ((size + 1) * 2 > vals.length) grow();
            insert(n.id(), t);
            size++;
        }

        private void insert(long id, Task t) {
            int mask = vals.length - 1;
            int i = slot(id, mask);
            while (vals[i] != null && keys[i] != id) i = (i + 1) & mask;
            keys[i] = id;
            vals[i] = t;
        }

        private void grow() {
            long[] ok = keys;
            Task[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new Task[ov.length * 2];
            for (int i = 0; i < ov.length; i++) if (ov[i] != null) insert(ok[i], ov[i]);
        }

        List<Task> values() {
            List<Task> r = new ArrayList<>(size);
            for (Task t : vals) if (t != null) r.add(t);
            return r;
        }
    }

    private static String torchSize(int[] shape) {
        return Sizes.list(shape);
    }
}
