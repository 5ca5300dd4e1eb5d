package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Layer norm and group norm against PyTorch 1.13.1 ({@code goldens/norm.txt}, written by
 * {@code tools/goldens/gen_norm.py}): the forward bit for bit in float32 and float64 (ATen's RowwiseMoments in
 * the dtype, its fused normalization), over row lengths that reach several cascade levels and the scalar
 * tail, with and without weight and bias, a non-contiguous input; the input gradient (recomputed statistics in
 * differentiable ops, not PyTorch's fused backward kernel) within a few ulps of the largest magnitude.
 */
class NormGoldenTest {
    /** The backward is composite here: its sums run in another order than PyTorch's fused kernel. */
    private static final int GRAD_ULPS_OF_MAX = 1;

    private record Case(String name, String op, DType dtype, long[] shape, String arg, Map<String, double[]> v, int line) {
    }

    private static List<Case> cases() {
        List<Case> r = new ArrayList<>();
        Case cur = null;
        for (GoldenFile.Line l : GoldenFile.read("norm.txt").lines()) {
            String[] p = l.tokens();
            if (p[0].equals("case")) {
                long[] shape = Arrays.stream(p[4].split("x")).mapToLong(Long::parseLong).toArray();
                cur = new Case(p[1], p[2], GoldenFile.dtype(p[3]), shape, p[5], new HashMap<>(), l.number());
                r.add(cur);
            } else {
                DType t = cur.dtype;
                double[] v = new double[p.length - 1];
                for (int i = 1; i < p.length; i++) v[i - 1] = t == DType.FLOAT32 ? GoldenFile.float32(p[i]) : GoldenFile.float64(p[i]);
                cur.v.put(p[0], v);
            }
        }
        return r;
    }

    private static long[] reversed(long[] s) {
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[s.length - 1 - i];
        return r;
    }

    private static void compare(String what, double[] expected, double[] actual, DType t, int ulpsOfMax) {
        assertEquals(expected.length, actual.length, what + ": numel");
        double scale = 1;
        for (double e : expected) if (Double.isFinite(e)) scale = Math.max(scale, Math.abs(e));
        double ulp = t == DType.FLOAT32 ? Math.ulp((float) scale) : Math.ulp(scale);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            boolean same = t == DType.FLOAT32 ? Float.floatToRawIntBits((float) e) == Float.floatToRawIntBits((float) a)
                    : Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a);
            if (same || (Double.isNaN(e) && Double.isNaN(a))) continue;
            if (!(Math.abs(a - e) <= ulpsOfMax * ulp)) {
                fail(what + ": element " + i + " is " + a + ", PyTorch " + e + " (" + (a - e) / ulp + " ulps of max, allowed " + ulpsOfMax + ")");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> forwardBitsAndGradients() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name + " (norm.txt:" + c.line + ")", () -> {
            Tensor x;
            if (c.name.endsWith("_strided")) {
                long[] rev = reversed(c.shape);
                int[] perm = new int[rev.length];
                for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
                x = Torch.tensor(c.v.get("x"), c.dtype).reshape(rev).permute(perm);
            } else {
                x = Torch.tensor(c.v.get("x"), c.dtype).reshape(c.shape);
            }
            x = x.detach().requiresGrad_();
            Tensor w = c.v.containsKey("w") ? Torch.tensor(c.v.get("w"), c.dtype) : null;
            Tensor b = c.v.containsKey("b") ? Torch.tensor(c.v.get("b"), c.dtype) : null;
            Tensor y;
            if (c.op.equals("layer")) {
                long[] ns = Arrays.stream(c.arg.split("x")).mapToLong(Long::parseLong).toArray();
                if (w != null) w = w.reshape(ns);
                if (b != null) b = b.reshape(ns);
                y = Torch.layerNorm(x, ns, w, b, 1e-5);
            } else {
                y = Torch.groupNorm(x, Integer.parseInt(c.arg), w, b, 1e-5);
            }
            compare(c.name + " y", c.v.get("y"), y.toDoubleArray(), c.dtype, 0);
            long n = y.numel();
            Tensor k = Torch.arange(0, n, 1, c.dtype).div((double) n).sub(0.5).reshape(y.shape());
            Tensor gx = Autograd.grad(List.of(y.mul(k).sum()), List.of(x)).get(0);
            compare(c.name + " gx", c.v.get("gx"), gx.toDoubleArray(), c.dtype, GRAD_ULPS_OF_MAX);
        }));
    }
}
