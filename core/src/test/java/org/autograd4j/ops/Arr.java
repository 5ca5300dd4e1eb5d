package org.autograd4j.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A plain row-major double array with a shape, and the obviously-correct reference implementations of the
 * ops (loops over coordinates, no strides, no cleverness) that the op table compares against.
 */
record Arr(int[] shape, double[] v) {

    static Arr of(int[] shape, double... v) {
        if (numel(shape) != v.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " vs " + v.length);
        return new Arr(shape.clone(), v);
    }

    static Arr scalar(double x) {
        return new Arr(new int[0], new double[] {x});
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    int numel() {
        return v.length;
    }

    int dim() {
        return shape.length;
    }

    static int wrap(int d, int nd) {
        return d < 0 ? d + nd : d;
    }

    /** Coordinates of flat index i. */
    static int[] coords(int i, int[] shape) {
        int[] c = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            c[d] = i % shape[d];
            i /= shape[d];
        }
        return c;
    }

    /** Flat index of coordinates c. */
    static int flat(int[] c, int[] shape) {
        int i = 0;
        for (int d = 0; d < shape.length; d++) i = i * shape[d] + c[d];
        return i;
    }

    double get(int... c) {
        return v[flat(c, shape)];
    }

    // ------------------------------------------------------------------ elementwise

    static Arr map(Arr x, DoubleUnaryOperator f) {
        double[] r = new double[x.numel()];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(x.v[i]);
        return new Arr(x.shape, r);
    }

    static int[] broadcastShape(int[]... shapes) {
        int n = 0;
        for (int[] s : shapes) n = Math.max(n, s.length);
        int[] r = new int[n];
        Arrays.fill(r, 1);
        for (int[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int d = n - s.length + i;
                if (s[i] != 1) r[d] = s[i];
            }
        }
        for (int[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                if (s[i] != 1 && s[i] != r[n - s.length + i]) throw new IllegalArgumentException("not broadcastable");
            }
        }
        return r;
    }

    /** The element of x at coordinates c of a broadcast shape. */
    double at(int[] c) {
        int i = 0;
        for (int d = 0; d < shape.length; d++) {
            int cd = c[c.length - shape.length + d];
            i = i * shape[d] + (shape[d] == 1 ? 0 : cd);
        }
        return v[i];
    }

    static Arr zip(Arr a, Arr b, DoubleBinaryOperator f) {
        int[] s = broadcastShape(a.shape, b.shape);
        double[] r = new double[numel(s)];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, s);
            r[i] = f.applyAsDouble(a.at(c), b.at(c));
        }
        return new Arr(s, r);
    }

    static Arr where(Arr cond, Arr a, Arr b) {
        int[] s = broadcastShape(cond.shape, a.shape, b.shape);
        double[] r = new double[numel(s)];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, s);
            r[i] = cond.at(c) != 0 ? a.at(c) : b.at(c);
        }
        return new Arr(s, r);
    }

    static Arr expand(Arr x, int... shape) {
        double[] r = new double[numel(shape)];
        for (int i = 0; i < r.length; i++) r[i] = x.at(coords(i, shape));
        return new Arr(shape, r);
    }

    // ------------------------------------------------------------------ reductions

    static Arr reduceAll(Arr x, ToDoubleFunction<double[]> f) {
        return scalar(f.applyAsDouble(x.v));
    }

    /** f applied to every 1-d slice along dim; the dim is removed (or kept with size 1). */
    static Arr reduceDim(Arr x, int dim, boolean keepdim, ToDoubleFunction<double[]> f) {
        Arr r = alongDim(x, dim, s -> new double[] {f.applyAsDouble(s)});
        if (keepdim) return r;
        int d = wrap(dim, x.dim());
        int[] s = new int[x.dim() - 1];
        for (int i = 0, k = 0; i < x.dim(); i++) if (i != d) s[k++] = x.shape[i];
        return new Arr(s, r.v);
    }

    /** f maps every 1-d slice along dim to a new slice (same length, or 1 for reductions with keepdim). */
    static Arr alongDim(Arr x, int dim, UnaryOperator<double[]> f) {
        if (x.dim() == 0) return new Arr(new int[0], f.apply(x.v.clone()));
        int d = wrap(dim, x.dim());
        int n = x.shape[d];
        int[] outer = x.shape.clone();
        outer[d] = 1;
        int outLen = -1;
        double[][] results = new double[numel(outer)][];
        for (int o = 0; o < results.length; o++) {
            int[] c = coords(o, outer);
            double[] s = new double[n];
            for (int k = 0; k < n; k++) {
                c[d] = k;
                s[k] = x.get(c);
            }
            results[o] = f.apply(s);
            outLen = results[o].length;
        }
        if (outLen < 0) outLen = f.apply(new double[n]).length;
        int[] os = x.shape.clone();
        os[d] = outLen;
        double[] r = new double[numel(os)];
        for (int o = 0; o < results.length; o++) {
            int[] c = coords(o, outer);
            for (int k = 0; k < outLen; k++) {
                c[d] = k;
                r[flat(c, os)] = results[o][k];
            }
        }
        return new Arr(os, r);
    }

    static double sum(double[] s) {
        double r = 0;
        for (double x : s) r += x;
        return r;
    }

    static double mean(double[] s) {
        return sum(s) / s.length;
    }

    static double prod(double[] s) {
        double r = 1;
        for (double x : s) r *= x;
        return r;
    }

    static double max(double[] s) {
        double r = Double.NEGATIVE_INFINITY;
        for (double x : s) r = Math.max(r, x);
        return r;
    }

    static double min(double[] s) {
        double r = Double.POSITIVE_INFINITY;
        for (double x : s) r = Math.min(r, x);
        return r;
    }

    static double var(double[] s, int correction) {
        double m = mean(s), ss = 0;
        for (double x : s) ss += (x - m) * (x - m);
        return ss / Math.max(0, s.length - correction);
    }

    static double[] softmax(double[] s) {
        double[] r = new double[s.length];
        double m = max(s), t = 0;
        for (int i = 0; i < s.length; i++) t += Math.exp(s[i] - m);
        for (int i = 0; i < s.length; i++) r[i] = Math.exp(s[i] - m) / t;
        return r;
    }

    static double[] logSoftmax(double[] s) {
        double[] r = new double[s.length];
        double m = max(s), t = 0;
        for (int i = 0; i < s.length; i++) t += Math.exp(s[i] - m);
        for (int i = 0; i < s.length; i++) r[i] = s[i] - m - Math.log(t);
        return r;
    }

    // ------------------------------------------------------------------ linear algebra

    /** numpy/PyTorch matmul semantics: 1-d operands are promoted to matrices and the extra dim removed. */
    static Arr matmul(Arr a, Arr b) {
        int[] as = a.dim() == 1 ? new int[] {1, a.shape[0]} : a.shape;
        int[] bs = b.dim() == 1 ? new int[] {b.shape[0], 1} : b.shape;
        int n = as[as.length - 2], k = as[as.length - 1], m = bs[bs.length - 1];
        if (k != bs[bs.length - 2]) throw new IllegalArgumentException("inner dims");
        int[] batch = broadcastShape(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        Arr a2 = new Arr(as, a.v), b2 = new Arr(bs, b.v);
        int nb = numel(batch);
        int[] full = Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = n;
        full[batch.length + 1] = m;
        double[] r = new double[nb * n * m];
        for (int bi = 0; bi < nb; bi++) {
            int[] bc = coords(bi, batch);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        int[] ca = Arrays.copyOf(bc, bc.length + 2), cb = Arrays.copyOf(bc, bc.length + 2);
                        ca[bc.length] = i;
                        ca[bc.length + 1] = p;
                        cb[bc.length] = p;
                        cb[bc.length + 1] = j;
                        s += a2.at(ca) * b2.at(cb);
                    }
                    r[(bi * n + i) * m + j] = s;
                }
            }
        }
        int[] out = full;
        if (a.dim() == 1) out = remove(out, out.length - 2);
        if (b.dim() == 1) out = remove(out, out.length - 1);
        return new Arr(out, r);
    }

    static int[] remove(int[] s, int d) {
        int[] r = new int[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) if (i != d) r[k++] = s[i];
        return r;
    }

    // ------------------------------------------------------------------ movement

    /** out[c] = x[c permuted back]: out dim i is x dim perm[i]. */
    static Arr permute(Arr x, int... perm) {
        int nd = x.dim();
        int[] s = new int[nd];
        for (int i = 0; i < nd; i++) s[i] = x.shape[wrap(perm[i], nd)];
        double[] r = new double[x.numel()];
        int[] xc = new int[nd];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, s);
            for (int k = 0; k < nd; k++) xc[wrap(perm[k], nd)] = c[k];
            r[i] = x.get(xc);
        }
        return new Arr(s, r);
    }

    static Arr transpose(Arr x, int d0, int d1) {
        int nd = x.dim();
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        if (nd > 0) {
            int a = wrap(d0, nd), b = wrap(d1, nd);
            perm[a] = b;
            perm[b] = a;
        }
        return permute(x, perm);
    }

    /** Same row-major data with another shape; one -1 is inferred. */
    static Arr reshape(Arr x, int... shape) {
        int[] s = shape.clone();
        int known = 1, infer = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) infer = i;
            else known *= s[i];
        }
        if (infer >= 0) s[infer] = known == 0 ? 0 : x.numel() / known;
        return Arr.of(s, x.v.clone());
    }

    static Arr select(Arr x, int dim, int index) {
        int d = wrap(dim, x.dim());
        int i0 = index < 0 ? index + x.shape[d] : index;
        int[] s = remove(x.shape, d);
        double[] r = new double[numel(s)];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, s), xc = new int[x.dim()];
            for (int k = 0, j = 0; k < x.dim(); k++) xc[k] = k == d ? i0 : c[j++];
            r[i] = x.get(xc);
        }
        return new Arr(s, r);
    }

    static Arr indexSelect(Arr x, int dim, long[] index) {
        int d = wrap(dim, x.dim());
        int[] s = x.shape.clone();
        s[d] = index.length;
        double[] r = new double[numel(s)];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, s);
            c[d] = (int) index[c[d]];
            r[i] = x.get(c);
        }
        return new Arr(s, r);
    }

    static Arr narrow(Arr x, int dim, int start, int length) {
        long[] idx = new long[length];
        for (int i = 0; i < length; i++) idx[i] = start + i;
        return indexSelect(x, dim, idx);
    }

    static Arr gather(Arr x, int dim, Arr index) {
        int d = wrap(dim, x.dim());
        double[] r = new double[index.numel()];
        for (int i = 0; i < r.length; i++) {
            int[] c = coords(i, index.shape);
            c[d] = (int) index.v[i];
            r[i] = x.get(c);
        }
        return new Arr(index.shape, r);
    }

    static Arr cat(int dim, Arr... xs) {
        int d = wrap(dim, xs[0].dim());
        int[] s = xs[0].shape.clone();
        s[d] = 0;
        for (Arr x : xs) s[d] += x.shape[d];
        double[] r = new double[numel(s)];
        int off = 0;
        for (Arr x : xs) {
            for (int i = 0; i < x.numel(); i++) {
                int[] c = coords(i, x.shape);
                c[d] += off;
                r[flat(c, s)] = x.v[i];
            }
            off += x.shape[d];
        }
        return new Arr(s, r);
    }

    static Arr stack(int dim, Arr... xs) {
        int d = wrap(dim, xs[0].dim() + 1);
        Arr[] us = new Arr[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int[] s = new int[xs[i].dim() + 1];
            for (int k = 0, j = 0; k < s.length; k++) s[k] = k == d ? 1 : xs[i].shape[j++];
            us[i] = new Arr(s, xs[i].v);
        }
        return cat(d, us);
    }
}
