package org.autograd4j;

import org.autograd4j.engine.GradMode;

/**
 * A scope with grad mode set on this thread, what {@link Torch#noGrad()} ({@code with torch.no_grad():}) and
 * {@link Torch#setGradEnabled(boolean)} return. The mode takes effect when the scope opens; {@link #close()}
 * restores the previous mode and throws no checked exception, so use try-with-resources:
 *
 * <pre>{@code
 * try (var _ = Torch.noGrad()) {
 *     w.sub_(w.grad().mul(lr));
 * }
 * }</pre>
 */
public final class GradModeScope implements AutoCloseable {
    private final boolean previous;
    private boolean closed;

    GradModeScope(boolean enabled) {
        this.previous = GradMode.set(enabled);
    }

    /** Restores the grad mode that was in force when the scope opened. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            GradMode.set(previous);
        }
    }
}
