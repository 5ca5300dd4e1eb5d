package org.autograd4j.engine;

/**
 * Whether operations record the backward graph on this thread, as PyTorch's {@code torch.is_grad_enabled()},
 * and whether inference mode is on ({@code torch.is_inference_mode_enabled()}: tensors made then are
 * inference tensors). Thread-local: a {@code noGrad} scope on one thread does not affect another.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true, false});

    /**
     * The last thread that asked and its cell, in one immutable object (so a racing thread can never pair one
     * thread with another's cell): every op asks, and for the usual single-threaded script this is one field
     * read and a compare, where ThreadLocal's map lookup costs a hundred bytecodes in the interpreter.
     */
    private record Last(Thread thread, boolean[] cell) {
    }

    private static Last last = new Last(null, null);

    private GradMode() {
    }

    private static boolean[] cell() {
        Last l = last;
        return l.thread == Thread.currentThread() ? l.cell : lookUp();
    }

    private static boolean[] lookUp() {
        boolean[] c = ENABLED.get();
        last = new Last(Thread.currentThread(), c);
        return c;
    }

    /** True when operations on this thread build the backward graph. */
    public static boolean isEnabled() {
        return cell()[0];
    }

    /** Sets grad mode for this thread and returns the previous value. */
    public static boolean set(boolean enabled) {
        boolean[] cell = cell();
        boolean prev = cell[0];
        cell[0] = enabled;
        return prev;
    }

    /**
     * Set once any thread turns inference mode on, never cleared: until then {@link #isInference()}, which every
     * new tensor asks, is this one read. A thread that turned it on reads its own write; on any other its cell says no.
     */
    private static boolean inferenceUsed;

    /** True when inference mode is on for this thread (tensors made now are inference tensors). */
    public static boolean isInference() {
        return inferenceUsed && cell()[1];
    }

    /** Sets inference mode for this thread and returns the previous value (grad mode is the caller's business). */
    public static boolean setInference(boolean enabled) {
        if (enabled) inferenceUsed = true;
        boolean[] cell = cell();
        boolean prev = cell[1];
        cell[1] = enabled;
        return prev;
    }
}
