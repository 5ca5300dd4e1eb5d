package org.autograd4j.engine;

/**
 * Anomaly detection ({@code torch.autograd.set_detect_anomaly}): process-wide, as PyTorch's. While it is on,
 * every node records the Java stack of the forward call that created it, and with {@code checkNan} the engine
 * fails as soon as a node returns a NaN, naming the node, with that stack attached as the error's cause.
 */
public final class Anomaly {
    private static volatile boolean enabled;
    private static volatile boolean checkNan = true;

    private Anomaly() {
    }

    /** True while anomaly detection is on. */
    public static boolean isEnabled() {
        return enabled;
    }

    /** True when anomaly detection checks backward results for NaN. */
    public static boolean checksNan() {
        return checkNan;
    }

    /**
     * Sets the mode and returns the previous state, {@code [enabled, checkNan]}.
     *
     * @param on whether anomaly detection is on
     * @param nan whether results are checked for NaN
     * @return the previous state, to hand to {@link #restore(boolean[])}
     */
    public static synchronized boolean[] set(boolean on, boolean nan) {
        boolean[] prev = {enabled, checkNan};
        enabled = on;
        checkNan = nan;
        return prev;
    }

    /** Puts back a state {@link #set(boolean, boolean)} returned. */
    public static synchronized void restore(boolean[] prev) {
        enabled = prev[0];
        checkNan = prev[1];
    }

    /**
     * The stack of the forward call that created a node: PyTorch prints it as a warning ("Traceback of forward
     * call that caused the error"); here it travels with the exception, as its cause or a suppressed exception.
     */
    public static final class ForwardTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BackwardNode node;

        ForwardTrace(BackwardNode node) {
            super(null, null, false, true);
            this.node = node;
        }

        @Override
        public String getMessage() {
            return "Error detected in " + (node == null ? "?" : node.name()) + ". Traceback of forward call that caused the error:";
        }
    }
}
