package org.autograd4j;

import org.autograd4j.engine.GradMode;

/**
 * A scope that changes this thread's autograd state until it closes: what {@link Torch#noGrad()}
 * ({@code with torch.no_grad():}), {@link Torch#enableGrad()}, {@link Torch#setGradEnabled(boolean)},
 * {@link Torch#inferenceMode()}, {@link Torch#detectAnomaly()} and {@link Autograd#savedTensorsHooks} return.
 * The change takes effect when the scope opens (for {@code setGradEnabled}: at the call, as PyTorch's function
 * form); {@link #close()} restores what was in force before and throws no checked exception, so use
 * try-with-resources:
 *
 * <pre>{@code
 * try (var _ = Torch.noGrad()) {
 *     w.sub_(w.grad().mul(lr));
 * }
 * }</pre>
 */
public final class GradModeScope implements AutoCloseable {
    private final Runnable restore;
    private boolean closed;

    GradModeScope(boolean enabled) {
        boolean previous = GradMode.set(enabled);
        this.restore = () -> GradMode.set(previous);
    }

    /** A scope whose change the caller already made; {@code restore} undoes it. */
    GradModeScope(Runnable restore) {
        this.restore = restore;
    }

    /** {@code torch.inference_mode(mode)}: on, grad mode off and inference on; off, grad mode on and inference off. */
    static GradModeScope inference(boolean mode) {
        boolean grad = GradMode.set(!mode);
        boolean inference = GradMode.setInference(mode);
        return new GradModeScope(() -> {
            GradMode.setInference(inference);
            GradMode.set(grad);
        });
    }

    /** Restores the state that was in force when the scope opened; a second call does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            restore.run();
        }
    }
}
