package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autograd4j.AccumulateGrad;
import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/** Helpers shared by the table-driven op tests: conversions, comparisons, graph rendering. */
final class OpChecks {
    private OpChecks() {
    }

    static int[] shapeOf(Tensor t) {
        long[] s = t.shape();
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) r[i] = (int) s[i];
        return r;
    }

    static Arr arr(Tensor t) {
        return Arr.of(shapeOf(t), t.detach().toDoubleArray());
    }

    /** A contiguous leaf of {@code dtype} holding {@code v}. */
    static Tensor tensor(double[] v, int[] shape, DType dtype) {
        Storage s = Storage.allocate(dtype, v.length);
        for (int i = 0; i < v.length; i++) s.setDouble(i, v[i]);
        return org.autograd4j.Internals.wrap(s, Layout.contiguous(shape.clone()));
    }

    static double[] gaussian(Random g, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = g.nextGaussian();
        return r;
    }

    static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    /** |a - e| ≤ atol + rtol·|e| elementwise (NaN matches NaN), with the shape checked first. */
    static void assertClose(String what, Arr expected, Tensor actual, double atol, double rtol) {
        assertArrayEquals(expected.shape(), shapeOf(actual), what + ": shape");
        double[] a = actual.detach().toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            double e = expected.v()[i];
            if (same(a[i], e)) continue;
            if (!(Math.abs(a[i] - e) <= atol + rtol * Math.abs(e))) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e + " (diff " + (a[i] - e) + ")");
            }
        }
    }

    /** float32 values within {@code ulps} of the correctly rounded reference. */
    static void assertUlps(String what, Arr expected, Tensor actual, int ulps) {
        assertArrayEquals(expected.shape(), shapeOf(actual), what + ": shape");
        double[] a = actual.detach().toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            float e = (float) expected.v()[i];
            if (same(a[i], e)) continue;
            if (!(Math.abs(a[i] - e) <= ulps * Math.ulp(e))) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e + " (" + ((a[i] - e) / Math.ulp(e)) + " ulps)");
            }
        }
    }

    /** PyTorch's gradcheck rule |analytic - numeric| ≤ atol + rtol·|numeric|. */
    static void assertGradClose(String what, double[] numeric, double[] analytic, double atol, double rtol) {
        for (int i = 0; i < numeric.length; i++) {
            double n = numeric[i], a = analytic[i];
            if (!(Math.abs(a - n) <= atol + rtol * Math.abs(n))) {
                fail(what + ": element " + i + " analytic " + a + " vs numeric " + n);
            }
        }
    }

    /** The grad_fn tree as gen_ops.py writes it: Name(nr:Child;null;...), AccumulateGrad a leaf, null for None. */
    static String graph(Node n) {
        if (n == null) return "null";
        if (n instanceof AccumulateGrad) return "AccumulateGrad";
        List<String> kids = new ArrayList<>();
        for (Edge e : n.nextFunctions()) kids.add(e.node() == null ? "null" : e.inputNr() + ":" + graph(e.node()));
        return n.name() + "(" + String.join(";", kids) + ")";
    }
}
