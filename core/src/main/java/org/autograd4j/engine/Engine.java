package org.autograd4j.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.storage.Sizes;

/**
 * The backward scheduler, after PyTorch's {@code engine.cpp}: count the dependencies of every reachable
 * node, then run nodes from a ready queue ordered newest-first (max-heap on sequence number, AccumulateGrad
 * first), summing the gradients that arrive for each input slot. A plain backward through a graph where no
 * hook, custom Function or saved-tensor hook could watch skips the count and runs the same nodes in the same
 * order, the leaves' accumulations last ({@link #executeInOrder}). There is no recursion anywhere, so graphs
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

    /*
     * Why the pass is cut into small methods: a backward pass loops over its nodes, so in a fresh JVM the
     * JIT compiles the loop on stack (OSR) early, and one 1,000-byte method with the queue, the map and the
     * node call inlined kept the only C2 thread of a small machine busy for hundreds of milliseconds while
     * the ops waited in its queue. Each piece below is small enough to compile in a few milliseconds.
     */

    /**
     * Runs backward from {@code roots} with the given output gradients (null entries are implicit ones for
     * one-element roots). With {@code inputs == null} gradients accumulate into leaves' {@code .grad}
     * ({@code TensorImpl.backward}); otherwise the gradients of {@code inputs} are returned and nothing is
     * accumulated ({@code torch.autograd.grad}), with null for an unused input when {@code allowUnused}.
     */
    public static List<TensorImpl> run(List<TensorImpl> roots, List<TensorImpl> gradOutputs, boolean retainGraph, boolean createGraph,
                                   List<TensorImpl> inputs, boolean allowUnused, GradMath math) {
        return run(roots, gradOutputs, retainGraph, createGraph, inputs, allowUnused, false, math);
    }

    /**
     * As {@link #run(List, List, boolean, boolean, List, boolean, GradMath)}; with {@code accumulate} and
     * {@code inputs}, gradients accumulate into {@code .grad} of {@code inputs} only ({@code backward(inputs=...)}):
     * only the nodes on a path to one of them run, and the inputs' own nodes run too (a non-leaf input's
     * {@code retain_grad} hook is one of its node's pre-hooks, as in PyTorch). Returns null then.
     */
    public static List<TensorImpl> run(List<TensorImpl> roots, List<TensorImpl> gradOutputs, boolean retainGraph, boolean createGraph,
                                   List<TensorImpl> inputs, boolean allowUnused, boolean accumulate, GradMath math) {
        int nRoots = roots.size();
        NextEdge[] rootEdges = new NextEdge[nRoots];
        TensorImpl[] rootGrads = new TensorImpl[nRoots];
        for (int i = 0; i < nRoots; i++) {
            TensorImpl r = roots.get(i);
            rootEdges[i] = rootEdge(r, i);
            rootGrads[i] = rootGrad(r, gradOutputs == null ? null : gradOutputs.get(i), i, math);
        }

        // The only pass running keeps its tasks in the nodes themselves; one that overlaps another uses a map.
        TaskMap tasks = new TaskMap(RUNNING.incrementAndGet() == 1);
        TensorImpl[] captured;
        boolean done = false;
        try {
            // a plain backward that nothing can watch needs no dependency count (see executeInOrder)
            if (inputs == null && tasks.pass != 0 && TRACE.get() == null && !Anomaly.isEnabled() && unobserved(rootEdges)) {
                boolean prevMode = GradMode.set(createGraph);
                try {
                    executeInOrder(tasks, rootEdges, rootGrads, retainGraph, math);
                } finally {
                    GradMode.set(prevMode);
                }
                done = true;
                return null;
            }
            computeDependencies(tasks, rootEdges);
            if (accumulate && inputs != null) {
                captured = null;
                targets(tasks, rootEdges, inputs);
            } else {
                captured = inputs == null ? null : capture(tasks, rootEdges, inputs, allowUnused);
            }
            boolean prevMode = GradMode.set(createGraph);
            try {
                execute(tasks, rootEdges, rootGrads, retainGraph, inputs != null && !accumulate, captured, math);
            } finally {
                GradMode.set(prevMode);
            }
            done = true;
        } finally {
            // a finished pass ran every node it reached, and each dropped its buffer as it ran
            if (!done) tasks.clear(rootEdges);
            RUNNING.decrementAndGet();
        }
        return captured == null ? null : results(captured, allowUnused);
    }

    private static NextEdge rootEdge(TensorImpl r, int i) {
        NextEdge e = r.gradientEdge();
        if (e == null) throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have a grad_fn");
        return e;
    }

    /** The gradient a root starts with: given, or ones for a one-element root; in the root's dtype. */
    private static TensorImpl rootGrad(TensorImpl r, TensorImpl g, int i, GradMath math) {
        if (g == null) {
            if (r.numel() != 1) throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
            g = math.onesLike(r);
        } else if (!java.util.Arrays.equals(g.shape(), r.shape())) {
            throw new IllegalStateException("Mismatch in shape: grad_output[" + i + "] has a shape of torch.Size("
                    + torchSize(g.shape()) + ") and output[" + i + "] has a shape of torch.Size(" + torchSize(r.shape()) + ").");
        }
        // as PyTorch's validate_outputs on the graph root: the gradient takes the output's dtype
        if (g.dtype() != r.dtype()) g = math.to(g, r.dtype());
        return g;
    }

    /** For autograd.grad: marks which task slots feed which result, and which nodes need to run. */
    private static TensorImpl[] capture(TaskMap tasks, NextEdge[] rootEdges, List<TensorImpl> inputs, boolean allowUnused) {
        TensorImpl[] captured = new TensorImpl[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            TensorImpl in = inputs.get(i);
            NextEdge e = in.gradientEdge();
            if (e == null) throw new IllegalStateException("One of the differentiated Tensors does not require grad");
            EngineTask t = tasks.get(e.node());
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
        return captured;
    }

    /** For backward(inputs=...): only the inputs' nodes and the nodes above them run. */
    private static void targets(TaskMap tasks, NextEdge[] rootEdges, List<TensorImpl> inputs) {
        for (TensorImpl in : inputs) {
            NextEdge e = in.gradientEdge();
            if (e == null) continue;
            EngineTask t = tasks.get(e.node());
            if (t != null) t.target = true;
        }
        markNeeded(tasks, rootEdges);
    }

    private static List<TensorImpl> results(TensorImpl[] captured, boolean allowUnused) {
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

    /** The ready-queue loop: seeds the roots, then runs the newest ready node until none is left. */
    private static void execute(TaskMap tasks, NextEdge[] rootEdges, TensorImpl[] rootGrads, boolean retainGraph, boolean grad,
                                TensorImpl[] captured, GradMath math) {
        java.util.function.Consumer<BackwardNode> trace = TRACE.get();
        ReadyQueue ready = new ReadyQueue();
        int nRoots = rootEdges.length;
        // the roots' gradients are the caller's (or the implicit ones): never owned
        for (int i = 0; i < nRoots; i++) addToBuffer(tasks.get(rootEdges[i].node()), rootEdges[i].inputNr(), rootGrads[i], false, math);
        for (int i = 0; i < nRoots; i++) {
            EngineTask t = tasks.get(rootEdges[i].node());
            if (t.dependencies == 0 && !t.queued) {
                t.queued = true;
                ready.add(t);
            }
        }
        EngineTask task;
        while ((task = ready.poll()) != null) {
            TensorImpl[] outs = runTask(task, retainGraph, grad, captured, math, trace);
            release(tasks, task.node, outs, task.ownedOutputs, ready, math);
        }
    }

    /** True when no node below the roots runs user code or hooks, as far as the nodes know ({@link BackwardNode#unobserved()}). */
    private static boolean unobserved(NextEdge[] rootEdges) {
        for (NextEdge e : rootEdges) if (!e.node().unobserved()) return false;
        return true;
    }

    /**
     * The ready-queue loop without counting dependencies first, for a pass nothing observes. Every node but a
     * leaf's AccumulateGrad has a sequence number above those of the nodes it feeds (it was made after them), so
     * running the reached node with the highest number next runs each node after every node that feeds it, in
     * the order the dependency-counting loop gives: a node is queued when a gradient first reaches it. Only the
     * leaves' AccumulateGrad nodes (which that loop runs as soon as their last gradient arrived) wait here until
     * the end; with no hook, anomaly check or trace, nothing can tell the two apart, and the sums are the same
     * (each leaf's gradients arrive in the same order). The dependency pass touched every node of the graph once
     * more before the first ran: on a long graph that no longer fits in cache, a miss per node.
     */
    private static void executeInOrder(TaskMap tasks, NextEdge[] rootEdges, TensorImpl[] rootGrads, boolean retainGraph, GradMath math) {
        ReadyQueue ready = new ReadyQueue();
        ReadyQueue leaves = new ReadyQueue(); // used as a list: in order of first gradient
        int nRoots = rootEdges.length;
        for (int i = 0; i < nRoots; i++) addToBuffer(reach(tasks, rootEdges[i].node(), ready, leaves), rootEdges[i].inputNr(), rootGrads[i], false, math);
        EngineTask task;
        while ((task = ready.poll()) != null) {
            TensorImpl[] outs;
            try {
                outs = runTask(task, retainGraph, false, null, math, null);
            } catch (RuntimeException e) {
                accumulateFinished(tasks, task, ready, leaves, retainGraph, math, e);
                throw e;
            }
            deliver(tasks, task, outs, ready, leaves, math);
        }
        for (int i = 0; i < leaves.size; i++) runTask(leaves.heap[i], retainGraph, false, null, math, null);
    }

    /** {@link #release} for {@link #executeInOrder}: hands a node's outputs on, queueing each node they first reach. */
    private static void deliver(TaskMap tasks, EngineTask task, TensorImpl[] outs, ReadyQueue ready, ReadyQueue leaves, GradMath math) {
        BackwardNode node = task.node;
        int ownedOutputs = task.ownedOutputs;
        int n = node.numOutputs();
        for (int j = 0; j < n; j++) {
            NextEdge e = node.nextEdge(j);
            if (e.node() == null) continue;
            EngineTask next = reach(tasks, e.node(), ready, leaves);
            if (outs != null && j < outs.length && outs[j] != null) {
                addToBuffer(next, e.inputNr(), outs[j], j < 31 && (ownedOutputs & (1 << j)) != 0, math);
            }
        }
    }

    /** {@code n}'s task, made and queued (a leaf's: listed) when this is the first gradient to reach it. */
    private static EngineTask reach(TaskMap tasks, BackwardNode n, ReadyQueue ready, ReadyQueue leaves) {
        EngineTask t = tasks.get(n);
        if (t == null) {
            t = tasks.add(n);
            if (n instanceof GradAccumulator) leaves.append(t);
            else ready.add(t);
        }
        return t;
    }

    /**
     * After {@code failed} threw in {@link #executeInOrder}: the leaves that the counting loop would already have
     * accumulated, those that neither it nor any node still to run feeds, get their gradients, as they would have.
     */
    private static void accumulateFinished(TaskMap tasks, EngineTask failed, ReadyQueue ready, ReadyQueue leaves, boolean retainGraph,
                                           GradMath math, RuntimeException error) {
        ArrayDeque<BackwardNode> stack = new ArrayDeque<>();
        failed.visited = true;
        stack.push(failed.node);
        for (int i = 0; i < ready.size; i++) {
            ready.heap[i].visited = true;
            stack.push(ready.heap[i].node);
        }
        while (!stack.isEmpty()) {
            BackwardNode n = stack.pop();
            for (int j = 0; j < n.numOutputs(); j++) {
                BackwardNode next = n.nextEdge(j).node();
                if (next == null) continue;
                EngineTask t = tasks.get(next);
                if (t == null) t = tasks.add(next);
                if (!t.visited) {
                    t.visited = true;
                    stack.push(next);
                }
            }
        }
        try {
            for (int i = 0; i < leaves.size; i++) if (!leaves.heap[i].visited) runTask(leaves.heap[i], retainGraph, false, null, math, null);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    /** Runs one node on its summed gradients (accumulates, for a leaf); returns its outputs or null. */
    private static TensorImpl[] runTask(EngineTask task, boolean retainGraph, boolean grad, TensorImpl[] captured, GradMath math,
                                        java.util.function.Consumer<BackwardNode> trace) {
        BackwardNode node = task.node;
        TensorImpl[] grads = task.buffer;
        int owned = task.ownedSlots;
        task.buffer = null;
        task.ownedSlots = 0;
        if (grads == null) grads = new TensorImpl[node.numInputs()];
        if (task.captureIndex != null) {
            for (int s = 0; s < task.captureIndex.length; s++) {
                if (task.captureIndex[s] >= 0) captured[task.captureIndex[s]] = grads[s];
            }
        }
        TensorImpl[] outs = null;
        boolean accumulator = node instanceof GradAccumulator;
        boolean run = task.needed && !(grad && accumulator);
        if (run && anyNonNull(grads)) {
            NodeHooks hooks = node.hooksOrNull();
            if (hooks != null) {
                TensorImpl[] before = grads;
                grads = hooks.runPre(grads);
                // a gradient a hook returned may be the caller's: not owned
                for (int s = 0; s < grads.length && s < 31; s++) if (grads[s] != before[s]) owned &= ~(1 << s);
            }
            try {
                if (accumulator) {
                    accumulate(((GradAccumulator) node).variable(), grads[0], owned, math);
                    outs = NO_OUTPUTS;
                } else {
                    outs = node.apply(grads);
                    task.ownedOutputs = fresh(outs, grads);
                }
                if (hooks != null) {
                    TensorImpl[] before = outs;
                    outs = hooks.runPost(outs, grads);
                    if (outs != before) task.ownedOutputs = 0;
                }
            } catch (RuntimeException e) {
                Anomaly.ForwardTrace t = node.creationTrace();
                if (t != null && Anomaly.isEnabled() && e.getCause() != t) e.addSuppressed(t);
                throw e;
            }
            if (Anomaly.isEnabled() && Anomaly.checksNan()) checkNan(node, outs, math);
            if (trace != null) trace.accept(node);
            if (accumulator) outs = null;
        }
        if (!retainGraph && run) node.releaseVariables();
        return outs;
    }

    private static final TensorImpl[] NO_OUTPUTS = new TensorImpl[0];

    /**
     * AccumulateGrad's apply: the leaf's tensor hooks first, chained, on the summed gradient (in PyTorch 1.13 they
     * run inside the node, after its pre-hooks), then the accumulation into {@code .grad}.
     */
    private static void accumulate(TensorImpl leaf, TensorImpl g, int owned, GradMath math) {
        TensorHooks hooks = leaf.hooks();
        if (hooks != null && g != null) {
            TensorImpl[] r = hooks.apply(new TensorImpl[] {g});
            if (r != null) {
                g = r[0];
                owned = 0;
            }
        }
        if (g != null) math.accumulate(leaf, g, (owned & 1) != 0);
    }

    /** Anomaly mode: a node that returned NaN fails, naming itself, with its forward stack as the cause. */
    private static void checkNan(BackwardNode node, TensorImpl[] outs, GradMath math) {
        for (int i = 0; i < outs.length; i++) {
            if (outs[i] != null && math.hasNan(outs[i])) {
                IllegalStateException e = new IllegalStateException("Function '" + node.name() + "' returned nan values in its "
                        + i + "th output.");
                if (node.creationTrace() != null) e.initCause(node.creationTrace());
                throw e;
            }
        }
    }

    /** Hands a node's outputs to the nodes they feed, queueing those whose last dependency this was. */
    private static void release(TaskMap tasks, BackwardNode node, TensorImpl[] outs, int ownedOutputs, ReadyQueue ready, GradMath math) {
        int n = node.numOutputs();
        for (int j = 0; j < n; j++) {
            NextEdge e = node.nextEdge(j);
            if (e.node() == null) continue;
            EngineTask next = tasks.get(e.node());
            if (outs != null && j < outs.length && outs[j] != null) {
                addToBuffer(next, e.inputNr(), outs[j], j < 31 && (ownedOutputs & (1 << j)) != 0, math);
            }
            if (--next.dependencies == 0) ready.add(next);
        }
    }

    /**
     * The ready queue: a binary max-heap on sequence number, the same array algorithm as
     * {@code java.util.PriorityQueue} (so ties, e.g. between AccumulateGrad nodes, leave in the same order as
     * they did with it), without its comparator object and interface calls.
     */
    private static final class ReadyQueue {
        private EngineTask[] heap = new EngineTask[16];
        private int size;

        /** Adds {@code t} last, for a queue used as a plain list (never polled). */
        void append(EngineTask t) {
            if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
            heap[size++] = t;
        }

        /** True when a should leave before b (newer first). */
        private static boolean before(EngineTask a, EngineTask b) {
            return a.sequenceNr > b.sequenceNr;
        }

        void add(EngineTask t) {
            if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
            int k = size++;
            EngineTask[] es = heap;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                EngineTask e = es[parent];
                if (!before(t, e)) break;
                es[k] = e;
                k = parent;
            }
            es[k] = t;
        }

        EngineTask poll() {
            if (size == 0) return null;
            EngineTask[] es = heap;
            EngineTask result = es[0];
            int n = --size;
            EngineTask x = es[n];
            es[n] = null;
            if (n > 0) siftDown(es, n, x);
            return result;
        }

        private static void siftDown(EngineTask[] es, int n, EngineTask x) {
            int k = 0, half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                EngineTask c = es[child];
                int right = child + 1;
                if (right < n && before(es[right], c)) c = es[child = right];
                if (!before(c, x)) break;
                es[k] = c;
                k = child;
            }
            es[k] = x;
        }
    }

    private static boolean anyNonNull(TensorImpl[] a) {
        for (TensorImpl t : a) if (t != null) return true;
        return false;
    }

    private static void addToBuffer(EngineTask t, int slot, TensorImpl g, boolean owned, GradMath math) {
        if (t.buffer == null) t.buffer = new TensorImpl[t.node.numInputs()];
        TensorImpl old = t.buffer[slot];
        // Summed out of place, in arrival order: a gradient may be aliased by another node's output.
        t.buffer[slot] = old == null ? g : math.add(old, g);
        boolean mine = old == null ? owned : true; // a sum is a fresh tensor
        if (slot < 31) t.ownedSlots = mine ? t.ownedSlots | (1 << slot) : t.ownedSlots & ~(1 << slot);
    }

    /**
     * Which of a node's outputs are fresh tensors, referenced by nothing else: those sharing their storage with
     * none of the node's input gradients (a derivative may pass g on, or a view of it) and with no other output.
     * Only the first 31 outputs are tracked; the others count as shared.
     */
    private static int fresh(TensorImpl[] outs, TensorImpl[] grads) {
        int mask = 0;
        int n = Math.min(outs.length, 31);
        outer:
        for (int j = 0; j < n; j++) {
            TensorImpl o = outs[j];
            if (o == null) continue;
            for (TensorImpl g : grads) if (g != null && g.storage() == o.storage()) continue outer;
            for (int k = 0; k < outs.length; k++) if (k != j && outs[k] != null && outs[k].storage() == o.storage()) continue outer;
            mask |= 1 << j;
        }
        return mask;
    }

    private static void computeDependencies(TaskMap tasks, NextEdge[] rootEdges) {
        ArrayDeque<BackwardNode> stack = new ArrayDeque<>();
        for (NextEdge e : rootEdges) {
            if (tasks.get(e.node()) == null) {
                tasks.add(e.node());
                stack.push(e.node());
            }
        }
        while (!stack.isEmpty()) {
            BackwardNode n = stack.pop();
            int k = n.numOutputs();
            for (int j = 0; j < k; j++) {
                BackwardNode next = n.nextEdge(j).node();
                if (next == null) continue;
                EngineTask t = tasks.get(next);
                if (t == null) {
                    t = tasks.add(next);
                    stack.push(next);
                }
                t.dependencies++;
            }
        }
    }

    /**
     * For autograd.grad: a node runs only if a captured input lies strictly below it (iterative post-order). Every
     * task is reached from a root, and in a graph without cycles each node's children are finished before it, so
     * every {@code needed} read here was set by this traversal.
     */
    private static void markNeeded(TaskMap tasks, NextEdge[] rootEdges) {
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
                    EngineTask t = tasks.get(n);
                    boolean needed = t.target;
                    for (int j = 0; j < n.numOutputs() && !needed; j++) {
                        BackwardNode next = n.nextEdge(j).node();
                        if (next == null) continue;
                        EngineTask nt = tasks.get(next);
                        if (nt.needed || nt.captureIndex != null || nt.target) needed = true;
                    }
                    t.needed = needed;
                }
            }
        }
    }

    /** Backward passes running now, on all threads. */
    private static final java.util.concurrent.atomic.AtomicInteger RUNNING = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * BackwardNode → task for one pass. When no other pass runs (the usual case) each node is its own task
     * ({@link EngineTask}), reset when the pass first reaches it and told apart from an earlier pass's by the pass
     * number: no lookup at all (a hash lookup per edge was a fifth of a small backward pass, more on long graphs
     * whose map no longer fits in cache), no object per node, and nothing to clear after a finished pass. A pass
     * that overlaps another, on another thread or nested, uses open addressing on {@link BackwardNode#id()}
     * instead (no identity hashes, no boxing), local to the pass, so concurrent passes over a shared graph do not
     * interfere: only the pass that found none running writes the nodes' state.
     */
    private static final class TaskMap {
        /** In-node mode's pass numbers; 0 is no pass. Ordered by RUNNING's updates, so plain reads see the last. */
        private static final java.util.concurrent.atomic.AtomicLong PASSES = new java.util.concurrent.atomic.AtomicLong();

        /** In-node mode: this pass's number; 0 in map mode. */
        private final long pass;
        private long[] keys;
        private EngineTask[] vals;
        private int size;

        TaskMap(boolean inNodes) {
            if (inNodes) {
                pass = PASSES.incrementAndGet();
            } else {
                pass = 0;
                // 32 slots hold 16 nodes before the first growth: a small script's whole graph
                keys = new long[32];
                vals = new EngineTask[32];
            }
        }

        EngineTask get(BackwardNode n) {
            if (pass == 0) return lookUp(n);
            return n.pass == pass ? n : null;
        }

        /** The fresh task of {@code n}, which this pass has not reached before. */
        EngineTask add(BackwardNode n) {
            if (pass != 0) {
                n.begin(pass);
                return n;
            }
            EngineTask t = new EngineTask(n);
            if ((size + 1) * 2 > vals.length) grow();
            insert(n.id(), t);
            size++;
            return t;
        }

        /**
         * After a failed pass, in-node mode drops the gradients still buffered in the nodes it reached (walking
         * them again from the roots) and retires their state.
         */
        void clear(NextEdge[] rootEdges) {
            if (pass == 0) return;
            ArrayDeque<BackwardNode> stack = new ArrayDeque<>();
            for (NextEdge e : rootEdges) {
                if (e.node().pass == pass) {
                    e.node().begin(0);
                    stack.push(e.node());
                }
            }
            while (!stack.isEmpty()) {
                BackwardNode n = stack.pop();
                for (int j = 0; j < n.numOutputs(); j++) {
                    BackwardNode next = n.nextEdge(j).node();
                    if (next != null && next.pass == pass) {
                        next.begin(0);
                        stack.push(next);
                    }
                }
            }
        }

        private static int slot(long id, int mask) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private EngineTask lookUp(BackwardNode n) {
            long id = n.id();
            int mask = vals.length - 1;
            for (int i = slot(id, mask); vals[i] != null; i = (i + 1) & mask) {
                if (keys[i] == id) return vals[i];
            }
            return null;
        }

        private void insert(long id, EngineTask t) {
            int mask = vals.length - 1;
            int i = slot(id, mask);
            while (vals[i] != null && keys[i] != id) i = (i + 1) & mask;
            keys[i] = id;
            vals[i] = t;
        }

        private void grow() {
            long[] ok = keys;
            EngineTask[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new EngineTask[ov.length * 2];
            for (int i = 0; i < ov.length; i++) if (ov[i] != null) insert(ok[i], ov[i]);
        }
    }

    private static String torchSize(int[] shape) {
        return Sizes.list(shape);
    }
}
