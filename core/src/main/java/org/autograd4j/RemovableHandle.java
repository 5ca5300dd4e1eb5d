package org.autograd4j;

/**
 * What registering a hook returns, PyTorch's {@code torch.utils.hooks.RemovableHandle}: {@link #remove()}
 * unregisters the hook. Removing twice does nothing.
 */
public final class RemovableHandle {
    private Runnable remove;

    RemovableHandle(Runnable remove) {
        this.remove = remove;
    }

    /** Unregisters the hook ({@code handle.remove()}); later backward passes no longer call it. */
    public synchronized void remove() {
        Runnable r = remove;
        remove = null;
        if (r != null) r.run();
    }
}
