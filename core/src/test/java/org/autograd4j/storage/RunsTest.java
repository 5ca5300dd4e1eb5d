package org.autograd4j.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Runs} visits exactly the storage positions {@link Layout#indexOf} gives, in row-major order. */
class RunsTest {

    /** Every position of every operand, in visiting order, as Runs walks them. */
    private static int[][] walk(Layout... ls) {
        int n = ls[0].numel();
        int[][] out = new int[ls.length][n];
        Runs r = switch (ls.length) {
            case 1 -> Runs.of(ls[0]);
            case 2 -> Runs.of(ls[0], ls[1]);
            case 3 -> Runs.of(ls[0], ls[1], ls[2]);
            default -> Runs.of(ls[0], ls[1], ls[2], ls[3]);
        };
        int i = 0, runs = 0;
        while (r.next()) {
            runs++;
            for (int k = 0; k < ls.length; k++) {
                for (int j = 0; j < r.length(); j++) out[k][i + j] = r.base(k) + j * r.stride(k);
            }
            i += r.length();
        }
        assertEquals(n, i, "elements visited");
        assertEquals(n == 0 ? 0 : r.count(), runs, "runs counted");
        assertFalse(r.next());
        return out;
    }

    private static int[] expected(Layout l) {
        int[] p = new int[l.numel()];
        for (int i = 0; i < p.length; i++) p[i] = l.indexOf(i);
        return p;
    }

    @Test
    void contiguousBlocksAreOneRun() {
        Runs r = Runs.of(Layout.contiguous(new int[] {3, 4, 5}), new Layout(new int[] {3, 4, 5}, new int[] {20, 5, 1}, 7));
        assertEquals(60, r.length());
        assertEquals(1, r.count());
        Runs scalar = Runs.of(Layout.contiguous(new int[0]));
        assertEquals(1, scalar.length());
        Runs empty = Runs.of(Layout.contiguous(new int[] {2, 0, 3}));
        assertFalse(empty.next());
    }

    @Test
    void transposedAndBroadcastLayouts() {
        Layout t = new Layout(new int[] {4, 3}, new int[] {1, 4}, 2); // a transpose
        Layout b = Layout.contiguous(new int[] {3}).broadcastTo(new int[] {4, 3});
        Layout o = Layout.contiguous(new int[] {4, 3});
        int[][] w = walk(t, b, o);
        assertArrayEquals(expected(t), w[0]);
        assertArrayEquals(expected(b), w[1]);
        assertArrayEquals(expected(o), w[2]);
    }

    @Test
    void randomLayoutsMatchIndexOf() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int nd = rnd.nextInt(5);
            int[] shape = new int[nd];
            for (int d = 0; d < nd; d++) shape[d] = rnd.nextInt(10) < 2 ? 1 : 1 + rnd.nextInt(5);
            if (rnd.nextInt(50) == 0 && nd > 0) shape[rnd.nextInt(nd)] = 0;
            int operands = 1 + rnd.nextInt(4);
            Layout[] ls = new Layout[operands];
            for (int k = 0; k < operands; k++) ls[k] = randomLayout(rnd, shape);
            int[][] w = walk(ls);
            for (int k = 0; k < operands; k++) assertArrayEquals(expected(ls[k]), w[k], "operand " + k + " " + ls[k]);
        }
    }

    /** Contiguous, permuted-contiguous, sliced (stride > 1), broadcast (stride 0) per dim, with an offset. */
    private static Layout randomLayout(Random rnd, int[] shape) {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        if (rnd.nextBoolean()) {
            for (int i = nd - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
        }
        int[] st = new int[nd];
        int s = 1;
        for (int i = nd - 1; i >= 0; i--) {
            int d = perm[i];
            int step = rnd.nextInt(4) == 0 ? 2 : 1;
            st[d] = rnd.nextInt(6) == 0 ? 0 : s * step;
            s *= Math.max(shape[d], 1) * step;
        }
        return new Layout(shape, st, rnd.nextInt(3));
    }
}
