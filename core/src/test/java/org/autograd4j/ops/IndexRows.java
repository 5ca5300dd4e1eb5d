package org.autograd4j.ops;

import static org.autograd4j.Torch.ELLIPSIS;
import static org.autograd4j.Torch.NEWAXIS;
import static org.autograd4j.Torch.slice;
import static org.autograd4j.ops.OpTable.*;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;

/** Op-table rows of Python-style indexing and the mask/selection ops (Subscripts), with fixed index sets. */
final class IndexRows {
    private IndexRows() {
    }

    /** x's elements where the mask (of x's shape) is true, row-major. */
    private static Arr masked(Arr x, Arr m) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < x.v().length; i++) if (m.v()[i] != 0) r.add(x.v()[i]);
        return Arr.of(sh(r.size()), r.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code x[i, j]} for 2-d x and two 1-d index vectors of one length. */
    private static Arr pairs(Arr x, Arr i, Arr j) {
        double[] r = new double[i.v().length];
        for (int k = 0; k < r.length; k++) r[k] = x.get((int) i.v()[k], (int) j.v()[k]);
        return Arr.of(sh(r.length), r);
    }

    /** {@code x.index_put((i,), v, accumulate)} for 1-d i selecting rows of 2-d x and v of [len(i), cols]. */
    private static Arr putRows(Arr x, Arr i, Arr v, boolean accumulate) {
        double[] r = x.v().clone();
        int cols = x.shape()[1];
        for (int k = 0; k < i.v().length; k++) {
            int row = (int) i.v()[k];
            for (int c = 0; c < cols; c++) {
                double val = v.v()[k * cols + c];
                r[row * cols + c] = accumulate ? r[row * cols + c] + val : val;
            }
        }
        return Arr.of(x.shape(), r);
    }

    /** {@code x[1::2, ..., None]}: rows 1, 3, … with a trailing size-1 dim. */
    private static Arr oddRowsUnsqueezed(Arr x) {
        int n = x.shape()[0];
        long[] rows = new long[n / 2];
        for (int k = 0; k < rows.length; k++) rows[k] = 2 * k + 1;
        Arr s = Arr.indexSelect(x, 0, rows);
        int[] shape = new int[s.dim() + 1];
        System.arraycopy(s.shape(), 0, shape, 0, s.dim());
        shape[s.dim()] = 1;
        return Arr.reshape(s, shape);
    }

    static void rows() {
        row("index_basic", "UnsqueezeBackward0", f1(x -> x.index(slice(1, null, 2), ELLIPSIS, NEWAXIS)),
                r1(IndexRows::oddRowsUnsqueezed),
                g -> List.of(s(r(g, 5, 3)), s(r(g, 4)), s(r(g, 1, 2)), s(S(r(g, 6, 2))), s(T(r(g, 4, 3))), s(r(g, 3, 2, 2))))
                .composite().py("a[1::2, ..., None]");
        row("index_tensor", "IndexBackward0", f2((x, i) -> x.index(slice(null, null), i)),
                xs -> Arr.indexSelect(xs.get(0), 1, longs(xs.get(1))),
                g -> List.of(s(r(g, 2, 4), index(sh(3), 3, 0, 3)), s(r(g, 3, 5), index(sh(0))), s(T(r(g, 3, 4)), index(sh(1), 1)),
                        s(r(g, 2, 1), index(sh(2), 0, 0)), s(S(r(g, 2, 7)), randIndex(g, 7, 13))))
                .composite().py("a[:, b]");
        row("index_pairs", "IndexBackward0", xs -> xs.get(0).index(xs.get(1), xs.get(2)),
                xs -> pairs(xs.get(0), xs.get(1), xs.get(2)),
                g -> List.of(s(r(g, 3, 4), index(sh(4), 0, 2, 2, 1), index(sh(4), 1, 3, 3, 0)), s(T(r(g, 4, 3)), index(sh(2), 3, 0),
                        index(sh(2), 2, 2)), s(r(g, 2, 2), index(sh(0)), index(sh(0)))))
                .py("a[b, c]");
        row("index_mask", "IndexBackward0", f2(Tensor::index), xs -> masked(xs.get(0), xs.get(1)),
                g -> List.of(s(r(g, 3, 4), mask(g, 3, 4)), s(r(g, 5), mask(g, 5)), s(T(r(g, 3, 4)), mask(g, 3, 4)),
                        s(r(g, 0, 2), mask(g, 0, 2))))
                .py("a[b]");
        row("index_put", "IndexPutBackward0", xs -> xs.get(0).indexPut(new Object[] {xs.get(1)}, xs.get(2)),
                xs -> putRows(xs.get(0), xs.get(1), xs.get(2), false),
                g -> List.of(s(r(g, 3, 4), index(sh(2), 2, 0), r(g, 2, 4)), s(T(r(g, 4, 3)), index(sh(1), 1), r(g, 1, 3)),
                        s(r(g, 2, 2), index(sh(0)), r(g, 0, 2))))
                .py("a.index_put((b,), c)");
        row("index_put_accumulate", "IndexPutBackward0", xs -> xs.get(0).indexPut(new Object[] {xs.get(1)}, xs.get(2), true),
                xs -> putRows(xs.get(0), xs.get(1), xs.get(2), true),
                g -> List.of(s(r(g, 3, 4), index(sh(3), 2, 0, 2), r(g, 3, 4)), s(T(r(g, 4, 3)), index(sh(2), 1, 1), r(g, 2, 3))))
                .py("a.index_put((b,), c, accumulate=True)");
        row("masked_select", "MaskedSelectBackward0", f2(Tensor::maskedSelect), xs -> masked(xs.get(0), xs.get(1)),
                g -> List.of(s(r(g, 3, 4), mask(g, 3, 4)), s(r(g, 7), mask(g, 7)), s(T(r(g, 3, 4)), mask(g, 3, 4)),
                        s(S(r(g, 2, 3)), mask(g, 2, 3)), s(r(g, 0, 3), mask(g, 0, 3))))
                .py("a.masked_select(b)");
        row("masked_scatter", "MaskedScatterBackward0", xs -> xs.get(0).maskedScatter(xs.get(1), xs.get(2)),
                xs -> {
                    Arr x = xs.get(0), m = xs.get(1), src = xs.get(2);
                    double[] r = x.v().clone();
                    for (int i = 0, k = 0; i < r.length; i++) if (m.v()[i] != 0) r[i] = src.v()[k++];
                    return Arr.of(x.shape(), r);
                },
                g -> List.of(s(r(g, 3, 4), mask(g, 3, 4), r(g, 12)), s(T(r(g, 3, 4)), mask(g, 3, 4), r(g, 3, 5)),
                        s(r(g, 5), mask(g, 5), r(g, 6))))
                .py("a.masked_scatter(b, c)");
        row("take", "TakeBackward0", f2(Tensor::take), xs -> {
            Arr x = xs.get(0), i = xs.get(1);
            double[] r = new double[i.v().length];
            for (int k = 0; k < r.length; k++) {
                int p = (int) i.v()[k];
                r[k] = x.v()[p < 0 ? p + x.v().length : p];
            }
            return Arr.of(i.shape(), r);
        }, g -> List.of(s(r(g, 3, 4), index(sh(2, 2), 0, 11, -1, 5)), s(T(r(g, 3, 4)), index(sh(3), 1, 1, 7)), s(r(g), index(sh(2), 0, 0)),
                s(S(r(g, 2, 3)), index(sh(0)))))
                .py("a.take(b)");
    }
}
