package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** The op-table rows of the scatter family, split/chunk/unbind pieces and the rearranging ops (ops.Rearrange). */
final class RearrangeRows {
    private RearrangeRows() {
    }

    static Function<List<Tensor>, Tensor> f3(TriFunction f) {
        return xs -> f.apply(xs.get(0), xs.get(1), xs.get(2));
    }

    interface TriFunction {
        Tensor apply(Tensor a, Tensor b, Tensor c);
    }

    // ------------------------------------------------------------------ references (plain loops over coordinates)

    /** x with src reduced in at index along dim, as scatter_reduce defines it ("assign": scatter). */
    static Arr scatterRef(Arr x, int dim, Arr index, Arr src, String reduce, boolean includeSelf) {
        double[] out = x.v().clone();
        double[] count = new double[out.length];
        boolean[] touched = new boolean[out.length];
        int d = Arr.wrap(dim, x.dim());
        for (int i = 0; i < index.numel(); i++) {
            int[] c = Arr.coords(i, index.shape());
            double s = src == null ? Double.NaN : src.get(c);
            c[d] = (int) index.v()[i];
            int p = Arr.flat(c, x.shape());
            if (!touched[p] && !includeSelf) {
                out[p] = switch (reduce) {
                    case "prod" -> 1;
                    case "amax" -> Double.NEGATIVE_INFINITY;
                    case "amin" -> Double.POSITIVE_INFINITY;
                    default -> 0;
                };
            }
            if (!touched[p]) count[p] = includeSelf ? 1 : 0;
            touched[p] = true;
            count[p]++;
            out[p] = switch (reduce) {
                case "assign" -> s;
                case "sum", "mean" -> out[p] + s;
                case "prod" -> out[p] * s;
                case "amax" -> Math.max(out[p], s);
                default -> Math.min(out[p], s);
            };
        }
        if (reduce.equals("mean")) for (int p = 0; p < out.length; p++) if (touched[p]) out[p] /= count[p];
        return Arr.of(x.shape(), out);
    }

    static Arr scatterValueRef(Arr x, int dim, Arr index, double value) {
        double[] vs = new double[index.numel()];
        Arrays.fill(vs, value);
        return scatterRef(x, dim, index, Arr.of(index.shape(), vs), "assign", true);
    }

    /** Slices of x along dim at index: op(slice, source slice k) for index_add / index_copy / index_fill. */
    static Arr indexRef(Arr x, int dim, Arr index, Arr src, double alphaOrValue, String op) {
        double[] out = x.v().clone();
        int d = Arr.wrap(dim, x.dim());
        int size = x.shape()[d];
        for (int p = 0; p < out.length; p++) {
            int[] c = Arr.coords(p, x.shape());
            for (int k = 0; k < index.numel(); k++) {
                int at = (int) index.v()[k];
                if (at < 0) at += size;
                if (at != c[d]) continue;
                int[] sc = c.clone();
                sc[d] = k;
                out[p] = switch (op) {
                    case "add" -> out[p] + alphaOrValue * src.get(sc);
                    case "copy" -> src.get(sc);
                    default -> src == null ? alphaOrValue : src.v()[0];
                };
            }
        }
        return Arr.of(x.shape(), out);
    }

    /** out[c] = x[map(c)] over out's shape. */
    interface CoordMap {
        int[] at(int[] outCoords);
    }

    static Arr gatherBy(Arr x, int[] outShape, CoordMap m) {
        double[] out = new double[Arr.numel(outShape)];
        for (int i = 0; i < out.length; i++) {
            int[] src = m.at(Arr.coords(i, outShape));
            out[i] = src == null ? 0 : x.get(src);
        }
        return Arr.of(outShape, out);
    }

    static Arr flipRef(Arr x, int... dims) {
        return gatherBy(x, x.shape(), c -> {
            int[] s = c.clone();
            for (int d : dims) {
                int w = Arr.wrap(d, x.dim());
                s[w] = x.shape()[w] - 1 - c[w];
            }
            return s;
        });
    }

    static Arr rollRef(Arr x, int shift, int dim) {
        int w = Arr.wrap(dim, x.dim());
        int n = x.shape()[w];
        return gatherBy(x, x.shape(), c -> {
            int[] s = c.clone();
            if (n > 0) s[w] = Math.floorMod(c[w] - shift, n);
            return s;
        });
    }

    static Arr repeatRef(Arr x, int... reps) {
        int nd = reps.length, pad = nd - x.dim();
        int[] shape = new int[nd];
        for (int i = 0; i < nd; i++) shape[i] = reps[i] * (i < pad ? 1 : x.shape()[i - pad]);
        return gatherBy(x, shape, c -> {
            int[] s = new int[x.dim()];
            for (int i = 0; i < x.dim(); i++) s[i] = c[i + pad] % x.shape()[i];
            return s;
        });
    }

    static Arr triRef(Arr x, int k, boolean lower) {
        int nd = x.dim();
        return gatherBy(x, x.shape(), c -> {
            int diff = c[nd - 1] - c[nd - 2];
            return (lower ? diff <= k : diff >= k) ? c : null;
        });
    }

    static Arr diagonalRef(Arr x, int offset, int d1, int d2) {
        int n1 = x.shape()[d1], n2 = x.shape()[d2];
        int size = Math.max(offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2), 0);
        int[] rest = Arr.remove(Arr.remove(x.shape(), Math.max(d1, d2)), Math.min(d1, d2));
        int[] shape = Arrays.copyOf(rest, rest.length + 1);
        shape[rest.length] = size;
        return gatherBy(x, shape, c -> {
            int[] s = new int[x.dim()];
            for (int i = 0, k = 0; i < x.dim(); i++) if (i != d1 && i != d2) s[i] = c[k++];
            int t = c[c.length - 1];
            s[d1] = offset >= 0 ? t : t - offset;
            s[d2] = offset >= 0 ? t + offset : t;
            return s;
        });
    }

    static Arr diagRef(Arr x, int k) {
        if (x.dim() == 2) return diagonalRef(x, k, 0, 1);
        int n = x.numel() + Math.abs(k);
        return gatherBy(x, new int[] {n, n}, c -> c[1] - c[0] == k ? new int[] {k >= 0 ? c[0] : c[1]} : null);
    }

    static Arr crossRef(Arr a, Arr b, int dim) {
        int[] shape = Arr.broadcastShape(a.shape(), b.shape());
        Arr x = Arr.expand(a, shape), y = Arr.expand(b, shape);
        int w = Arr.wrap(dim, shape.length);
        double[] out = new double[Arr.numel(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] c = Arr.coords(i, shape);
            int j = (c[w] + 1) % 3, k = (c[w] + 2) % 3;
            int[] cj = c.clone(), ck = c.clone();
            cj[w] = j;
            ck[w] = k;
            out[i] = x.get(cj) * y.get(ck) - x.get(ck) * y.get(cj);
        }
        return Arr.of(shape, out);
    }

    static Arr kronRef(Arr a, Arr b) {
        int nd = Math.max(a.dim(), b.dim());
        int[] as = pad(a.shape(), nd), bs = pad(b.shape(), nd), shape = new int[nd];
        for (int i = 0; i < nd; i++) shape[i] = as[i] * bs[i];
        Arr ap = Arr.of(as, a.v()), bp = Arr.of(bs, b.v());
        double[] out = new double[Arr.numel(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] c = Arr.coords(i, shape), ca = new int[nd], cb = new int[nd];
            for (int d = 0; d < nd; d++) {
                ca[d] = c[d] / bs[d];
                cb[d] = c[d] % bs[d];
            }
            out[i] = ap.get(ca) * bp.get(cb);
        }
        return Arr.of(shape, out);
    }

    private static int[] pad(int[] s, int nd) {
        int[] r = new int[nd];
        Arrays.fill(r, 1);
        System.arraycopy(s, 0, r, nd - s.length, s.length);
        return r;
    }

    /** Piece {@code k} of x cut into {@code size}-long pieces along dim. */
    static Arr pieceRef(Arr x, int dim, int start, int length) {
        return Arr.narrow(x, dim, start, length);
    }

    static Arr repeatInterleaveRef(Arr x, int dim, long[] counts) {
        int w = Arr.wrap(dim, x.dim());
        int total = 0;
        for (long c : counts) total += (int) c;
        long[] idx = new long[total];
        for (int i = 0, k = 0; i < counts.length; i++) for (int j = 0; j < counts[i]; j++) idx[k++] = i;
        return Arr.indexSelect(x, w, idx);
    }

    // ------------------------------------------------------------------ the rows

    static void rows() {
        scatterRows();
        indexRows();
        pieceRows();
        movementRows();
        triangleRows();
        productRows();
    }

    private static void scatterRows() {
        // distinct indices along dim per line: with duplicates the last write wins and the gradient is not the derivative
        row("scatter", "ScatterBackward0", f3((x, i, s) -> x.scatter(-1, i, s)),
                xs -> scatterRef(xs.get(0), -1, xs.get(1), xs.get(2), "assign", true),
                g -> List.of(s(r(g, 2, 5), index(sh(2, 2), 4, 0, 1, 3), r(g, 2, 2)), s(T(r(g, 3, 4)), index(sh(1, 3), 2, 0, 3), r(g, 1, 3)),
                        s(r(g, 3), index(sh(2), 2, 0), r(g, 2)), s(S(r(g, 2, 3)), index(sh(2, 0)), r(g, 2, 0)),
                        s(r(g, 2, 3), index(sh(2, 1), 1, 2), c(g, 2, 1))))
                .py("a.scatter(-1, b, c)")
                .error("scatter(): Expected dtype int64 for index", r(new Random(1), 2, 3), fixed(sh(1, 1), 0), r(new Random(2), 1, 1))
                .error("index 3 is out of bounds for dimension 1 with size 3", r(new Random(1), 2, 3), index(sh(1, 1), 3),
                        r(new Random(2), 1, 1))
                .error("Index tensor must have the same number of dimensions as self tensor", r(new Random(1), 2, 3),
                        index(sh(1), 0), r(new Random(2), 1))
                .error("Expected index [1, 2] to be smaller than self [2, 3] apart from dimension 1 and to be smaller size than "
                        + "src [1, 1]", r(new Random(1), 2, 3), index(sh(1, 2), 0, 1), r(new Random(2), 1, 1));
        row("scatter_value", "ScatterBackward1", f2((x, i) -> x.scatter(0, i, 1.5)), xs -> scatterValueRef(xs.get(0), 0, xs.get(1), 1.5),
                g -> List.of(s(r(g, 3, 4), index(sh(2, 3), 0, 1, 2, 2, 2, 0)), s(T(r(g, 3, 4)), index(sh(1, 4), 2, 0, 0, 1)),
                        s(r(g, 5), index(sh(3), 4, 4, 0)), s(r(g, 2, 0), index(sh(1, 0)))))
                .py("a.scatter(0, b, 1.5)");
        row("scatter_", "ScatterBackward0", f3((x, i, s) -> x.clone().scatter_(1, i, s)),
                xs -> scatterRef(xs.get(0), 1, xs.get(1), xs.get(2), "assign", true),
                g -> List.of(s(r(g, 2, 5), index(sh(2, 2), 4, 0, 1, 3), r(g, 2, 2)), s(T(r(g, 3, 4)), index(sh(1, 3), 2, 0, 3), r(g, 1, 3))))
                .py("a.clone().scatter_(1, b, c)").composite();
        row("scatter_add", "ScatterAddBackward0", f3((x, i, s) -> x.scatterAdd(-1, i, s)),
                xs -> scatterRef(xs.get(0), -1, xs.get(1), xs.get(2), "sum", true),
                g -> List.of(s(r(g, 2, 5), index(sh(2, 3), 4, 4, 1, 3, 3, 3), r(g, 2, 3)), s(T(r(g, 3, 4)), randIndex(g, 4, 3, 6), r(g, 3, 6)),
                        s(r(g, 3), index(sh(4), 2, 0, 2, 2), r(g, 4)), s(S(r(g, 2, 3)), randIndex(g, 3, 2, 2), S(r(g, 2, 2)))))
                .py("a.scatter_add(-1, b, c)").accum(1)
                .error("scatter(): Expected self.dtype to be equal to src.dtype", r(new Random(1), 2, 3), index(sh(1, 1), 0),
                        new In(new double[] {1}, sh(1, 1), Kind.F64, true, Style.CONTIG));
        row("scatter_add_", "ScatterAddBackward0", f3((x, i, s) -> x.clone().scatterAdd_(1, i, s)),
                xs -> scatterRef(xs.get(0), 1, xs.get(1), xs.get(2), "sum", true),
                g -> List.of(s(r(g, 2, 5), index(sh(2, 3), 4, 4, 1, 3, 3, 3), r(g, 2, 3))))
                .py("a.clone().scatter_add_(1, b, c)").composite().accum(1);
        for (String red : new String[] {"sum", "prod", "mean", "amax", "amin"}) {
            for (boolean self : new boolean[] {true, false}) {
                String py = "a.scatter_reduce(-1, b, c, '" + red + "', include_self=" + (self ? "True" : "False") + ")";
                // prod and mean take positive inputs (well conditioned), amax/amin random ones (no ties)
                Gen x = red.equals("prod") || red.equals("mean") ? OpTable::p : OpTable::r;
                row("scatter_reduce_" + red + (self ? "" : "_noself"), "ScatterReduceBackward0",
                        f3((t, i, s) -> t.scatterReduce(-1, i, s, red, self)),
                        xs -> scatterRef(xs.get(0), -1, xs.get(1), xs.get(2), red, self),
                        g -> List.of(s(x.make(g, 2, 5), index(sh(2, 3), 4, 4, 1, 3, 3, 0), x.make(g, 2, 3)),
                                s(T(x.make(g, 3, 4)), randIndex(g, 4, 3, 5), x.make(g, 3, 5)),
                                s(x.make(g, 4), index(sh(3), 2, 0, 2), x.make(g, 3)),
                                s(x.make(g, 2, 3), index(sh(2, 0)), x.make(g, 2, 0))))
                        .py(py).accum(2);
            }
        }
        row("scatter_reduce_prod_zeros", "ScatterReduceBackward0", f3((t, i, s) -> t.scatterReduce(0, i, s, "prod", true)),
                xs -> scatterRef(xs.get(0), 0, xs.get(1), xs.get(2), "prod", true),
                g -> List.of(s(fixed(sh(3), 0, 2, 3), index(sh(4), 0, 1, 1, 2), fixed(sh(4), 1.5, 0, 2, 0.5))))
                .py("a.scatter_reduce(0, b, c, 'prod')").noGradgrad();
    }

    private static void indexRows() {
        row("index_add", "IndexAddBackward0", f3((x, i, s) -> x.indexAdd(1, i, s)),
                xs -> indexRef(xs.get(0), 1, xs.get(1), xs.get(2), 1, "add"),
                g -> List.of(s(r(g, 2, 5), index(sh(3), 4, 0, 4), r(g, 2, 3)), s(T(r(g, 3, 4)), index(sh(2), 3, 0), r(g, 3, 2)),
                        s(r(g, 2, 3), index(sh(0)), r(g, 2, 0)), s(S(r(g, 3, 3)), index(sh(1), 1), c(g, 3, 1))))
                .py("a.index_add(1, b, c)").accum(1)
                .error("index_add_(): Number of indices (1) should be equal to source.size(dim): (2), for dim: 1",
                        r(new Random(1), 2, 3), index(sh(1), 0), r(new Random(2), 2, 2))
                .error("index out of range in self", r(new Random(1), 2, 3), index(sh(1), 3), r(new Random(2), 2, 1));
        row("index_add_alpha", "IndexAddBackward0", f3((x, i, s) -> x.indexAdd(0, i, s, 0.3)),
                xs -> indexRef(xs.get(0), 0, xs.get(1), xs.get(2), 0.3, "add"),
                g -> List.of(s(r(g, 4, 3), index(sh(3), 3, 0, 3), r(g, 3, 3)), s(r(g, 5), index(sh(2), 1, 1), r(g, 2)),
                        s(T(r(g, 3, 4)), index(sh(2), 2, 0), r(g, 2, 4))))
                .py("a.index_add(0, b, c, alpha=0.3)").accum(1);
        row("index_add_", "IndexAddBackward0", f3((x, i, s) -> x.clone().indexAdd_(0, i, s)),
                xs -> indexRef(xs.get(0), 0, xs.get(1), xs.get(2), 1, "add"),
                g -> List.of(s(r(g, 4, 3), index(sh(3), 3, 0, 3), r(g, 3, 3))))
                .py("a.clone().index_add_(0, b, c)").composite().accum(1);
        row("index_copy", "IndexCopyBackward0", f3((x, i, s) -> x.indexCopy(1, i, s)),
                xs -> indexRef(xs.get(0), 1, xs.get(1), xs.get(2), 0, "copy"),
                g -> List.of(s(r(g, 2, 5), index(sh(3), 4, 0, 2), r(g, 2, 3)), s(T(r(g, 3, 4)), index(sh(2), 3, 0), r(g, 3, 2)),
                        s(r(g, 2, 3), index(sh(0)), r(g, 2, 0)), s(S(r(g, 3, 3)), index(sh(1), 1), c(g, 3, 1))))
                .py("a.index_copy(1, b, c)")
                .error("index_copy_(): index 5 is out of bounds for dimension 1 with size 3", r(new Random(1), 2, 3),
                        index(sh(1), 5), r(new Random(2), 2, 1));
        row("index_copy_", "IndexCopyBackward0", f3((x, i, s) -> x.clone().indexCopy_(0, i, s)),
                xs -> indexRef(xs.get(0), 0, xs.get(1), xs.get(2), 0, "copy"),
                g -> List.of(s(r(g, 4, 3), index(sh(2), 3, 0), r(g, 2, 3))))
                .py("a.clone().index_copy_(0, b, c)").composite();
        row("index_fill", "IndexFillBackward0", f2((x, i) -> x.indexFill(1, i, -2.5)),
                xs -> indexRef(xs.get(0), 1, xs.get(1), null, -2.5, "fill"),
                g -> List.of(s(r(g, 2, 5), index(sh(3), 4, 0, -1)), s(T(r(g, 3, 4)), index(sh(2), 3, 0)), s(r(g, 2, 3), index(sh(0))),
                        s(S(r(g, 3, 3)), index(sh(1), 1))))
                .py("a.index_fill(1, b, -2.5)")
                .error("Index has to be a vector/scalar", r(new Random(1), 2, 3), index(sh(1, 1), 0));
        row("index_fill_tensor", "IndexFillBackward1", f3((x, i, v) -> x.indexFill(1, i, v)),
                xs -> indexRef(xs.get(0), 1, xs.get(1), xs.get(2), 0, "fill"),
                g -> List.of(s(r(g, 2, 5), index(sh(3), 4, 0, 2), r(g)), s(T(r(g, 3, 4)), index(sh(2), 3, 0), r(g))))
                .py("a.index_fill(1, b, c)");
        row("index_fill_", "IndexFillBackward0", f2((x, i) -> x.clone().indexFill_(0, i, 3.0)),
                xs -> indexRef(xs.get(0), 0, xs.get(1), null, 3.0, "fill"),
                g -> List.of(s(r(g, 4, 3), index(sh(2), 3, 0))))
                .py("a.clone().index_fill_(0, b, 3.0)").composite();
    }

    private static void pieceRows() {
        // one piece of several: the others get no gradient, which the node fills with zeros
        row("split_piece", "SplitBackward0", f1(x -> x.split(2, 1).get(1)), r1(x -> pieceRef(x, 1, 2, Math.min(2, x.shape()[1] - 2))),
                g -> List.of(s(r(g, 3, 5)), s(T(r(g, 2, 4))), s(S(r(g, 2, 3, 4))), s(r(g, 0, 3))))
                .py("a.split(2, 1)[1]");
        row("split_last", "SplitBackward0", f1(x -> x.split(2, -1).get(2)), r1(x -> pieceRef(x, x.dim() - 1, 4, 1)),
                g -> List.of(s(r(g, 3, 5)), s(r(g, 5)), s(S(r(g, 2, 5)))))
                .py("a.split(2, -1)[2]");
        row("split_sizes", "SplitWithSizesBackward0", f1(x -> x.split(new long[] {1, 0, 3}, 0).get(2)),
                r1(x -> pieceRef(x, 0, 1, 3)), g -> List.of(s(r(g, 4, 2)), s(r(g, 4)), s(T(r(g, 4, 3)))))
                .py("a.split([1, 0, 3], 0)[2]");
        row("split_sum", "AddBackward0", f1(x -> {
            List<Tensor> p = x.split(new long[] {2, 1}, 1);
            return p.get(0).sum(new int[] {1}, true).add(p.get(1).mul(3));
        }), r1(x -> {
            Arr a = Arr.narrow(x, 1, 0, 2), b = Arr.narrow(x, 1, 2, 1);
            return Arr.zip(Arr.reduceDim(a, 1, true, Arr::sum), b, (u, v) -> u + 3 * v);
        }), g -> List.of(s(r(g, 2, 3)), s(T(r(g, 4, 3)))))
                .py("(lambda p: p[0].sum(1, keepdim=True) + p[1] * 3)(a.split([2, 1], 1))").composite();
        row("chunk", "SplitBackward0", f1(x -> x.chunk(3, 0).get(1)), r1(x -> pieceRef(x, 0, 2, 2)),
                g -> List.of(s(r(g, 5, 2)), s(r(g, 6)), s(T(r(g, 5, 3)))))
                .py("a.chunk(3, 0)[1]");
        row("unbind", "UnbindBackward0", f1(x -> x.unbind(1).get(1)), r1(x -> Arr.select(x, 1, 1)),
                g -> List.of(s(r(g, 3, 2)), s(T(r(g, 3, 4))), s(S(r(g, 2, 3, 4))), s(r(g, 0, 3))))
                .py("a.unbind(1)[1]");
        row("unbind_stack", "StackBackward0", f1(x -> Torch.stack(x.unbind(0), 1)), r1(x -> Arr.transpose(x, 0, 1)),
                g -> List.of(s(r(g, 3, 2)), s(T(r(g, 3, 4)))))
                .py("torch.stack(a.unbind(0), 1)").composite();
    }

    private static void movementRows() {
        row("flip", "FlipBackward0", f1(x -> x.flip(0, -1)), r1(x -> flipRef(x, 0, -1)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 0, 3)), s(r(g, 7, 1))))
                .py("a.flip(0, -1)")
                .error("dim 0 appears multiple times in the list of dims", r(new Random(1), 3));
        row("roll", "RollBackward0", f1(x -> x.roll(2, 1)), r1(x -> rollRef(x, 2, 1)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 2, 0)), s(r(g, 2, 1))))
                .py("a.roll(2, 1)");
        row("roll_negative", "RollBackward0", f1(x -> x.roll(new long[] {-1, 7}, new int[] {0, -1})),
                r1(x -> rollRef(rollRef(x, -1, 0), 7, -1)), g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3)))))
                .py("a.roll((-1, 7), (0, -1))");
        row("roll_flat", "RollBackward0", f1(x -> x.roll(3)), r1(x -> Arr.reshape(rollRef(Arr.reshape(x, -1), 3, 0), x.shape())),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 5)), s(T(r(g, 4, 5))), s(r(g)), s(r(g, 0))))
                .py("a.roll(3)");
        row("repeat", "RepeatBackward0", f1(x -> x.repeat(2, 1, 3)), r1(x -> repeatRef(x, 2, 1, 3)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 0, 3)), s(r(g)), s(r(g, 5))))
                .py("a.repeat(2, 1, 3)").accum(1)
                .error("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
                        r(new Random(1), 2, 3, 1, 1));
        row("tile", "RepeatBackward0", f1(x -> x.tile(2)), r1(x -> repeatRef(x, tileReps(x.dim(), 2))),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 5)), s(T(r(g, 4, 5))), s(r(g))))
                .py("a.tile(2)").accum(1);
        row("repeat_interleave", "IndexSelectBackward0", f1(x -> x.repeatInterleave(2, 1)),
                r1(x -> repeatInterleaveRef(x, 1, filled(x.shape()[1], 2))),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 2, 0))))
                .py("a.repeat_interleave(2, 1)");
        row("repeat_interleave_flat", "IndexSelectBackward0", f1(x -> x.repeatInterleave(3)),
                r1(x -> repeatInterleaveRef(Arr.reshape(x, -1), 0, filled(x.numel(), 3))),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5))), s(r(g)), s(r(g, 0))))
                .py("a.repeat_interleave(3)").composite();
        row("repeat_interleave_tensor", "IndexSelectBackward0", f2((x, rep) -> x.repeatInterleave(rep, 0)),
                xs -> repeatInterleaveRef(xs.get(0), 0, counts(xs.get(1), xs.get(0).shape()[0])),
                g -> List.of(s(r(g, 3, 2), index(sh(3), 1, 0, 3)), s(r(g, 4), index(sh(1), 2)), s(T(r(g, 2, 3)), index(sh(), 2))))
                .py("a.repeat_interleave(b, 0)")
                .error("repeats must have the same size as input along dim", r(new Random(1), 3, 2), index(sh(2), 1, 1))
                .error("\"repeat_interleave_cpu\" not implemented for 'Float'", r(new Random(1), 3, 2), c(new Random(2), 3));
    }

    private static int[] tileReps(int nd, int r) {
        int[] reps = new int[Math.max(nd, 1)];
        Arrays.fill(reps, 1);
        reps[reps.length - 1] = r;
        return reps;
    }

    private static long[] filled(int n, long v) {
        long[] r = new long[n];
        Arrays.fill(r, v);
        return r;
    }

    private static long[] counts(Arr repeats, int n) {
        if (repeats.numel() == 1) return filled(n, (long) repeats.v()[0]);
        return longs(repeats);
    }

    private static void triangleRows() {
        row("tril", "TrilBackward0", f1(Tensor::tril), r1(x -> triRef(x, 0, true)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 0, 3)), s(r(g, 5, 2))))
                .py("a.tril()")
                .error("Dimension out of range (expected to be in range of [-1, 0], but got -2)", r(new Random(1), 3));
        row("tril_k", "TrilBackward0", f1(x -> x.tril(-1)), r1(x -> triRef(x, -1, true)),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5))), s(r(g, 2, 2, 3))))
                .py("a.tril(-1)");
        row("triu", "TriuBackward0", f1(x -> x.triu(1)), r1(x -> triRef(x, 1, false)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 0, 3))))
                .py("a.triu(1)");
        row("tril_", "TrilBackward0", f1(x -> x.clone().tril_(1)), r1(x -> triRef(x, 1, true)),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5)))))
                .py("a.clone().tril_(1)").composite();
        row("triu_", "TriuBackward0", f1(x -> x.clone().triu_()), r1(x -> triRef(x, 0, false)),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5)))))
                .py("a.clone().triu_()").composite();
        row("diag_vector", "DiagBackward0", f1(x -> x.diag(1)), r1(x -> diagRef(x, 1)),
                g -> List.of(s(r(g, 3)), s(r(g, 1)), s(S(r(g, 4))), s(r(g, 0))))
                .py("a.diag(1)");
        row("diag_matrix", "DiagBackward0", f1(x -> x.diag(-1)), r1(x -> diagRef(x, -1)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 4, 2)), s(T(r(g, 3, 3))), s(S(r(g, 2, 3)))))
                .py("a.diag(-1)")
                .error("matrix or a vector expected", r(new Random(1), 2, 2, 2));
        row("diagonal", "DiagonalBackward0", f1(Tensor::diagonal), r1(x -> diagonalRef(x, 0, 0, 1)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 2, 3))), s(r(g, 0, 3))))
                .py("a.diagonal()");
        row("diagonal_offset", "DiagonalBackward0", f1(x -> x.diagonal(1, -1, 0)), r1(x -> diagonalRef(x, 1, x.dim() - 1, 0)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5))), s(r(g, 2, 1))))
                .py("a.diagonal(1, -1, 0)");
        row("trace", "TraceBackward0", f1(Tensor::trace), r1(x -> Arr.scalar(Arrays.stream(diagonalRef(x, 0, 0, 1).v()).sum())),
                g -> List.of(s(r(g, 3, 4)), s(T(r(g, 4, 5))), s(S(r(g, 3, 3))), s(r(g, 0, 3)), s(r(g, 1, 1))))
                .py("a.trace()").accum(1)
                .error("trace: expected a matrix, but got tensor with dim 1", r(new Random(1), 3));
    }

    private static void productRows() {
        row("outer", "MulBackward0", f2(Tensor::outer), xs -> Arr.zip(Arr.reshape(xs.get(0), -1, 1), xs.get(1), (u, v) -> u * v),
                g -> List.of(s(r(g, 3), r(g, 4)), s(r(g, 1), r(g, 2)), s(S(r(g, 3)), c(g, 2)), s(r(g, 0), r(g, 3))))
                .py("torch.outer(a, b)").composite()
                .error("outer: Expected 1-D argument self, but got 2-D", r(new Random(1), 2, 3), r(new Random(2), 3));
        row("cross", "LinalgCrossBackward0", f2((a, b) -> a.cross(b, 1)), xs -> crossRef(xs.get(0), xs.get(1), 1),
                g -> List.of(s(r(g, 2, 3), r(g, 2, 3)), s(T(r(g, 3, 3)), r(g, 3, 3)), s(r(g, 4, 3, 2), S(r(g, 4, 3, 2))),
                        s(r(g, 1, 3), r(g, 4, 3)), s(r(g, 2, 3), c(g, 2, 3))))
                .py("torch.cross(a, b, dim=1)").accum(2)
                .error("linalg.cross: inputs dimension 1 must have length 3. Got 2 and 2", r(new Random(1), 3, 2), r(new Random(2), 3, 2));
        row("cross_default", "LinalgCrossBackward0", f2(Tensor::cross), xs -> crossRef(xs.get(0), xs.get(1), firstThree(xs.get(0))),
                g -> List.of(s(r(g, 4, 3), r(g, 4, 3)), s(r(g, 3, 5), r(g, 3, 5))))
                .py("torch.cross(a, b)").accum(2);
        row("kron", "UnsafeViewBackward0", f2(Tensor::kron), xs -> kronRef(xs.get(0), xs.get(1)),
                g -> List.of(s(r(g, 2, 3), r(g, 3, 2)), s(r(g, 2), r(g, 3, 2)), s(T(r(g, 2, 3)), S(r(g, 2, 2))), s(r(g, 3), c(g, 2))))
                .py("torch.kron(a, b)").composite();
        row("einsum_matmul", "ViewBackward0", f2((a, b) -> Torch.einsum("ij,jk->ik", a, b)), xs -> Arr.matmul(xs.get(0), xs.get(1)),
                g -> List.of(s(r(g, 2, 3), r(g, 3, 4)), s(T(r(g, 3, 3)), S(r(g, 3, 2)))))
                .py("torch.einsum('ij,jk->ik', a, b)").composite().accum(4);
        row("einsum_bmm", "ViewBackward0", f2((a, b) -> Torch.einsum("bij,bjk->bik", a, b)), xs -> Arr.matmul(xs.get(0), xs.get(1)),
                g -> List.of(s(r(g, 2, 2, 3), r(g, 2, 3, 4)), s(T(r(g, 3, 3, 3)), r(g, 3, 3, 2))))
                .py("torch.einsum('bij,bjk->bik', a, b)").composite().accum(4);
        row("einsum_trace", "SumBackward1", f1(a -> Torch.einsum("ii", a)), r1(x -> Arr.scalar(Arrays.stream(diagonalRef(x, 0, 0, 1).v()).sum())),
                g -> List.of(s(r(g, 3, 3)), s(T(r(g, 4, 4)))))
                .py("torch.einsum('ii', a)").composite().accum(2);
        row("einsum_transpose", "PermuteBackward0", f1(a -> Torch.einsum("...ij->...ji", a)), r1(x -> Arr.transpose(x, -2, -1)),
                g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 5)))))
                .py("torch.einsum('...ij->...ji', a)").composite();
    }

    private static int firstThree(Arr x) {
        for (int i = 0; i < x.dim(); i++) if (x.shape()[i] == 3) return i;
        return -1;
    }
}
