package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The op table's rows of the sorting ops (their values part; indices are compared in {@code SortingTest}). The
 * samples are gaussian, so no two values tie and every gradient is well defined.
 */
final class SortRows {
    private SortRows() {
    }

    /** The line sorted ascending ({@code descending=false}) or descending. */
    static double[] sorted(double[] s, boolean descending) {
        double[] r = s.clone();
        Arrays.sort(r);
        if (descending) for (int i = 0, j = r.length - 1; i < j; i++, j--) { double t = r[i]; r[i] = r[j]; r[j] = t; }
        return r;
    }

    static double[] runningMax(double[] s, boolean max) {
        double[] r = s.clone();
        for (int i = 1; i < r.length; i++) r[i] = max ? Math.max(r[i - 1], r[i]) : Math.min(r[i - 1], r[i]);
        return r;
    }

    /** Inputs of at least 2 along the last dim, 0-d aside (topk's k = 2). */
    static Function<Random, List<Sample>> atLeastTwo() {
        return g -> {
            List<Sample> l = new ArrayList<>(twoD(OpTable::r, sh(0, 3)).apply(g));
            l.add(s(r(g, 7)));
            l.add(s(r(g, 2)));
            return l;
        };
    }

    static void rows() {
        row("sort", "SortBackward0", f1(x -> x.sort(1).values()), r1(x -> Arr.alongDim(x, 1, s -> sorted(s, false))),
                twoD(OpTable::r, sh(3, 0), sh(0, 3))).pointwise(0)
                .py("torch.sort(a, 1).values");
        row("sort_descending_stable", "SortBackward1", f1(x -> x.sort(-1, true, true).values()),
                r1(x -> Arr.alongDim(x, -1, s -> sorted(s, true))), lastDim(OpTable::r, sh(0, 3))).pointwise(0)
                .py("torch.sort(a, stable=True, dim=-1, descending=True).values");
        row("msort", "SortBackward0", f1(x -> x.msort()), r1(x -> Arr.alongDim(x, 0, s -> sorted(s, false))),
                twoD(OpTable::r, sh(0, 3))).pointwise(0)
                .py("torch.msort(a)");
        row("topk", "TopkBackward0", f1(x -> x.topk(2).values()),
                r1(x -> Arr.alongDim(x, -1, s -> Arrays.copyOf(sorted(s, true), 2))), atLeastTwo()).pointwise(0)
                .py("torch.topk(a, 2).values");
        row("topk_smallest_dim0", "TopkBackward0", f1(x -> x.topk(1, 0, false, true).values()),
                r1(x -> Arr.alongDim(x, 0, s -> Arrays.copyOf(sorted(s, false), 1))), twoD(OpTable::r, sh(3, 0))).pointwise(0)
                .py("torch.topk(a, 1, 0, False, True).values");
        row("kthvalue", "KthvalueBackward0", f1(x -> x.kthvalue(2, 1).values()),
                r1(x -> Arr.reduceDim(x, 1, false, s -> sorted(s, false)[1])), twoD(OpTable::r, sh(3, 2, 0))).pointwise(0)
                .py("torch.kthvalue(a, 2, 1).values");
        row("kthvalue_keepdim", "KthvalueBackward0", f1(x -> x.kthvalue(1, -1, true).values()),
                r1(x -> Arr.reduceDim(x, -1, true, s -> sorted(s, false)[0])), lastDim(OpTable::r)).pointwise(0)
                .py("torch.kthvalue(a, 1, -1, True).values");
        row("median", "MedianBackward0", f1(x -> x.median()), r1(x -> Arr.reduceAll(x, s -> sorted(s, false)[(s.length - 1) / 2])),
                all(OpTable::r, false)).pointwise(0)
                .py("torch.median(a)");
        row("median_dim", "MedianBackward1", f1(x -> x.median(1).values()),
                r1(x -> Arr.reduceDim(x, 1, false, s -> sorted(s, false)[(s.length - 1) / 2])), twoD(OpTable::r, sh(0, 3))).pointwise(0)
                .py("torch.median(a, 1).values");
        row("nanmedian", "NanmedianBackward0", f1(x -> x.nanmedian()),
                r1(x -> Arr.reduceAll(x, s -> sorted(s, false)[(s.length - 1) / 2])), all(OpTable::r, false)).pointwise(0)
                .py("torch.nanmedian(a)");
        row("nanmedian_dim", "NanmedianBackward1", f1(x -> x.nanmedian(-1, true).values()),
                r1(x -> Arr.reduceDim(x, -1, true, s -> sorted(s, false)[(s.length - 1) / 2])), lastDim(OpTable::r)).pointwise(0)
                .py("torch.nanmedian(a, -1, True).values");
        // distinct values: each occurs once, so the mode is the smallest
        row("mode", "ModeBackward0", f1(x -> x.mode(1).values()), r1(x -> Arr.reduceDim(x, 1, false, Arr::min)),
                twoD(OpTable::r, sh(0, 3))).pointwise(0)
                .py("torch.mode(a, 1).values");
        row("cummax", "CummaxBackward0", f1(x -> x.cummax(1).values()), r1(x -> Arr.alongDim(x, 1, s -> runningMax(s, true))),
                twoD(OpTable::r, sh(3, 0), sh(0, 3))).pointwise(0)
                .py("torch.cummax(a, 1).values");
        row("cummin", "CumminBackward0", f1(x -> x.cummin(-1).values()), r1(x -> Arr.alongDim(x, -1, s -> runningMax(s, false))),
                lastDim(OpTable::r, sh(0, 3))).pointwise(0)
                .py("torch.cummin(a, -1).values");
    }
}
