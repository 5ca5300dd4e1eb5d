package org.autograd4j;

import org.autograd4j.autograd.GradMode;

/**
 * A scope with grad mode switched off on this thread, PyTorch's {@code with torch.no_grad():}. Use with
 * try-with-resources; {@link #close()} restores the previous mode and throws no checked exception.
 *
 * <pre>{@code
 * try (var g = Torch.noGrad()) {
 *     w.sub_(w.grad().mul(lr));
 * }
 * }</pre>
 */
public final class NoGradScope implements AutoCloseable {
    private final boolean previous;
    private boolean closed;

    NoGradScope(boolean enabled) {
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
