package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.ValuesIndices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Convolution, pooling and normalization on larger inputs than the op table's, against PyTorch 1.13.1
 * ({@code goldens/conv.txt}, from {@code tools/goldens/gen_conv.py}): values, gradients, grad_fn names, batch
 * norm's running statistics after several training steps, and PyTorch's error messages in float32 and float64.
 *
 * <p>Tolerances, in ulps of max(1, the tensor's largest |value|) of its dtype. PyTorch convolves through mkldnn
 * (or its own GEMM) and we through im2col and our GEMM, so each output is the same sum in another order: within
 * {@value #SUM_ULPS} (seen: 2.75). Pooling sums few terms in PyTorch's window order, and the normalizations'
 * statistics are two double passes where PyTorch's are Welford/cascade sums: within {@value #NORM_ULPS} (seen: 2,
 * running statistics 4). Gradients sum over the batch and every position once more: twice that (seen: 6). The double-backward
 * cases (a first-order gradient as the value, then differentiated) allow four times as much (seen: 6.5 on the
 * value, 26 on a float32 second derivative that is a sum cancelling to 5e-5 of terms near 1). Max
 * pooling and unfold move elements, so they are exact.
 */
class ConvolutionTest {
    static final int SUM_ULPS = 8;
    static final int NORM_ULPS = 6;

    private static int[] i(int... v) {
        return v;
    }

    /** The computation of each golden case, as gen_conv.py writes it in Python. */
    private static final Map<String, Function<Map<String, Tensor>, Tensor>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("conv_big", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(1), i(1), i(1), 1));
        CASES.put("conv_wide", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(2, 1), i(2, 1), i(1), 1));
        CASES.put("conv_groups", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(2), i(1, 0), i(1, 2), 3));
        CASES.put("conv_depthwise", a -> Torch.conv2d(a.get("x"), a.get("w"), null, i(1), i(1), i(1), 4));
        CASES.put("conv_same_even", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(1), "same", i(1), 1));
        CASES.put("conv_valid", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(1), "valid", i(1), 1));
        CASES.put("conv_unbatched", a -> Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(1), i(1), i(1), 1));
        CASES.put("conv_double", a -> firstGrad(a.get("x"), Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(2, 1), i(1), i(1, 2), 1)
                .pow(2.0).sum()));
        CASES.put("conv_double_groups", a -> firstGrad(a.get("w"), Torch.conv2d(a.get("x"), a.get("w"), a.get("b"), i(1), i(1), i(1), 2)
                .pow(2.0).sum()));
        CASES.put("max_pool_big", a -> Torch.maxPool2d(a.get("x"), i(3), i(2), i(1), i(1), true));
        CASES.put("max_pool_dilated", a -> Torch.maxPool2d(a.get("x"), i(2, 3), i(2, 2), i(1, 0), i(2, 1), false));
        CASES.put("avg_pool_big", a -> Torch.avgPool2d(a.get("x"), i(3), i(2), i(1), true, false, null));
        CASES.put("avg_pool_include_pad", a -> Torch.avgPool2d(a.get("x"), i(3, 2), i(2, 3), i(1), true, true, null));
        CASES.put("adaptive_avg_big", a -> Torch.adaptiveAvgPool2d(a.get("x"), i(4, 5)));
        CASES.put("adaptive_avg_up", a -> Torch.adaptiveAvgPool2d(a.get("x"), i(5, 7)));
        CASES.put("adaptive_max_big", a -> Torch.adaptiveMaxPool2d(a.get("x"), i(4, 5)));
        CASES.put("unfold_big", a -> Torch.unfold(a.get("x"), i(3, 2), i(2, 1), i(1, 0), i(1, 2)));
        CASES.put("layer_norm_big", a -> Torch.layerNorm(a.get("x"), new long[] {48}, a.get("w"), a.get("b")));
        CASES.put("layer_norm_2d", a -> Torch.layerNorm(a.get("x"), new long[] {6, 10}, a.get("w"), a.get("b"), 1e-3));
        CASES.put("group_norm_big", a -> Torch.groupNorm(a.get("x"), 4, a.get("w"), a.get("b"), 1e-5));
        CASES.put("layer_norm_double", a -> firstGrad(a.get("x"), Torch.layerNorm(a.get("x"), new long[] {10}, a.get("w"), a.get("b"))
                .pow(3.0).sum()));
        CASES.put("batch_norm_double", a -> firstGrad(a.get("x"), Torch.batchNorm(a.get("x"), null, null, a.get("w"), a.get("b"), true)
                .pow(3.0).sum()));
        CASES.put("batch_norm_big", a -> Torch.batchNorm(a.get("x"), null, null, a.get("w"), a.get("b"), true));
        CASES.put("batch_norm_steps", ConvolutionTest::bnSteps);
        CASES.put("batch_norm_1d_steps", ConvolutionTest::bnSteps);
    }

    /** The gradient of y to x with its own graph (create_graph), which the test then differentiates again. */
    private static Tensor firstGrad(Tensor x, Tensor y) {
        return Autograd.grad(List.of(y), List.of(x), null, true, true, false).get(0);
    }

    /** Three training steps (running statistics updated in place), then evaluation on x4. */
    private static Tensor bnSteps(Map<String, Tensor> a) {
        for (String x : List.of("x1", "x2", "x3")) {
            Torch.batchNorm(a.get(x), a.get("rm"), a.get("rv"), a.get("w"), a.get("b"), true, 0.1, 1e-5);
        }
        return Torch.batchNorm(a.get("x4"), a.get("rm"), a.get("rv"), a.get("w"), a.get("b"), false, 0.1, 1e-5);
    }

    private static int tolerance(String name) {
        if (name.startsWith("max_pool") || name.startsWith("adaptive_max") || name.startsWith("unfold")) return 0;
        int base = name.startsWith("conv") ? SUM_ULPS : NORM_ULPS;
        // a first-order gradient as the value (its own chain of roundings), differentiated once more
        return name.contains("_double") ? 4 * base : base;
    }

    private static Tensor tensor(DType t, int[] shape, double[] v) {
        long[] s = new long[shape.length];
        for (int k = 0; k < s.length; k++) s[k] = shape[k];
        return Torch.tensor(v, t).reshape(s).detach();
    }

    /** Within {@code ulps} of max(1, largest |expected|), in t's ulps. */
    private static void near(String what, double[] expected, double[] actual, DType t, int ulps) {
        assertEquals(expected.length, actual.length, what + ": numel");
        double scale = 1;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        double ulp = t == DType.FLOAT32 ? Math.ulp((float) scale) : Math.ulp(scale);
        for (int k = 0; k < expected.length; k++) {
            if (Double.compare(expected[k], actual[k]) == 0) continue;
            if (!(Math.abs(expected[k] - actual[k]) <= ulps * ulp)) {
                fail(what + ": element " + k + " is " + actual[k] + ", PyTorch " + expected[k] + " ("
                        + Math.abs(expected[k] - actual[k]) / ulp + " scaled ulps, allowed " + ulps + ")");
            }
        }
    }

    private record Case(String name, DType dtype, List<GoldenFile.Line> lines) {
    }

    private static List<Case> cases() {
        List<Case> r = new ArrayList<>();
        Case open = null;
        for (GoldenFile.Line l : GoldenFile.read("conv.txt").lines()) {
            String[] t = l.tokens();
            if (t[0].equals("case")) {
                open = new Case(t[1], GoldenFile.dtype(t[2]), new ArrayList<>());
            } else if (t[0].equals("end")) {
                r.add(open);
                open = null;
            } else if (open != null) {
                open.lines().add(l);
            }
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<Case> all = cases();
        assertEquals(CASES.size() * 2, all.size(), "cases in conv.txt");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name() + " " + c.dtype(), () -> run(c)));
    }

    private static void run(Case c) {
        DType t = c.dtype();
        Map<String, Tensor> args = new LinkedHashMap<>();
        List<String> diff = new ArrayList<>();
        String fn = null;
        double[] out = null, gout = null;
        int[] outShape = null;
        Map<String, double[]> grads = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (GoldenFile.Line l : c.lines()) {
            String[] k = l.tokens();
            switch (k[0]) {
                case "in" -> {
                    Tensor x = tensor(t, GoldenFile.intShape(k[2]), GoldenFile.values(t, k, 4));
                    if (k[3].equals("1")) {
                        x.requiresGrad_();
                        diff.add(k[1]);
                    }
                    args.put(k[1], x);
                }
                case "fn" -> fn = k[1];
                case "out" -> {
                    outShape = GoldenFile.intShape(k[1]);
                    out = GoldenFile.values(t, k, 2);
                }
                case "gout" -> gout = GoldenFile.values(t, k, 1);
                case "grad" -> grads.put(k[1], GoldenFile.values(t, k, 2));
                case "after" -> after.put(k[1], GoldenFile.values(t, k, 2));
                default -> throw l.error("unknown line");
            }
        }
        String what = c.name() + " " + t;
        int ulps = tolerance(c.name());
        Tensor y = CASES.get(c.name()).apply(args);
        // a first-order gradient's node is PyTorch's fused backward op, ours a differentiable formula's last op
        if (!c.name().contains("_double")) {
            assertEquals(fn, y.gradFn() == null ? "null" : y.gradFn().name(), what + ": grad_fn");
        }
        assertArrayEquals(outShape, toInts(y.shape()), what + ": shape");
        assertEquals(t, y.dtype(), what + ": dtype");
        near(what + " forward", out, y.toDoubleArray(), t, ulps);
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            near(what + " " + e.getKey() + " after", e.getValue(), args.get(e.getKey()).toDoubleArray(), t, NORM_ULPS);
        }
        if (gout == null) return;
        List<Tensor> xs = new ArrayList<>();
        for (String d : diff) xs.add(args.get(d));
        List<Tensor> gs = Autograd.grad(List.of(y), xs, List.of(tensor(t, outShape, gout)), false, false, false);
        for (int k = 0; k < diff.size(); k++) {
            // A weight's or bias's gradient sums over the batch and every position: a long sum in another order.
            near(what + " grad " + diff.get(k), grads.get(diff.get(k)), gs.get(k).toDoubleArray(), t,
                    ulps == 0 ? 0 : 2 * ulps);
        }
    }

    private static int[] toInts(long[] s) {
        int[] r = new int[s.length];
        for (int k = 0; k < s.length; k++) r[k] = (int) s[k];
        return r;
    }

    // ------------------------------------------------------------------ errors

    private static Tensor z(DType t, long... shape) {
        return Torch.zeros(shape, t);
    }

    private static final Map<String, BiFunction<DType, DType, Object>> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("conv_channels", (d, o) -> Torch.conv2d(z(d, 1, 2, 5, 5), z(d, 4, 3, 3, 3)));
        ERRORS.put("conv_kernel_too_big", (d, o) -> Torch.conv2d(z(d, 1, 3, 2, 2), z(d, 4, 3, 3, 3)));
        ERRORS.put("conv_rank", (d, o) -> Torch.conv2d(z(d, 3, 5), z(d, 4, 3, 3, 3)));
        ERRORS.put("conv_rank5", (d, o) -> Torch.conv2d(z(d, 1, 1, 3, 5, 5), z(d, 4, 3, 3, 3)));
        ERRORS.put("conv_weight_rank", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3)));
        ERRORS.put("conv_groups_divisible", (d, o) -> Torch.conv2d(z(d, 1, 4, 5, 5), z(d, 3, 2, 3, 3), null, i(1), i(0), i(1), 2));
        ERRORS.put("conv_groups_at_least", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(1), i(0), i(1), 5));
        ERRORS.put("conv_groups_zero", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(1), i(0), i(1), 0));
        ERRORS.put("conv_bias", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), z(d, 3)));
        ERRORS.put("conv_stride", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(0), i(0), i(1), 1));
        ERRORS.put("conv_padding", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(1), i(-1), i(1), 1));
        ERRORS.put("conv_dilation", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(1), i(0), i(0), 1));
        ERRORS.put("conv_same_strided", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(2), "same", i(1), 1));
        ERRORS.put("conv_padding_string", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(d, 4, 3, 3, 3), null, i(1), "foo", i(1), 1));
        ERRORS.put("conv_dtype", (d, o) -> Torch.conv2d(z(d, 1, 3, 5, 5), z(o, 4, 3, 3, 3)));
        ERRORS.put("max_pool_too_small", (d, o) -> Torch.maxPool2d(z(d, 1, 3, 2, 2), i(3)));
        ERRORS.put("max_pool_rank", (d, o) -> Torch.maxPool2d(z(d, 3, 5), i(2)));
        ERRORS.put("max_pool_pad", (d, o) -> Torch.maxPool2d(z(d, 1, 3, 5, 5), i(3), null, i(2)));
        ERRORS.put("max_pool_dilation", (d, o) -> Torch.maxPool2d(z(d, 1, 3, 5, 5), i(2), null, i(0), i(0), false));
        ERRORS.put("max_pool_stride", (d, o) -> Torch.maxPool2d(z(d, 1, 3, 5, 5), i(2), i(0), i(0)));
        ERRORS.put("avg_pool_too_small", (d, o) -> Torch.avgPool2d(z(d, 1, 3, 2, 2), i(3)));
        ERRORS.put("avg_pool_rank", (d, o) -> Torch.avgPool2d(z(d, 3, 5), i(2)));
        ERRORS.put("avg_pool_pad", (d, o) -> Torch.avgPool2d(z(d, 1, 3, 5, 5), i(3), null, i(2)));
        ERRORS.put("avg_pool_divisor", (d, o) -> Torch.avgPool2d(z(d, 1, 3, 5, 5), i(2), null, i(0), false, true, 0));
        ERRORS.put("adaptive_rank", (d, o) -> Torch.adaptiveAvgPool2d(z(d, 3, 5), i(2)));
        ERRORS.put("adaptive_max_rank", (d, o) -> Torch.adaptiveMaxPool2d(z(d, 3, 5), i(2)));
        ERRORS.put("adaptive_max_empty", (d, o) -> Torch.adaptiveMaxPool2d(z(d, 1, 3, 0, 5), i(2)));
        ERRORS.put("adaptive_avg_empty", (d, o) -> Torch.adaptiveAvgPool2d(z(d, 1, 3, 0, 5), i(2)));
        ERRORS.put("layer_norm_shape", (d, o) -> Torch.layerNorm(z(d, 3, 5), new long[] {4}));
        ERRORS.put("layer_norm_weight", (d, o) -> Torch.layerNorm(z(d, 3, 5), new long[] {5}, z(d, 4), null));
        ERRORS.put("layer_norm_bias", (d, o) -> Torch.layerNorm(z(d, 3, 5), new long[] {5}, null, z(d, 4)));
        ERRORS.put("batch_norm_weight", (d, o) -> Torch.batchNorm(z(d, 3, 5), null, null, z(d, 4), null, true));
        ERRORS.put("batch_norm_one_value", (d, o) -> Torch.batchNorm(z(d, 1, 5), null, null, null, null, true));
        ERRORS.put("batch_norm_running", (d, o) -> Torch.batchNorm(z(d, 3, 5), z(d, 4), z(d, 4), null, null, false));
        ERRORS.put("group_norm_groups", (d, o) -> Torch.groupNorm(z(d, 2, 5, 3), 2));
        ERRORS.put("group_norm_weight", (d, o) -> Torch.groupNorm(z(d, 2, 6, 3), 2, z(d, 4), null, 1e-5));
        ERRORS.put("group_norm_bias", (d, o) -> Torch.groupNorm(z(d, 2, 6, 3), 2, null, z(d, 4), 1e-5));
        ERRORS.put("group_norm_one_value", (d, o) -> Torch.groupNorm(z(d, 1, 2), 2));
        ERRORS.put("group_norm_rank", (d, o) -> Torch.groupNorm(z(d, 6), 2));
        ERRORS.put("batch_norm_rank", (d, o) -> Torch.batchNorm(z(d, 3), null, null, null, null, true));
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        List<DynamicTest> r = new ArrayList<>();
        for (GoldenFile.Line l : GoldenFile.read("conv.txt").lines()) {
            if (!l.startsWith("error ")) continue;
            String name = l.token(1);
            DType d = GoldenFile.dtype(l.token(2));
            DType other = d == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32;
            String message = l.rest(3);
            r.add(DynamicTest.dynamicTest(name + " " + d, () -> {
                BiFunction<DType, DType, Object> f = ERRORS.get(name);
                assertTrue(f != null, "no Java twin for " + name);
                RuntimeException e = assertThrows(RuntimeException.class, () -> f.apply(d, other));
                assertEquals(message, e.getMessage(), name);
            }));
        }
        assertEquals(ERRORS.size() * 2, r.size(), "error lines in conv.txt");
        return r.stream();
    }

    // ------------------------------------------------------------------ behaviour the goldens do not show

    @Test
    void maxPoolWithIndicesGivesPositionsInThePlane() {
        Tensor x = Torch.tensor(new double[] {1, 5, 2, 0, 3, 4, 9, 8, 7, 6, 2, 1}, DType.FLOAT64).reshape(1, 1, 3, 4);
        ValuesIndices r = Torch.maxPool2dWithIndices(x, i(2));
        // windows [[1,5],[3,4]] and [[2,0],[9,8]]: maxima 5 at (0,1) and 9 at (1,2)
        assertArrayEquals(new double[] {5, 9}, r.values().toDoubleArray());
        assertArrayEquals(new long[] {1, 6}, r.indices().toLongArray());
        assertEquals(DType.INT64, r.indices().dtype());
    }

    @Test
    void trainingUpdatesRunningStatisticsInPlaceAndBumpsTheirVersion() {
        Tensor x = Torch.tensor(new double[] {1, 2, 3, 4, 5, 6}, DType.FLOAT64).reshape(3, 2);
        Tensor rm = Torch.zeros(new long[] {2}, DType.FLOAT64), rv = Torch.ones(new long[] {2}, DType.FLOAT64);
        long v0 = rm.version();
        Torch.batchNorm(x, rm, rv, null, null, true, 0.5, 1e-5);
        // channel 0: 1, 3, 5 (mean 3, unbiased variance 4); channel 1: 2, 4, 6 (mean 4, variance 4)
        assertArrayEquals(new double[] {1.5, 2}, rm.toDoubleArray());
        assertArrayEquals(new double[] {2.5, 2.5}, rv.toDoubleArray());
        assertTrue(rm.version() > v0, "running_mean's version counter");
    }

    @Test
    void unfoldThenFoldCountsEveryPositionOncePerWindow() {
        // fold(unfold(ones)) counts how many windows cover each position: F.fold's documented identity
        Tensor ones = Torch.ones(new long[] {1, 1, 3, 3}, DType.FLOAT64);
        Tensor cols = Torch.unfold(ones, i(2));
        Tensor back = Torch.fold(cols, i(3, 3), i(2));
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, back.toDoubleArray());
    }
}
