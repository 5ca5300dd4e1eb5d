package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.autograd4j.Tensor;
import org.autograd4j.Internals;
import org.autograd4j.Torch;

/**
 * Property tests (jqwik) of the strided core: views over random shapes and random chains of movement ops
 * agree with plain index arithmetic, share storage, and broadcasting/reduction/gradients follow their
 * definitions. The op table covers chosen samples; these cover shapes nobody chose.
 */
class LayoutPropertiesTest {

    private static long[] randomShape(Random r, int maxDims, int maxSize) {
        int nd = r.nextInt(maxDims + 1);
        long[] s = new long[nd];
        for (int i = 0; i < nd; i++) s[i] = r.nextInt(maxSize + 1);
        return s;
    }

    private static long numel(long[] s) {
        long n = 1;
        for (long x : s) n *= x;
        return n;
    }

    /** A tensor whose element at row-major position i is i. */
    private static Tensor iota(long[] shape) {
        return Torch.arange((double) numel(shape)).reshape(shape);
    }

    /** Row-major position of coordinates {@code c} in {@code shape}. */
    private static long position(long[] c, long[] shape) {
        long p = 0;
        for (int i = 0; i < shape.length; i++) p = p * shape[i] + c[i];
        return p;
    }

    private static long[] coords(long linear, long[] shape) {
        long[] c = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            c[i] = shape[i] == 0 ? 0 : linear % shape[i];
            linear = shape[i] == 0 ? 0 : linear / shape[i];
        }
        return c;
    }

    @Property(tries = 300)
    void permuteMovesCoordinates(@ForAll long seed) {
        Random r = new Random(seed);
        long[] shape = randomShape(r, 4, 4);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) order.add(i);
        Collections.shuffle(order, r);
        int[] perm = order.stream().mapToInt(Integer::intValue).toArray();
        Tensor x = iota(shape);
        Tensor p = x.permute(perm);
        assertSame(Internals.storage(x), Internals.storage(p), "permute is a view");
        long[] ps = p.shape();
        double[] got = p.toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            long[] pc = coords(i, ps);
            long[] xc = new long[shape.length];
            for (int k = 0; k < perm.length; k++) xc[perm[k]] = pc[k];
            assertEquals(position(xc, shape), (long) got[i]);
        }
    }

    @Property(tries = 300)
    void chainsOfViewsReadTheRightElements(@ForAll long seed) {
        Random r = new Random(seed);
        long[] shape = randomShape(r, 4, 5);
        Tensor x = iota(shape);
        Tensor v = x;
        for (int step = 0; step < 4 && v.dim() > 0; step++) {
            int d = r.nextInt(v.dim());
            long size = v.size(d);
            switch (r.nextInt(4)) {
                case 0 -> v = v.transpose(d, r.nextInt(v.dim()));
                case 1 -> {
                    long start = size == 0 ? 0 : r.nextInt((int) size);
                    v = v.narrow(d, start, size == 0 ? 0 : r.nextInt((int) (size - start)) + 1);
                }
                case 2 -> v = size == 0 ? v : v.select(d, r.nextInt((int) size));
                default -> v = v.unsqueeze(d);
            }
        }
        assertSame(Internals.storage(x), Internals.storage(v), "every step is a view");
        // reading through the view equals reading the same storage positions of a contiguous copy
        double[] viaView = v.toDoubleArray();
        double[] viaCopy = v.contiguous().toDoubleArray();
        assertArrayEquals(viaCopy, viaView);
        for (int i = 0; i < viaView.length; i++) {
            assertEquals(Internals.storage(v).getDouble(Internals.layout(v).indexOf(i)), viaView[i]);
        }
        // reshape to 1-d and back is the identity
        Tensor back = v.reshape(-1).reshape(v.shape());
        assertArrayEquals(viaView, back.toDoubleArray());
    }

    @Property(tries = 200)
    void broadcastAddMatchesIndexArithmetic(@ForAll long seed) {
        Random r = new Random(seed);
        long[] out = randomShape(r, 3, 4);
        long[] a = out.clone(), b = new long[r.nextInt(out.length + 1)];
        for (int i = 0; i < a.length; i++) if (r.nextBoolean()) a[i] = 1;
        for (int i = 0; i < b.length; i++) {
            long o = out[out.length - b.length + i];
            b[i] = r.nextBoolean() ? 1 : o;
        }
        Tensor ta = iota(a), tb = iota(b).mul(1000.0);
        Tensor sum = ta.add(tb);
        long[] s = sum.shape();
        double[] got = sum.toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            long[] c = coords(i, s);
            long[] ca = new long[a.length], cb = new long[b.length];
            for (int k = 0; k < a.length; k++) ca[k] = a[k] == 1 ? 0 : c[s.length - a.length + k];
            for (int k = 0; k < b.length; k++) cb[k] = b[k] == 1 ? 0 : c[s.length - b.length + k];
            assertEquals(position(ca, a) + 1000.0 * position(cb, b), got[i]);
        }
    }

    @Property(tries = 200)
    void sumOverADimAndItsGradient(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int dims) {
        Random r = new Random(seed);
        long[] shape = new long[dims];
        for (int i = 0; i < dims; i++) shape[i] = r.nextInt(4) + 1;
        int d = r.nextInt(dims);
        boolean keep = r.nextBoolean();
        Tensor x = iota(shape).to(org.autograd4j.DType.FLOAT64).requiresGrad_();
        Tensor s = x.sum(d, keep);
        double[] got = s.toDoubleArray();
        double[] xs = x.detach().toDoubleArray();
        double[] want = new double[got.length];
        for (int i = 0; i < xs.length; i++) {
            long[] c = coords(i, shape);
            long[] oc = new long[keep ? dims : dims - 1];
            for (int k = 0, j = 0; k < dims; k++) {
                if (k == d) {
                    if (keep) oc[j++] = 0;
                } else {
                    oc[j++] = c[k];
                }
            }
            want[(int) position(oc, s.shape())] += xs[i];
        }
        assertArrayEquals(want, got);
        s.sum().backward();
        double[] ones = new double[xs.length];
        java.util.Arrays.fill(ones, 1);
        assertArrayEquals(ones, x.grad().toDoubleArray());
    }
}
