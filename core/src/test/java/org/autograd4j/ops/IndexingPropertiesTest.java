package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Property tests (jqwik): random basic index lists (integers, slices with any bounds and steps, None, one
 * Ellipsis) over random shapes give exactly the elements a reference picks from the full element list, as
 * views of the same storage; assignment through the same list writes exactly those elements.
 */
class IndexingPropertiesTest {

    /** One output dim of the reference: the source dim and the source positions it runs over (null: a new axis). */
    private record Axis(int srcDim, List<Integer> positions) {
    }

    /** Python's slice over 0..n-1, by filtering the full list (not by the library's arithmetic). */
    private static List<Integer> pick(int n, Integer start, Integer stop, int step) {
        int s = start == null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
        int e = stop == null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < n; k++) if (k >= s && k < e && (k - s) % step == 0) r.add(k);
        return r;
    }

    private static int[] shape(Random r) {
        int[] s = new int[1 + r.nextInt(4)];
        for (int i = 0; i < s.length; i++) s[i] = r.nextInt(5);
        return s;
    }

    /** A random basic index list for shape, and the reference axes and fixed coordinates it denotes. */
    private static Object[] indexList(Random r, int[] shape, List<Axis> axes, int[] fixed) {
        List<Object> idx = new ArrayList<>();
        boolean ellipsis = false;
        int d = 0;
        while (true) {
            int kind = r.nextInt(10);
            if (d >= shape.length && kind < 8) break;
            if (kind < 3 && shape[d] > 0) {
                int i = r.nextInt(shape[d]) - (r.nextBoolean() ? shape[d] : 0);
                idx.add(r.nextBoolean() ? (Object) i : (Object) (long) i);
                fixed[d] = i < 0 ? i + shape[d] : i;
                d++;
            } else if (kind < 7 && d < shape.length) {
                Integer a = r.nextInt(3) == 0 ? null : r.nextInt(2 * shape[d] + 3) - shape[d] - 1;
                Integer b = r.nextInt(3) == 0 ? null : r.nextInt(2 * shape[d] + 3) - shape[d] - 1;
                int step = 1 + r.nextInt(3);
                idx.add(Torch.slice(a, b, step));
                axes.add(new Axis(d, pick(shape[d], a, b, step)));
                d++;
            } else if (kind < 8 && !ellipsis) {
                ellipsis = true;
                idx.add(Torch.ELLIPSIS);
                // the ellipsis stands for the dims the rest of the list does not consume: decided at the end
                axes.add(new Axis(-2 - d, null));
                d = -1000;
            } else if (kind < 9) {
                idx.add(Torch.NEWAXIS);
                axes.add(new Axis(-1, null));
            } else {
                break;
            }
            if (d < 0) break;
        }
        return idx.toArray();
    }

    @Property(tries = 400)
    void basicIndexingPicksTheReferenceElementsAsAView(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = shape(r);
        List<Axis> axes = new ArrayList<>();
        int[] fixed = new int[shape.length];
        Object[] idx = indexList(r, shape, axes, fixed);
        // an ellipsis ends the generated list (so the dims it covers are the rest): expand it into full axes
        List<Axis> full = new ArrayList<>();
        for (Axis a : axes) {
            if (a.srcDim() <= -2) {
                for (int k = -2 - a.srcDim(); k < shape.length; k++) full.add(new Axis(k, pick(shape[k], null, null, 1)));
            } else {
                full.add(a);
            }
        }
        boolean sawEllipsis = axes.stream().anyMatch(a -> a.srcDim() <= -2);
        int consumed = 0;
        for (Object o : idx) if (o instanceof Integer || o instanceof Long || o instanceof org.autograd4j.Slice) consumed++;
        if (!sawEllipsis) {
            // unconsumed trailing dims are kept whole
            for (int k = consumed; k < shape.length; k++) full.add(new Axis(k, pick(shape[k], null, null, 1)));
        }
        long n = 1;
        for (int s : shape) n *= s;
        long[] ls = new long[shape.length];
        for (int i = 0; i < ls.length; i++) ls[i] = shape[i];
        Tensor x = Torch.arange(0.0, (double) n, 1.0, DType.FLOAT64).reshape(ls);
        Tensor y = x.index(idx);

        long[] want = new long[full.size()];
        for (int i = 0; i < want.length; i++) want[i] = full.get(i).positions() == null ? 1 : full.get(i).positions().size();
        assertArrayEquals(want, y.shape(), () -> java.util.Arrays.toString(idx) + " on " + java.util.Arrays.toString(shape));
        double[] got = y.toDoubleArray();
        int total = got.length;
        for (int lin = 0; lin < total; lin++) {
            int[] src = fixed.clone();
            int rem = lin;
            for (int k = full.size() - 1; k >= 0; k--) {
                int size = (int) want[k];
                int c = rem % size;
                rem /= size;
                Axis a = full.get(k);
                if (a.positions() != null) src[a.srcDim()] = a.positions().get(c);
            }
            long p = 0;
            for (int k = 0; k < shape.length; k++) p = p * shape[k] + src[k];
            assertEquals((double) p, got[lin], () -> java.util.Arrays.toString(idx) + " on " + java.util.Arrays.toString(shape));
        }
        // basic indexing copies nothing
        assertNotNull(y.base());
        assertSame(x.base() == null ? x : x.base(), y.base());
    }

    @Property(tries = 200)
    void assignmentThroughBasicIndicesWritesExactlyTheViewedElements(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = shape(r);
        Object[] idx = indexList(r, shape, new ArrayList<>(), new int[shape.length]);
        long[] ls = new long[shape.length];
        long n = 1;
        for (int i = 0; i < ls.length; i++) n *= ls[i] = shape[i];
        Tensor x = Torch.arange(0.0, (double) n, 1.0, DType.FLOAT64).reshape(ls);
        Tensor marked = Torch.zeros(ls, DType.FLOAT64);
        // which elements the view covers, found by writing 1 through the view of a second tensor
        marked.index(idx).fill_(1.0);
        x.indexPut_(idx, -1.0);
        double[] xs = x.toDoubleArray(), ms = marked.toDoubleArray();
        for (int i = 0; i < xs.length; i++) assertEquals(ms[i] == 1 ? -1.0 : i, xs[i]);
    }
}
