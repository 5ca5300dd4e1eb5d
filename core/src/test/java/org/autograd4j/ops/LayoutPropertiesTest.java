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

    /**
     * The index model of a chain of views, kept beside the tensors: the view's shape and, for each step, the map
     * from a coordinate of the step's result to the coordinate of its input it reads (the inverse of the step).
     * Composed from the last step to the first they give, for any element of the final view, its coordinates in
     * the original tensor: plain coordinate arithmetic, no strides or offsets.
     */
    private static final class ViewModel {
        long[] shape;
        final List<java.util.function.UnaryOperator<long[]>> inverses = new ArrayList<>();

        ViewModel(long[] shape) {
            this.shape = shape.clone();
        }

        void step(long[] newShape, java.util.function.UnaryOperator<long[]> inverse) {
            shape = newShape;
            inverses.add(inverse);
        }

        long[] source(long[] c) {
            for (int k = inverses.size() - 1; k >= 0; k--) c = inverses.get(k).apply(c);
            return c;
        }
    }

    private static long[] insert(long[] a, int at, long value) {
        long[] r = new long[a.length + 1];
        System.arraycopy(a, 0, r, 0, at);
        r[at] = value;
        System.arraycopy(a, at, r, at + 1, a.length - at);
        return r;
    }

    private static long[] remove(long[] a, int at) {
        long[] r = new long[a.length - 1];
        System.arraycopy(a, 0, r, 0, at);
        System.arraycopy(a, at + 1, r, at, a.length - at - 1);
        return r;
    }

    private static long[] swap(long[] a, int i, int j) {
        long[] r = a.clone();
        r[i] = a[j];
        r[j] = a[i];
        return r;
    }

    /** One random view step on v, applied to the model m too; returns the view and names it in {@code log}. */
    private static Tensor randomView(Random r, Tensor v, ViewModel m, StringBuilder log) {
        long[] s = m.shape;
        int n = s.length;
        int d = n == 0 ? 0 : r.nextInt(n);
        switch (r.nextInt(10)) {
            case 0 -> {
                if (n == 0) return v;
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) order.add(i);
                Collections.shuffle(order, r);
                int[] perm = order.stream().mapToInt(Integer::intValue).toArray();
                long[] ns = new long[n];
                for (int k = 0; k < n; k++) ns[k] = s[perm[k]];
                m.step(ns, c -> {
                    long[] o = new long[n];
                    for (int k = 0; k < n; k++) o[perm[k]] = c[k];
                    return o;
                });
                log.append(".permute").append(java.util.Arrays.toString(perm));
                return v.permute(perm);
            }
            case 1 -> {
                if (n == 0) return v;
                int e = r.nextInt(n);
                m.step(swap(s, d, e), c -> swap(c, d, e));
                log.append(".transpose(").append(d).append(", ").append(e).append(')');
                return v.transpose(d, e);
            }
            case 2 -> {
                if (n == 0) return v;
                long start = r.nextInt((int) s[d] + 1);
                long length = r.nextInt((int) (s[d] - start) + 1);
                long[] ns = s.clone();
                ns[d] = length;
                m.step(ns, c -> {
                    long[] o = c.clone();
                    o[d] += start;
                    return o;
                });
                log.append(".narrow(").append(d).append(", ").append(start).append(", ").append(length).append(')');
                return v.narrow(d, start, length);
            }
            case 3 -> {
                if (n == 0 || s[d] == 0) return v;
                long index = r.nextInt((int) s[d]);
                m.step(remove(s, d), c -> insert(c, d, index));
                log.append(".select(").append(d).append(", ").append(index).append(')');
                return v.select(d, index);
            }
            case 4 -> {
                if (n >= 6) return v;
                int at = r.nextInt(n + 1);
                m.step(insert(s, at, 1), c -> remove(c, at));
                log.append(".unsqueeze(").append(at).append(')');
                return v.unsqueeze(at);
            }
            case 5 -> {
                // squeeze(d) removes d only if its size is 1, else leaves the tensor as it is
                if (n == 0) return v;
                if (s[d] == 1) {
                    m.step(remove(s, d), c -> insert(c, d, 0));
                } else {
                    m.step(s.clone(), c -> c);
                }
                log.append(".squeeze(").append(d).append(')');
                return v.squeeze(d);
            }
            case 6 -> {
                // size-1 dims to 0..3 (or -1: kept), the others kept (their size or -1), plus 0..2 new leading dims
                int lead = n >= 5 ? 0 : r.nextInt(3);
                long[] arg = new long[lead + n];
                long[] ns = new long[lead + n];
                for (int k = 0; k < lead; k++) arg[k] = ns[k] = r.nextInt(3) + 1;
                boolean[] broadcast = new boolean[n];
                for (int k = 0; k < n; k++) {
                    if (s[k] == 1 && r.nextBoolean()) {
                        ns[lead + k] = arg[lead + k] = r.nextInt(4);
                        broadcast[k] = true;
                    } else {
                        ns[lead + k] = s[k];
                        arg[lead + k] = r.nextBoolean() ? -1 : s[k];
                    }
                }
                m.step(ns, c -> {
                    long[] o = new long[n];
                    for (int k = 0; k < n; k++) o[k] = broadcast[k] ? 0 : c[lead + k];
                    return o;
                });
                log.append(".expand").append(java.util.Arrays.toString(arg));
                return v.expand(arg);
            }
            case 7 -> {
                // view that splits dim d of size a*b into (a, b): valid whatever the strides (and, on a tensor
                // without elements, whatever the shape, as PyTorch's view)
                if (n == 0 || n >= 6) return v;
                List<Long> divisors = new ArrayList<>();
                for (long a = 1; a <= s[d]; a++) if (s[d] % a == 0) divisors.add(a);
                // a size-0 dim splits into (0, b) or (a, 0) for any a, b
                long a = s[d] == 0 ? (r.nextBoolean() ? 0 : 1 + r.nextInt(3)) : divisors.get(r.nextInt(divisors.size()));
                long b = s[d] == 0 ? (a == 0 ? 1 + r.nextInt(3) : 0) : s[d] / a;
                long[] ns = insert(s, d + 1, b);
                ns[d] = a;
                m.step(ns, c -> {
                    long[] o = remove(c, d + 1);
                    o[d] = c[d] * b + c[d + 1];
                    return o;
                });
                log.append(".view").append(java.util.Arrays.toString(ns));
                return v.view(ns);
            }
            case 8 -> {
                if (n > 2) return v;
                m.step(n == 2 ? swap(s, 0, 1) : s.clone(), c -> n == 2 ? swap(c, 0, 1) : c);
                log.append(".t()");
                return v.t();
            }
            default -> {
                long[] ns = new long[0];
                for (long x : s) if (x != 1) ns = insert(ns, ns.length, x);
                m.step(ns, c -> {
                    long[] o = new long[n];
                    for (int k = 0, j = 0; k < n; k++) o[k] = s[k] == 1 ? 0 : c[j++];
                    return o;
                });
                log.append(".squeeze()");
                return v.squeeze();
            }
        }
    }

    @Property(tries = 500)
    void chainsOfViewsReadTheRightElements(@ForAll long seed) {
        Random r = new Random(seed);
        long[] shape = randomShape(r, 4, 5);
        Tensor x = iota(shape);
        double[] original = x.toDoubleArray();
        Tensor v = x;
        ViewModel m = new ViewModel(shape);
        StringBuilder chain = new StringBuilder("x").append(java.util.Arrays.toString(shape));
        for (int step = 0, steps = r.nextInt(6) + 1; step < steps; step++) {
            v = randomView(r, v, m, chain);
            assertArrayEquals(m.shape, v.shape(), chain + ": shape");
        }
        assertSame(Internals.storage(x), Internals.storage(v), chain + ": every step is a view");
        // each element of the view is the original's element at the coordinates the model maps it to
        double[] viaView = v.toDoubleArray();
        double[] viaCopy = v.contiguous().toDoubleArray();
        assertEquals(numel(m.shape), viaView.length, chain + ": numel");
        for (int i = 0; i < viaView.length; i++) {
            long[] c = coords(i, m.shape);
            double want = original[(int) position(m.source(c), shape)];
            assertEquals(want, viaView[i], chain + ": element " + java.util.Arrays.toString(c));
            assertEquals(want, viaCopy[i], chain + ": element " + java.util.Arrays.toString(c) + " of contiguous()");
        }
        // reshape to 1-d and back is the identity
        Tensor back = v.reshape(-1).reshape(v.shape());
        assertArrayEquals(viaView, back.toDoubleArray(), chain + ": reshape(-1).reshape(shape)");
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
