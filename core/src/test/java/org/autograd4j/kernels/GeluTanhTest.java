package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.GELU;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The tanh GELU ({@code F.gelu(x, approximate='tanh')}) and its backward against PyTorch 1.13.1
 * ({@code goldens/gelu_tanh.txt}, written by {@code tools/goldens/gen_gelu_tanh.py}): float32 bit for bit on a
 * contiguous span (SLEEF's tanh on whole chunks of 16, glibc's tanhf on the tail), a strided one and a short
 * one (all scalar); glibc's tanhf ({@link MathFns#tanhF}) bit for bit; float64 (PyTorch: SLEEF's double tanh,
 * here Java's) within a few ulps; the double backward within a few ulps.
 */
class GeluTanhTest {
    /**
     * float64, in ulps of the largest |value|: PyTorch's Sleef_tanhd4_u10 against Java's tanh (its saturation
     * beyond 18.71 is reproduced), whose last-bit differences survive {@code 1 + t} where t is near -1.
     */
    private static final int F64_ULPS_OF_MAX = 2;

    private record Case(String name, DType dtype, boolean strided, double[] x, double[] g, double[] y, double[] gx, int line) {
    }

    private static double value(DType t, String hex) {
        return t == DType.FLOAT32 ? GoldenFile.float32(hex) : GoldenFile.float64(hex);
    }

    private static List<Case> cases() {
        List<GoldenFile.Line> lines = GoldenFile.read("gelu_tanh.txt").lines();
        List<Case> r = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            GoldenFile.Line l = lines.get(i);
            if (!l.startsWith("case ")) continue;
            DType t = GoldenFile.dtype(l.token(2));
            int n = Integer.parseInt(l.token(3));
            double[] x = new double[n], g = new double[n], y = new double[n], gx = new double[n];
            for (int k = 0; k < n; k++) {
                String[] p = lines.get(i + 1 + k).tokens();
                x[k] = value(t, p[0]);
                g[k] = value(t, p[1]);
                y[k] = value(t, p[2]);
                gx[k] = value(t, p[3]);
            }
            r.add(new Case(l.token(1), t, l.token(4).equals("1"), x, g, y, gx, l.number()));
        }
        return r;
    }

    /** x laid out as PyTorch's case: contiguous, or every second element of an (n, 2) tensor. */
    private static Tensor layout(double[] v, DType t, boolean strided) {
        Tensor c = Torch.tensor(v, t);
        return strided ? Torch.stack(List.of(c, c), 1).select(1, 0) : c;
    }

    private static void compare(String what, double[] expected, double[] actual, DType t) {
        double scale = 1;
        for (double e : expected) if (Double.isFinite(e)) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (Double.isNaN(e) && Double.isNaN(a)) continue;
            if (t == DType.FLOAT32) {
                if (Float.floatToRawIntBits((float) e) != Float.floatToRawIntBits((float) a)) {
                    fail(what + ": element " + i + " is " + a + ", PyTorch " + e);
                }
            } else if (!(e == a || Math.abs(e - a) <= F64_ULPS_OF_MAX * Math.ulp(scale))) {
                fail(what + ": element " + i + " is " + a + ", PyTorch " + e + " (" + (a - e) / Math.ulp(scale) + " ulps of max)");
            }
        }
    }

    @Test
    void forwardAndBackwardAsPyTorch() {
        List<Case> cs = cases();
        assertEquals(6, cs.size());
        for (Case c : cs) {
            String what = c.name + " " + c.dtype + " (gelu_tanh.txt:" + c.line + ")";
            Tensor x = layout(c.x, c.dtype, c.strided).requiresGrad_();
            Tensor y = F.gelu(x, "tanh");
            assertEquals("GeluBackward0", y.gradFn().name(), what);
            compare(what + " forward", c.y, y.toDoubleArray(), c.dtype);
            Tensor gx = Autograd.grad(List.of(y), List.of(x), List.of(layout(c.g, c.dtype, c.strided)), false, false, false).get(0);
            compare(what + " backward", c.gx, gx.toDoubleArray(), c.dtype);
        }
    }

    @Test
    void glibcTanhfBitForBit() {
        List<GoldenFile.Line> lines = GoldenFile.read("gelu_tanh.txt").lines();
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("tanhf ")) continue;
            n = Integer.parseInt(lines.get(i).token(1));
            for (int k = 0; k < n; k++) {
                GoldenFile.Line l = lines.get(i + 1 + k);
                float x = (float) GoldenFile.float32(l.token(0)), want = (float) GoldenFile.float32(l.token(1));
                float got = MathFns.tanhF(x);
                if (!(Float.isNaN(want) && Float.isNaN(got)) && Float.floatToRawIntBits(want) != Float.floatToRawIntBits(got)) {
                    fail("tanhf(" + x + ") = " + got + ", glibc " + want + " (gelu_tanh.txt:" + l.number() + ")");
                }
            }
        }
        assertTrue(n > 4000, "tanhf section");
    }

    @Test
    void doubleBackwardAsPyTorch() {
        List<GoldenFile.Line> lines = GoldenFile.read("gelu_tanh.txt").lines();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("ggcase ")) continue;
            int n = Integer.parseInt(lines.get(i).token(2));
            double[][] cols = new double[5][n];
            for (int k = 0; k < n; k++) {
                String[] p = lines.get(i + 1 + k).tokens();
                for (int j = 0; j < 5; j++) cols[j][k] = GoldenFile.float64(p[j]);
            }
            Tensor x = Torch.tensor(cols[0], DType.FLOAT64).requiresGrad_();
            Tensor g = Torch.tensor(cols[1], DType.FLOAT64).requiresGrad_();
            Tensor y = F.gelu(x, "tanh");
            Tensor gx = Autograd.grad(List.of(y), List.of(x), List.of(g), true, true, false).get(0);
            assertEquals("GeluBackwardBackward0", gx.gradFn().name());
            List<Tensor> d = Autograd.grad(List.of(gx), List.of(x, g), List.of(Torch.tensor(cols[2], DType.FLOAT64)), false, false, false);
            compare("d/dx", cols[3], d.get(0).toDoubleArray(), DType.FLOAT64);
            compare("d/dg", cols[4], d.get(1).toDoubleArray(), DType.FLOAT64);
            return;
        }
        fail("no ggcase in gelu_tanh.txt");
    }

    @Test
    void approximateArgument() {
        Tensor x = Torch.tensor(-1.0, 0.5, 2.0);
        String message = "approximate argument must be either none or tanh.";
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> F.gelu(x, "foo")).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new GELU("Tanh").forward(x)).getMessage());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        // "none" is the exact form, bit for bit
        assertTrue(java.util.Arrays.equals(GoldenFile.bitsOf(x.gelu()), GoldenFile.bitsOf(x.gelu("none"))));
        assertEquals("\"GeluKernelImpl\" not implemented for 'Long'",
                assertThrows(RuntimeException.class, () -> Torch.tensor(1L, 2L).gelu("tanh")).getMessage());
    }
}
