package org.autograd4j.ops;

import static org.autograd4j.Torch.arange;
import static org.autograd4j.Torch.tensor;
import static org.autograd4j.Torch.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Internals;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the op table cannot express for the scatter family and ops.Rearrange: einsum equations, List results
 * (split/chunk/unbind: views of one node, output numbers, gradients when only some pieces are used),
 * scatter_ with duplicate indices, scatter_reduce with and without self, in-place forms and error messages,
 * against goldens from tools/goldens/gen_rearrange.py (each "check" case below is the Java twin of the
 * Python case of the same name).
 */
class RearrangeTest {
    private static final GoldenFile GOLDEN = GoldenFile.read("rearrange.txt");

    // ------------------------------------------------------------------ einsum

    private static Tensor f64(long[] shape, String hexes) {
        long[] bits = GoldenFile.bitsList(hexes);
        Layout l = Layout.contiguous(toInts(shape));
        Storage s = Storage.allocate(DType.FLOAT64, l.numel());
        for (int i = 0; i < bits.length; i++) s.setDouble(i, Double.longBitsToDouble(bits[i]));
        return Internals.wrap(s, l);
    }

    private static int[] toInts(long[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) r[i] = (int) s[i];
        return r;
    }

    private static long[][] shapes(String field) {
        String[] parts = field.split(";", -1);
        long[][] r = new long[parts.length][];
        for (int i = 0; i < parts.length; i++) r[i] = GoldenFile.shape(parts[i]);
        return r;
    }

    /** Equal up to a few ulps of the largest magnitude: einsum's bmm may sum in another order than PyTorch's. */
    private static void close(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": size");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > 8 * Math.ulp(scale)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    private static double[] values(String hexes) {
        long[] bits = GoldenFile.bitsList(hexes);
        double[] r = new double[bits.length];
        for (int i = 0; i < r.length; i++) r[i] = Double.longBitsToDouble(bits[i]);
        return r;
    }

    @TestFactory
    List<DynamicTest> einsumEquations() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile.Line line : GOLDEN.lines()) {
            String[] f = line.text().split("\t", -1);
            if (!f[0].equals("einsum")) continue;
            tests.add(DynamicTest.dynamicTest(f[1] + " " + f[2], () -> {
                long[][] shapes = shapes(f[2]);
                String[] ins = f[3].split(";", -1);
                Tensor[] ops = new Tensor[shapes.length];
                for (int i = 0; i < ops.length; i++) ops[i] = f64(shapes[i], ins[i]).requiresGrad_();
                Tensor out = Torch.einsum(f[1], ops);
                assertArrayEquals(GoldenFile.shape(f[4]), out.shape(), "shape");
                close("out", values(f[5]), out.toDoubleArray());
                assertEquals(f[6], out.gradFn() == null ? "None" : out.gradFn().name(), "grad_fn");
                double[] w = new double[(int) out.numel()];
                for (int i = 0; i < w.length; i++) w[i] = i % 7 - 3;
                out.mul(tensor(w).view(out.shape())).sum().backward();
                String[] grads = f[7].split(";", -1);
                for (int i = 0; i < ops.length; i++) close("grad " + i, values(grads[i]), ops[i].grad().toDoubleArray());
            }));
        }
        assertTrue(tests.size() >= 25, "only " + tests.size() + " einsum goldens");
        return tests;
    }

    @TestFactory
    List<DynamicTest> einsumErrors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile.Line line : GOLDEN.lines()) {
            String[] f = line.text().split("\t", -1);
            if (!f[0].equals("einsum_error")) continue;
            tests.add(DynamicTest.dynamicTest(f[1] + " " + f[2], () -> {
                long[][] shapes = shapes(f[2]);
                Tensor[] ops = new Tensor[shapes.length];
                for (int i = 0; i < ops.length; i++) ops[i] = zeros(shapes[i]);
                RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Torch.einsum(f[1], ops));
                assertEquals(f[3], e.getMessage());
            }));
        }
        assertTrue(tests.size() >= 10);
        return tests;
    }

    @Test
    void einsumDoubleBackwardThroughBmm() {
        Tensor a = arange(6.).view(2, 3).to(DType.FLOAT64).requiresGrad_();
        Tensor b = arange(12.).view(3, 4).to(DType.FLOAT64).requiresGrad_();
        Tensor y = Torch.einsum("ij,jk->ik", a, b);
        Tensor ga = org.autograd4j.Autograd.grad(List.of(y.pow(2).sum()), List.of(a), null, false, true, false).get(0);
        assertNotNull(ga.gradFn());
        // d/da of sum(2·(ab)·bᵀ) equals matmul's
        Tensor ref = org.autograd4j.Autograd.grad(List.of(a.matmul(b).pow(2).sum()), List.of(a), null, false, true, false).get(0);
        assertArrayEquals(ref.toDoubleArray(), ga.toDoubleArray(), 1e-12);
    }

    // ------------------------------------------------------------------ the checked cases

    private static String reprOf(Object o) {
        return o instanceof Tensor t ? t.toString() : String.valueOf(o);
    }

    private static String pyName(RuntimeException e) {
        return e instanceof IndexOutOfBoundsException ? "IndexError" : "RuntimeError";
    }

    private static void err(Map<String, String> got, Runnable r) {
        try {
            r.run();
            got.put("none", "no error");
        } catch (RuntimeException e) {
            got.put(pyName(e), e.getMessage());
        }
    }

    private static final Map<String, Consumer<Map<String, String>>> CASES = new LinkedHashMap<>();

    private static void put(String name, Consumer<Map<String, String>> c) {
        CASES.put(name, c);
    }

    static {
        put("split", got -> {
            Tensor x = arange(12.).reshape(3, 4).requiresGrad_();
            List<Tensor> p = x.split(3, 1);
            got.put("count", String.valueOf(p.size()));
            for (int i = 0; i < p.size(); i++) {
                got.put("piece" + i, reprOf(p.get(i)));
                got.put("nr" + i, String.valueOf(Internals.impl(p.get(i)).outputNr()));
            }
            got.put("shares", Internals.impl(p.get(1)).base() == Internals.impl(x) ? "True" : "False");
            assertSame(p.get(0).gradFn(), p.get(1).gradFn());
            p.get(1).mul(2).sum().backward();
            got.put("x.grad", reprOf(x.grad()));
        });
        put("split_sizes", got -> {
            Tensor x = arange(10.).requiresGrad_();
            List<Tensor> p = x.split(new long[] {2, 5, 3});
            got.put("piece1", reprOf(p.get(1)));
            p.get(0).sum().add(p.get(2).mul(p.get(2)).sum()).backward();
            got.put("x.grad", reprOf(x.grad()));
        });
        put("chunk", got -> {
            Tensor x = arange(10.).reshape(5, 2).requiresGrad_();
            List<Tensor> p = x.chunk(3);
            got.put("count", String.valueOf(p.size()));
            got.put("piece2", reprOf(p.get(2)));
            got.put("name", p.get(2).gradFn().name());
            p.get(2).sum().backward();
            got.put("x.grad", reprOf(x.grad()));
        });
        put("chunk_more_than_size", got -> got.put("count", String.valueOf(arange(3.).chunk(5).size())));
        put("chunk_empty", got -> {
            got.put("count", String.valueOf(zeros(0, 2).chunk(3).size()));
            got.put("name", zeros(0, 2).requiresGrad_().chunk(3).get(0).gradFn().name());
        });
        put("unbind", got -> {
            Tensor x = arange(6.).reshape(2, 3).requiresGrad_();
            List<Tensor> p = x.unbind(1);
            got.put("count", String.valueOf(p.size()));
            got.put("piece1", reprOf(p.get(1)));
            got.put("nr2", String.valueOf(Internals.impl(p.get(2)).outputNr()));
            p.get(0).mul(3).add(p.get(2)).sum().backward();
            got.put("x.grad", reprOf(x.grad()));
        });
        put("inplace_piece", got -> {
            Tensor y = arange(6.).requiresGrad_().mul(1);
            err(got, () -> y.split(2).get(1).mul_(2));
            got.put("split", got.remove("RuntimeError"));
            err(got, () -> y.unbind(0).get(1).mul_(2));
            got.put("unbind", got.remove("RuntimeError"));
            try (var ignored = Torch.noGrad()) {
                y.split(2).get(1).mul_(2);
            }
            got.put("no_grad", reprOf(y.detach()));
        });
        put("scatter_dups", got -> {
            Tensor z = zeros(2, 4);
            z.scatter_(1, tensor(new long[][] {{1, 1, 3}, {0, 0, 0}}), arange(1., 7., 1.).reshape(2, 3));
            got.put("z", reprOf(z));
        });
        put("scatter_add_dups", got -> {
            Tensor z = Torch.ones(2, 4);
            z.scatterAdd_(1, tensor(new long[][] {{1, 1, 3}, {0, 0, 0}}), arange(1., 7., 1.).reshape(2, 3));
            got.put("z", reprOf(z));
        });
        put("scatter_value_", got -> {
            Tensor z = zeros(3);
            z.scatter_(0, tensor(new long[] {2, 0}), 5.);
            got.put("z", reprOf(z));
        });
        put("scatter_src_larger", got -> got.put("z", reprOf(zeros(2, 3).scatter(1, tensor(new long[][] {{2}, {0}}),
                arange(1., 7., 1.).reshape(2, 3)))));
        Tensor base = tensor(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        Tensor idx = tensor(new long[][] {{0, 0, 2}, {3, 3, 3}});
        Tensor src = tensor(new double[][] {{2, 3, 4}, {1, 10, 2}});
        for (String red : new String[] {"sum", "prod", "mean", "amax", "amin"}) {
            for (boolean inc : new boolean[] {true, false}) {
                put("scatter_reduce_" + red + "_" + (inc ? "self" : "noself"), got -> {
                    Tensor b = base.clone().requiresGrad_(), s = src.clone().requiresGrad_();
                    Tensor out = b.scatterReduce(1, idx, s, red, inc);
                    got.put("out", reprOf(out.detach()));
                    out.mul(arange(1., 9., 1.).reshape(2, 4)).sum().backward();
                    got.put("b.grad", reprOf(b.grad()));
                    got.put("s.grad", reprOf(s.grad()));
                    got.put("inplace", reprOf(base.clone().scatterReduce_(1, idx, src, red, inc)));
                });
            }
        }
        put("scatter_reduce_mean_long", got -> got.put("out", reprOf(tensor(new long[][] {{1, 2, 3}, {4, 5, 6}}).scatterReduce(1,
                tensor(new long[][] {{0, 0}, {1, 1}}), tensor(new long[][] {{2, 5}, {7, 8}}), "mean", true))));
        put("index_add_", got -> got.put("x", reprOf(zeros(3, 2).indexAdd_(0, tensor(new long[] {0, 2, 0}),
                arange(6.).reshape(3, 2), 2))));
        put("index_copy_", got -> got.put("x", reprOf(zeros(3, 2).indexCopy_(0, tensor(new long[] {2, 0}), arange(4.).reshape(2, 2)))));
        put("index_fill_", got -> got.put("x", reprOf(zeros(3, 2).indexFill_(1, tensor(new long[] {-1}), 7.))));
        put("index_fill_tensor", got -> {
            Tensor v = tensor(2.).requiresGrad_();
            Tensor y = zeros(2, 3).indexFill(1, tensor(new long[] {0, 2}), v);
            y.sum().backward();
            got.put("y", reprOf(y.detach()));
            got.put("v.grad", reprOf(v.grad()));
        });
        Tensor x = arange(6.).reshape(2, 3);
        put("flip", got -> got.put("out", reprOf(x.flip(0, 1))));
        put("roll", got -> got.put("out", reprOf(x.roll(1))));
        put("roll_dims", got -> got.put("out", reprOf(x.roll(new long[] {1, -1}, new int[] {0, 1}))));
        put("repeat", got -> got.put("out", reprOf(tensor(1., 2.).repeat(2, 2))));
        put("tile", got -> got.put("out", reprOf(x.tile(2))));
        put("repeat_interleave", got -> got.put("out", reprOf(x.repeatInterleave(tensor(new long[] {1, 0, 2}), 1))));
        put("repeat_interleave_flat", got -> got.put("out", reprOf(x.repeatInterleave(2))));
        put("repeat_interleave_index", got -> got.put("out", reprOf(Torch.repeatInterleave(tensor(new long[] {2, 0, 1})))));
        put("tril", got -> got.put("out", reprOf(Torch.ones(3, 4).tril(1))));
        put("triu", got -> got.put("out", reprOf(Torch.ones(3, 4).triu(-1))));
        put("tril_", got -> got.put("out", reprOf(Torch.ones(3, 3).tril_())));
        put("diag", got -> got.put("out", reprOf(tensor(1., 2.).diag(-1))));
        put("diag2", got -> got.put("out", reprOf(x.diag(1))));
        put("diagonal", got -> got.put("out", reprOf(arange(24.).reshape(2, 3, 4).diagonal(1, 1, 2))));
        put("diagonal_view", got -> {
            Tensor d = arange(9.).reshape(3, 3);
            got.put("shares", Internals.impl(d.diagonal()).base() == Internals.impl(d) ? "True" : "False");
        });
        put("trace", got -> got.put("out", reprOf(arange(9.).reshape(3, 3).trace())));
        put("trace_long", got -> got.put("out", reprOf(Torch.arange(9).reshape(3, 3).trace())));
        put("outer", got -> got.put("out", reprOf(tensor(1., 2.).outer(tensor(3., 4., 5.)))));
        put("cross", got -> got.put("out", reprOf(tensor(new double[][] {{1, 0, 0}, {0, 1, 0}}).cross(
                tensor(new double[][] {{0, 1, 0}, {0, 0, 1}}), 1))));
        put("kron", got -> got.put("out", reprOf(tensor(new double[][] {{1, 2}, {3, 4}}).kron(tensor(new double[][] {{0, 1}, {1, 0}})))));

        Tensor e = zeros(4, 6);
        put("err_chunk", got -> err(got, () -> e.chunk(0)));
        put("err_split_negative", got -> err(got, () -> e.split(-1)));
        put("err_split_zero", got -> err(got, () -> e.split(0)));
        put("err_split_sizes_sum", got -> err(got, () -> e.split(new long[] {1, 2}, 0)));
        put("err_split_sizes_negative", got -> err(got, () -> e.split(new long[] {5, -1}, 0)));
        put("err_flip", got -> err(got, () -> e.flip(0, -2)));
        put("err_roll", got -> err(got, () -> e.roll(new long[] {1, 2}, new int[] {0})));
        put("err_roll_nodims", got -> err(got, () -> e.roll(new long[] {1, 2}, new int[0])));
        put("err_repeat", got -> err(got, () -> e.repeat(2)));
        put("err_repeat_negative", got -> err(got, () -> e.repeat(-1, 2)));
        put("err_repeat_interleave", got -> err(got, () -> e.repeatInterleave(-1)));
        put("err_repeat_interleave_2d", got -> err(got, () -> e.repeatInterleave(tensor(new long[][] {{1}}), 0)));
        put("err_diagonal", got -> err(got, () -> e.diagonal(0, 0, 0)));
        put("err_diagonal_dim", got -> err(got, () -> e.diagonal(0, 0, 2)));
        put("err_trace", got -> err(got, () -> zeros(2, 2, 2).trace()));
        put("err_outer", got -> err(got, () -> zeros(3).outer(e)));
        put("err_cross_dtype", got -> err(got, () -> zeros(3, 3).to(DType.FLOAT64).cross(zeros(3, 3), 0)));
        put("err_cross_none", got -> err(got, () -> zeros(2, 4).cross(zeros(2, 4))));
        put("err_scatter_index_dtype", got -> err(got, () -> e.scatter(1, tensor(new double[][] {{0, 1}}), 1.)));
        put("err_scatter_bounds", got -> err(got, () -> e.scatter(1, tensor(new long[][] {{0, 6}}), 1.)));
        put("err_scatter_negative", got -> err(got, () -> e.scatter(1, tensor(new long[][] {{0, -1}}), 1.)));
        put("err_scatter_dtype", got -> err(got, () -> e.scatter(1, tensor(new long[][] {{0, 1}}), zeros(1, 2).to(DType.FLOAT64))));
        put("err_scatter_reduce", got -> err(got, () -> e.scatterReduce(1, tensor(new long[][] {{0, 1}}), zeros(1, 2), "foo")));
        put("err_index_add_count", got -> err(got, () -> e.indexAdd(0, tensor(new long[] {0, 1}), zeros(3, 6))));
        put("err_index_add_dtype", got -> err(got, () -> e.indexAdd(0, tensor(new long[] {0, 1}), zeros(2, 6).to(DType.FLOAT64))));
        put("err_index_add_bounds", got -> err(got, () -> e.indexAdd(0, tensor(new long[] {-1}), zeros(1, 6))));
        put("err_index_copy_count", got -> err(got, () -> e.indexCopy(0, tensor(new long[] {0, 1}), zeros(3, 6))));
        put("err_index_copy_bounds", got -> err(got, () -> e.indexCopy(0, tensor(new long[] {0, 4}), zeros(2, 6))));
        put("err_index_copy_slice", got -> err(got, () -> e.indexCopy(0, tensor(new long[] {0, 1}), zeros(2, 5))));
        put("err_index_copy_dim", got -> err(got, () -> e.indexCopy(0, tensor(new long[][] {{0, 1}}), zeros(2, 6))));
        put("err_index_fill_bounds", got -> err(got, () -> e.indexFill(0, tensor(new long[] {0, 4}), 1.)));
        put("err_index_fill_value", got -> err(got, () -> e.indexFill(0, tensor(new long[] {0, 1}), tensor(1., 2.))));
        put("err_unbind", got -> err(got, () -> e.unbind(2)));
        put("err_leaf_scatter_", got -> err(got, () -> zeros(2, 3).requiresGrad_().scatter_(1, tensor(new long[][] {{5}}), 1.)));
    }

    @TestFactory
    List<DynamicTest> checkedCases() {
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (GoldenFile.Line line : GOLDEN.lines()) {
            String[] f = line.text().split("\t", -1);
            if (!f[0].equals("check")) continue;
            expected.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], f[3].replace("\\n", "\n"));
        }
        assertEquals(expected.keySet(), CASES.keySet(), "every golden case has its Java twin");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : expected.entrySet()) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                Map<String, String> got = new LinkedHashMap<>();
                CASES.get(c.getKey()).accept(got);
                assertEquals(c.getValue(), got);
            }));
        }
        return tests;
    }

    // ------------------------------------------------------------------ views and in place

    @Test
    void piecesShareStorageAndVersion() {
        Tensor x = arange(6.);
        List<Tensor> p = x.split(4);
        p.get(1).mul_(10);
        assertArrayEquals(new double[] {0, 1, 2, 3, 40, 50}, x.toDoubleArray());
        Tensor d = arange(9.).reshape(3, 3);
        d.diagonal().fill_(-1);
        assertArrayEquals(new double[] {-1, 1, 2, 3, -1, 5, 6, 7, -1}, d.toDoubleArray());
    }

    @Test
    void errorsComeBeforeAnyWrite() {
        Tensor z = zeros(2, 3);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> z.scatter_(1, tensor(new long[][] {{0, 3}}), 1.));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> z.indexCopy_(0, tensor(new long[] {0, 2}), Torch.ones(2, 3)));
        assertArrayEquals(new double[6], z.toDoubleArray());
        assertEquals(0, Internals.impl(z).version());
    }
}
