package org.autograd4j.storage;

/**
 * Walks one to four layouts of the same shape together, one contiguous-or-strided run of the innermost
 * dimension at a time (the strided loop of PyTorch's {@code TensorIterator}). Dimensions of size 1 are
 * dropped and neighbouring dimensions that every layout stores one after the other are merged, so a
 * contiguous (or uniformly strided) block of any rank is a single run and kernels make one call per run
 * instead of one per element. No per-element index array is built.
 *
 * <p>Use: {@code Runs r = Runs.of(xl, ol); while (r.next()) span(x, r.base(0), r.stride(0), o, r.base(1),
 * r.stride(1), r.length());}. Elements are visited in row-major order of the shape. An empty shape gives
 * no run; a 0-d layout gives one run of length 1.
 */
public final class Runs {
    private final int operands;
    private final int length;
    private final int[] inner;   // per operand: stride of the innermost (merged) dimension (its first entries)
    private final int[] outerShape;    // merged outer dimensions, outermost first
    private final int[] outerStrides;  // [dim * operands + k]
    private final int[] base;
    private final int[] counter;
    private int remaining;
    private boolean started;

    private Runs(Layout[] ls) {
        operands = ls.length;
        int[] shape = ls[0].shape();
        int nd = shape.length;
        for (Layout l : ls) {
            if (l.dim() != nd) throw new IllegalArgumentException("Runs: layouts of different ranks");
        }
        base = new int[operands];
        for (int k = 0; k < operands; k++) base[k] = ls[k].offset();
        int n = ls[0].numel();
        // merged dims, innermost first
        int[] sizes = new int[Math.max(nd, 1)];
        int[] strides = new int[Math.max(nd, 1) * operands];
        int m = 0;
        for (int d = nd - 1; d >= 0; d--) {
            int s = shape[d];
            if (s == 1) continue;
            if (m > 0 && mergeable(ls, d, sizes[m - 1], strides, m - 1)) {
                sizes[m - 1] *= s;
                continue;
            }
            sizes[m] = s;
            for (int k = 0; k < operands; k++) strides[m * operands + k] = ls[k].strides()[d];
            m++;
        }
        if (m == 0) {
            sizes[0] = 1;
            m = 1;
        }
        length = sizes[0];
        // the innermost dim's strides are the first of the merged ones: read them there, no copy
        inner = strides;
        if (m == 1) {
            // one run (a contiguous block, the common case of a small op): no outer dims to count
            outerShape = NONE;
            outerStrides = NONE;
            counter = NONE;
        } else {
            outerShape = new int[m - 1];
            outerStrides = new int[(m - 1) * operands];
            for (int j = 1; j < m; j++) {
                outerShape[m - 1 - j] = sizes[j];
                System.arraycopy(strides, j * operands, outerStrides, (m - 1 - j) * operands, operands);
            }
            counter = new int[m - 1];
        }
        remaining = n == 0 ? 0 : n / length;
    }

    /** The outer dims of a single run: none (never written). */
    private static final int[] NONE = new int[0];

    /** True when dim d sits directly outside the merged dim j (size {@code innerSize}) in every layout. */
    private static boolean mergeable(Layout[] ls, int d, int innerSize, int[] strides, int j) {
        int operands = ls.length;
        for (int k = 0; k < operands; k++) {
            if (ls[k].strides()[d] != strides[j * operands + k] * innerSize) return false;
        }
        return true;
    }

    /** The runs of one layout. */
    public static Runs of(Layout a) {
        return new Runs(new Layout[] {a});
    }

    /** The runs of two layouts of the same shape, walked together. */
    public static Runs of(Layout a, Layout b) {
        return new Runs(new Layout[] {a, b});
    }

    /** The runs of three layouts of the same shape, walked together. */
    public static Runs of(Layout a, Layout b, Layout c) {
        return new Runs(new Layout[] {a, b, c});
    }

    /** The runs of four layouts of the same shape, walked together. */
    public static Runs of(Layout a, Layout b, Layout c, Layout d) {
        return new Runs(new Layout[] {a, b, c, d});
    }

    /** Elements per run. */
    public int length() {
        return length;
    }

    /** Number of runs in all. */
    public int count() {
        int c = 1;
        for (int s : outerShape) c *= s;
        return c;
    }

    /** Storage index step between neighbouring elements of a run, for operand k (0 for a broadcast operand). */
    public int stride(int k) {
        return inner[k];
    }

    /** Storage index of the current run's first element, for operand k. */
    public int base(int k) {
        return base[k];
    }

    /** Moves to the next run (the first, on the first call); false when there is none left. */
    public boolean next() {
        if (remaining == 0) return false;
        remaining--;
        if (!started) {
            started = true;
            return true;
        }
        // odometer over the outer dims, innermost of them first
        for (int d = outerShape.length - 1; d >= 0; d--) {
            int off = d * operands;
            if (++counter[d] < outerShape[d]) {
                for (int k = 0; k < operands; k++) base[k] += outerStrides[off + k];
                return true;
            }
            counter[d] = 0;
            for (int k = 0; k < operands; k++) base[k] -= outerStrides[off + k] * (outerShape[d] - 1);
        }
        throw new IllegalStateException("Runs: walked past the end");
    }
}
