package org.autograd4j.autograd;

/**
 * Whether operations record the backward graph on this thread, as PyTorch's {@code torch.is_grad_enabled()}.
 * Thread-local: a {@code noGrad} scope on one thread does not affect another.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when operations on this thread build the backward graph. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets grad mode for this thread and returns the previous value. */
    public static boolean set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean prev = cell[0];
        cell[0] = enabled;
        return prev;
    }
}
