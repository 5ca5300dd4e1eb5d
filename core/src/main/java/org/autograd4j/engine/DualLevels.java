package org.autograd4j.engine;

/**
 * Forward-mode AD's dual levels ({@code torch.autograd.forward_ad}): which level is open, if any. PyTorch 1.13
 * supports one level at a time ("Nested forward mode AD is not supported at the moment"), so the state is one
 * number: 0 when no level is open, else the open level's id. Ids are never reused, so a tangent set at a level
 * that has since been exited is simply no longer found ({@link TensorImpl#tangent(int)}), as PyTorch clears
 * tangents on exit. Levels are global, as in PyTorch; computing a tangent is marked per thread, so the ops a
 * tangent formula runs see primal values only (PyTorch's formulas read {@code self_p}).
 */
public final class DualLevels {
    private static int open;
    private static int lastId;
    private static final ThreadLocal<int[]> COMPUTING = ThreadLocal.withInitial(() -> new int[1]);

    private DualLevels() {
    }

    /** The id of the open level when this thread is not computing a tangent, else 0: every op's cheap check. */
    public static int current() {
        int l = open;
        return l == 0 || COMPUTING.get()[0] != 0 ? 0 : l;
    }

    /** The id of the open level, or 0 (ignores whether a tangent is being computed). */
    public static int open() {
        return open;
    }

    /** The index PyTorch prints for the open level ({@code dual_level.__enter__} returns 0 for the first). */
    public static int index() {
        return 0;
    }

    /** Opens a level; PyTorch's error if one is open already. */
    public static synchronized int enter() {
        if (open != 0) throw new IllegalStateException("Nested forward mode AD is not supported at the moment");
        open = ++lastId;
        return open;
    }

    /** Closes level {@code id}. */
    public static synchronized void exit(int id) {
        if (open != id) throw new IllegalStateException("Trying to exit a forward AD level that was not the last one that was created. This is not supported.");
        open = 0;
    }

    /** Marks this thread as computing a tangent (so nested ops propagate none) and returns the previous mark. */
    public static int beginTangent() {
        int[] c = COMPUTING.get();
        int prev = c[0];
        c[0] = 1;
        return prev;
    }

    /** Restores the mark {@link #beginTangent()} returned. */
    public static void endTangent(int prev) {
        COMPUTING.get()[0] = prev;
    }
}
