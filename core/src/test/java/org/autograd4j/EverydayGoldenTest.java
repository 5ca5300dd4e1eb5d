package org.autograd4j;

import static org.autograd4j.Torch.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The everyday API against PyTorch 1.13.1 ({@code goldens/everyday.txt}, from {@code tools/goldens/gen_everyday.py}):
 * each case builds in Java what the Python case builds, prints it with {@link Torch#str} (or {@code ERR: message}
 * when it throws) and must print exactly what Python's {@code str} printed. Python's {@code print(a, b)} is
 * {@link #seq}. Object addresses are masked on both sides.
 */
class EverydayGoldenTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    private final Map<String, Callable<Object>> cases = new LinkedHashMap<>();

    private void put(String key, Callable<Object> c) {
        if (cases.put(key, c) != null) throw new IllegalStateException("duplicate case " + key);
    }

    /** Python's {@code print(a, b, ...)} line. */
    private static String seq(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : " ").append(Torch.str(values[i]));
        return sb.toString();
    }

    private static Object tuple(Object... items) {
        return new PyTuple<>(Arrays.asList(items));
    }

    private static Object tuple(long[] items) {
        List<Long> l = new ArrayList<>();
        for (long v : items) l.add(v);
        return new PyTuple<>(l);
    }

    private static String mask(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0x?");
    }

    private static Object grad(Tensor out, Tensor in) {
        return seq(out, Autograd.grad(List.of(out.sum()), List.of(in)).get(0));
    }

    EverydayGoldenTest() {
        strCases();
        printCases();
        propertyCases();
        checkCases();
        normCases();
        messageCases();
    }

    private void strCases() {
        Object[][] plain = {{"f.tenth", 0.1}, {"f.third", 1.0 / 3}, {"f.big", 12345678.0}, {"f.1e16", 1e16}, {"f.1e15", 1e15},
            {"f.1e-5", 1e-5}, {"f.f32_1e-5", 1e-5f}, {"f.1e22", 1e22}, {"f.1.5e-7", 1.5e-7}, {"f.negzero", -0.0}, {"f.zero", 0.0},
            {"f.inf", INF}, {"f.ninf", -INF}, {"f.nan", NAN}, {"f.huge", 123456789012345678.0}, {"f.1e-4", 0.0001},
            {"f.small", 0.00001234}, {"f.2.5", 2.5}, {"f.100", 100.0}, {"f.min", 5e-324}, {"f.max", 1.7976931348623157e308},
            {"f.f32_tenth", 0.1f}, {"f.f32_pi", 3.14159f}, {"f.neg", -2.75e-12}, {"f.9999", 9999999999999998.0},
            {"f.1e17", 1.2345e17}, {"f.1e23", 1e23}, {"f.2e-5", 2e-5}, {"f.n9e300", -9e300},
            {"i.zero", 0}, {"i.neg", -7L}, {"i.max", Long.MAX_VALUE}, {"b.true", true}, {"b.false", false},
            {"none", null}, {"s.plain", "abc"}, {"s.list", List.of("a", "it's", "q\"x", "tab\t", "both'\"")},
            {"l.mixed", Arrays.asList(1, 2.0, null)}, {"l.nested", List.of(List.of(1, 2), List.of(3))}, {"l.empty", List.of()},
            {"l.bools", new boolean[] {true, false}}, {"t.one", tuple(1)}, {"t.empty", tuple()}, {"t.two", tuple(1, 2.5)},
            {"d.dict", new LinkedHashMap<>(Map.of("a", 1))}};
        for (Object[] c : plain) put("str." + c[0], () -> c[1]);
        cases.put("str.d.dict", () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", 1);
            m.put("b", List.of(0.5));
            return m;
        });
        put("str.args", () -> seq("loss", 0.5, 3, true, null));
    }

    private final Tensor x = tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad_();
    private final Tensor a = tensor(2.0).requiresGrad_();

    private void printCases() {
        put("print.tensor", () -> x);
        put("print.labelled", () -> seq("x:", x));
        put("print.size", () -> x.size());
        put("print.size0", () -> tensor(2.0).size());
        put("print.size_list", () -> List.of(x.size(), x.size()));
        put("print.size_eq_tuple", () -> x.size().equals(List.of(2L, 3L)));
        put("print.size_numel", () -> x.size().numel());
        put("print.size_index", () -> seq(x.size().get(0), x.size().at(-1), x.size().size()));
        put("print.dtype", () -> seq(x.dtype(), DType.INT64, List.of(DType.FLOAT32, DType.BOOL)));
        Tensor y = x.mul(x).sum();
        put("print.grad_tuple", () -> Autograd.grad(List.of(y), List.of(x), null, true, false, false));
        put("print.grad_tuple_graph", () -> Autograd.grad(List.of(a.pow(3)), List.of(a), null, true, true, false));
        put("print.grad_tuple_two", () -> Autograd.grad(List.of(a.mul(x.sum())), List.of(a, x)));
        put("print.next_functions", () -> x.mul(2).add(a).gradFn().nextFunctions());
        put("print.next_functions_none", () -> x.mul(ones(3)).gradFn().nextFunctions());
        put("print.grad_fn", () -> x.mul(2).gradFn());
        put("print.max_dim", () -> x.max(1));
        put("print.list_of_tensors", () -> List.of(tensor(1.0), tensor(2, 3)));
        put("print.item", () -> tensor(0.1).item());
        put("print.item_int", () -> tensor(7).itemLong());
        put("print.tolist", () -> x.tolist());
        put("print.tolist_f32", () -> tensor(0.1, 1e-5).tolist());
        put("print.tolist_int", () -> tensor(new long[][] {{1, 2}, {3, 4}}).tolist());
        put("print.tolist_bool", () -> tensor(new boolean[] {true, false}).tolist());
        put("print.tolist_0d", () -> tensor(2.5).tolist());
        put("print.tolist_empty", () -> ones(2, 0).tolist());
        put("print.detach_grad_none", () -> seq(x.detach().grad(), x.gradFn(), x.isLeaf()));
        put("print.node_name_acc", () -> x.mul(2).gradFn().nextFunctions().get(0).node().name());
        put("print.node_name_mul", () -> x.mul(2).gradFn().name());
        put("print.node_name_copyslices", () -> {
            Tensor b = x.clone();
            b.select(0, 0).fill_(3);
            return seq(b.gradFn().name(), b.gradFn().typeName(), b.gradFn());
        });
        put("print.node_name_copybackwards", () -> {
            Tensor c = zeros(2);
            c.copy_(a.expand(2));
            return seq(c.gradFn().name(), c.gradFn());
        });
    }

    private void propertyCases() {
        Tensor z = arange(24.0).reshape(2, 3, 4);
        put("prop.ndim", () -> seq(z.ndim(), z.dim(), z.numel(), tensor(1.0).ndim()));
        put("prop.element_size", () -> seq(z.elementSize(), tensor(new long[] {1}).elementSize(),
                tensor(new boolean[] {true}).elementSize(), z.toDouble().elementSize()));
        put("prop.T2", () -> x.T());
        put("prop.T3", () -> seq(z.T().size(), tuple(z.T().stride()), z.T().isContiguous()));
        put("prop.T1", () -> tensor(1.0, 2).requiresGrad_().T());
        put("prop.T0", () -> tensor(1.0).requiresGrad_().T());
        put("prop.mT", () -> seq(z.mT().size(), tuple(z.mT().stride())));
        put("prop.mT2", () -> x.mT());
        put("prop.mT1", () -> ones(3).mT());
        put("prop.mT0", () -> tensor(1.0).requiresGrad_().mT());
        put("prop.data_versions", () -> {
            Tensor w = ones(3).requiresGrad_();
            Tensor d = w.data(), dt = w.detach();
            List<Integer> r = new ArrayList<>(List.of(w.version(), d.version(), dt.version()));
            try (var _ = noGrad()) {
                w.add_(1);
            }
            r.addAll(List.of(w.version(), d.version(), dt.version()));
            d.mul_(2);
            r.addAll(List.of(w.version(), d.version(), dt.version()));
            return seq(r, d.requiresGrad(), d.isLeaf(), d.gradFn(), d.base(), w);
        });
        put("prop.data_write_unchecked", () -> {
            Tensor w = ones(2).requiresGrad_();
            Tensor yy = w.mul(w);
            w.data().mul_(3);
            yy.sum().backward();
            return w.grad();
        });
        put("prop.detach_write_checked", () -> {
            Tensor w = ones(2).requiresGrad_();
            Tensor yy = w.mul(w);
            w.detach().mul_(3);
            yy.sum().backward();
            return w.grad();
        });
        put("conv.float", () -> tensor(1, 2).toFloat());
        put("conv.double", () -> tensor(1, 2).toDouble());
        put("conv.long", () -> tensor(1.7, -1.7).toLong());
        put("conv.bool", () -> tensor(0.0, 2).toBool());
        put("conv.type_as", () -> tensor(1.5, 2).typeAs(tensor(1)));
        put("conv.float_grad", () -> x.toDouble());
        put("new.zeros", () -> tensor(new long[] {1}).newZeros(2, 3));
        put("new.ones", () -> x.newOnes(2));
        put("new.full", () -> tensor(new long[] {1}).newFull(new long[] {2}, 2.5));
        put("new.full_f", () -> x.newFull(new long[] {1, 2}, 2.5));
        put("new.tensor", () -> x.newTensor(1, 2));
        put("new.tensor_int", () -> tensor(new long[] {1}).newTensor(1.5, 2));
        put("new.empty", () -> seq(x.newEmpty(2, 0).size(), empty(2, 3).size(), empty(new long[] {2}, DType.INT64).dtype(),
                emptyLike(x).size(), emptyLike(x).requiresGrad()));
        put("lit.int", () -> seq(tensor(1, 2, 3), tensor(1, 2, 3).dtype()));
        put("lit.float", () -> seq(tensor(1.0, 2, 3), tensor(1.0, 2, 3).dtype()));
        put("lit.int0", () -> seq(tensor(2), tensor(2).dtype()));
        put("lit.float0", () -> seq(tensor(2.0), tensor(2.0).dtype()));
    }

    private void checkCases() {
        put("check.isclose", () -> isclose(tensor(1, 1.00001, 1.001, NAN, INF), tensor(1.0, 1, 1, NAN, INF)));
        put("check.isclose_nan", () -> isclose(tensor(1, NAN), tensor(1, NAN), 1e-05, 1e-08, true));
        put("check.isclose_tol", () -> isclose(tensor(1.0, 2), tensor(1.1, 2.5), 0.1, 0, false));
        put("check.isclose_int", () -> isclose(tensor(1, 2, 100000), tensor(1, 3, 100001)));
        put("check.isclose_bcast", () -> isclose(ones(2, 3), tensor(1, 1.0000001, 2)));
        put("check.isclose_dtype", () -> isclose(ones(2), ones(new long[] {2}, DType.FLOAT64)));
        put("check.isclose_rtol", () -> isclose(ones(2), ones(2), -1, 1e-08, false));
        put("check.isclose_atol", () -> isclose(ones(2), ones(2), 1e-05, -0.5, false));
        put("check.allclose", () -> seq(allclose(ones(2), ones(2).add(1e-9)), allclose(ones(2), tensor(1, 1.1)),
                allclose(tensor(NAN), tensor(NAN)), allclose(tensor(NAN), tensor(NAN), 1e-05, 1e-08, true),
                allclose(tensor(1.0, 2), tensor(1.05, 2), 0.1, 0, false)));
        put("check.allclose_size", () -> allclose(ones(2), ones(3)));
        put("check.methods", () -> seq(tensor(1.0, 2).isclose(tensor(1.0, 2.1)), tensor(1.0, 2).allclose(tensor(1.0, 2)),
                tensor(1.0, 2).equal(tensor(1.0, 2.5))));
        put("check.equal", () -> seq(equal(ones(2), ones(2)), equal(ones(2), ones(3)), equal(ones(2), ones(1)),
                equal(tensor(new double[] {NAN}), tensor(new double[] {NAN})), equal(ones(2), ones(new long[] {2}, DType.INT64)),
                equal(tensor(1.0, 2), tensor(1, 2.5))));
        put("check.all_any", () -> seq(tensor(1.0, 0).all(), tensor(1.0, 0).any(),
                tensor(new boolean[] {true, false, true, true}).view(2, 2).all(1, false),
                tensor(new boolean[] {true, false, false, false}).view(2, 2).any(0, true)));
    }

    private void normCases() {
        Tensor m = tensor(new double[][] {{1, -2, 3}, {-4, 5, -6.5}}).requiresGrad_();
        put("norm.fro", () -> grad(m.norm("fro"), m));
        put("norm.fro_dims", () -> grad(m.norm("fro", new int[] {0, 1}, false), m));
        put("norm.fro_dim", () -> grad(m.norm("fro", new int[] {1}, true), m));
        put("norm.inf", () -> grad(m.norm(INF), m));
        put("norm.ninf_dim", () -> grad(m.norm(-INF, new int[] {1}, false), m));
        put("norm.p3", () -> grad(m.norm(3), m));
        put("norm.nuc_bad", () -> m.norm("abc"));
        put("vnorm.default", () -> grad(linalg.vectorNorm(m), m));
        put("vnorm.1", () -> grad(linalg.vectorNorm(m, 1), m));
        put("vnorm.inf", () -> grad(linalg.vectorNorm(m, INF), m));
        put("vnorm.ninf", () -> grad(linalg.vectorNorm(m, -INF), m));
        put("vnorm.0", () -> linalg.vectorNorm(m, 0));
        put("vnorm.half_dim", () -> grad(linalg.vectorNorm(m, 0.5, new int[] {1}, false), m));
        put("vnorm.dim_keep", () -> grad(linalg.vectorNorm(m, 2, new int[] {0}, true), m));
        put("vnorm.dims", () -> grad(linalg.vectorNorm(m, 3, new int[] {-1, 0}, false), m));
        put("vnorm.int", () -> linalg.vectorNorm(tensor(1, 2)));
        put("vnorm.empty_inf", () -> linalg.vectorNorm(ones(0, 3), INF));
        put("vnorm.empty_neg", () -> linalg.vectorNorm(ones(0, 3), -1.5));
        put("vnorm.empty_dim", () -> linalg.vectorNorm(ones(0, 3), INF, new int[] {0}, false));
        put("vnorm.empty_ok", () -> seq(linalg.vectorNorm(ones(0, 3), INF, new int[] {1}, false), linalg.vectorNorm(ones(0, 3), 0.5)));
        put("vnorm.dup", () -> linalg.vectorNorm(m, 2, new int[] {0, 0}, false));
        put("vnorm.range", () -> linalg.vectorNorm(m, 2, new int[] {5}, false));
        put("mnorm.fro", () -> grad(linalg.matrixNorm(m), m));
        put("mnorm.1", () -> grad(linalg.matrixNorm(m, 1), m));
        put("mnorm.n1", () -> grad(linalg.matrixNorm(m, -1), m));
        put("mnorm.inf", () -> grad(linalg.matrixNorm(m, INF), m));
        put("mnorm.ninf_keep", () -> grad(linalg.matrixNorm(m, -INF, new int[] {-2, -1}, true), m));
        put("mnorm.1_dims", () -> grad(linalg.matrixNorm(m, 1, new int[] {1, 0}, false), m));
        Tensor b3 = arange(24.0).reshape(2, 3, 4).sub(11);
        put("mnorm.batch", () -> seq(linalg.matrixNorm(b3, 1), linalg.matrixNorm(b3, INF, new int[] {0, 2}, false),
                linalg.matrixNorm(b3, "fro", new int[] {2, 0}, true)));
        put("mnorm.order", () -> linalg.matrixNorm(m, 3.5));
        put("mnorm.order_str", () -> linalg.matrixNorm(m, "abc"));
        put("mnorm.vector", () -> linalg.matrixNorm(ones(3)));
        put("mnorm.int", () -> linalg.matrixNorm(tensor(new long[][] {{1, 2}})));
        put("mnorm.dim3", () -> linalg.matrixNorm(b3, "fro", new int[] {0, 1, 2}, false));
        put("mnorm.same", () -> linalg.matrixNorm(m, "fro", new int[] {0, -2}, false));
        put("mnorm.empty", () -> linalg.matrixNorm(ones(2, 0), 1));
    }

    private void messageCases() {
        put("msg.item", () -> ones(2).item());
        put("msg.item_empty", () -> ones(0).item());
        put("msg.mv_size", () -> mv(ones(2, 3), ones(2)));
        put("msg.mv_dims", () -> mv(ones(2), ones(2)));
        put("msg.mm", () -> mm(ones(2, 3), ones(2, 3)));
        put("msg.view", () -> ones(2, 3).view(4));
        put("msg.view_neg", () -> ones(2, 3).view(-1, -1));
        put("msg.reshape", () -> ones(2, 3).reshape(4, 2));
        put("msg.broadcast", () -> ones(2).add(ones(3)));
        put("msg.dim_range", () -> ones(2, 3).sum(2));
        put("msg.dim_range0", () -> tensor(1.0).sum(1));
        put("msg.backward_nograd", () -> {
            ones(2).sum().backward();
            return null;
        });
        put("msg.backward_nonscalar", () -> {
            x.mul(2).backward();
            return null;
        });
        put("msg.requires_grad_int", () -> tensor(new long[] {1}).requiresGrad_());
        put("msg.leaf_inplace", () -> ones(2).requiresGrad_().add_(1));
        put("msg.twice", () -> {
            Tensor q = a.mul(a);
            q.backward();
            q.backward();
            return null;
        });
        put("msg.select", () -> ones(2, 3).select(0, 5));
        put("msg.narrow", () -> ones(2, 3).narrow(1, 2, 2));
        put("msg.transpose", () -> ones(2, 3).transpose(0, 2));
        put("msg.permute", () -> ones(2, 3).permute(0));
        put("msg.expand", () -> ones(2, 3).expand(3, 3));
        put("msg.cat", () -> cat(List.of(ones(2, 3), ones(2, 4)), 0));
        put("msg.stack", () -> stack(List.of(ones(2), ones(3)), 0));
        put("msg.squeeze", () -> ones(2, 3).squeeze(3));
        put("msg.unsqueeze", () -> ones(2, 3).unsqueeze(4));
        put("msg.arange_step", () -> arange(0, 5, 0));
        put("msg.arange_sign", () -> arange(5, 0, 1));
        put("msg.linspace", () -> linspace(0, 1, -1));
        put("msg.mean_int", () -> tensor(1, 2).mean());
        put("msg.grad_size", () -> {
            ones(2).requiresGrad_().setGrad(ones(3));
            return null;
        });
        put("msg.matmul_1d", () -> matmul(ones(2), ones(3)));
        put("msg.dot", () -> dot(ones(2), ones(3)));
        put("msg.bmm", () -> bmm(ones(2, 2, 3), ones(2, 2, 3)));
        put("msg.mT1", () -> ones(3).mT());
        put("warn.nonleaf_grad", () -> PyWarnings.NON_LEAF_GRAD);
        put("warn.T_not_2d", () -> PyWarnings.T_NOT_2D);
        put("msg.t3", () -> ones(2, 3, 4).t());
        put("msg.flatten", () -> ones(2, 3, 4).flatten(2, 1));
        put("msg.view_stride", () -> ones(2, 3).t().view(6));
        put("msg.view_bad", () -> ones(2, 3).view(-2, 3));
        put("msg.permute_dup", () -> ones(2, 3).permute(0, 0));
        put("msg.expand_lead", () -> ones(3).expand(-1, 3));
        put("msg.expand_fewer", () -> ones(2, 3).expand(3));
        put("msg.expand_fewer_long", () -> tensor(new long[][] {{1, 2}}).expand(2));
        put("msg.narrow_neg", () -> ones(3).narrow(0, -5, 1));
        put("msg.narrow_end", () -> seq(ones(3).narrow(0, 3, 0), ones(3).narrow(0, -3, 1)));
        put("msg.gather_float", () -> ones(2, 3).gather(1, tensor(new double[][] {{1}, {0}})));
        put("msg.gather_neg", () -> ones(2, 3).gather(0, tensor(new long[][] {{-3}, {0}})));
        put("msg.select0", () -> tensor(1.0).select(0, 0));
        put("msg.narrow0", () -> tensor(1.0).narrow(0, 0, 1));
        put("msg.narrow_start", () -> ones(3).narrow(0, 5, 1));
        put("msg.where_cond", () -> where(ones(2), ones(2), zeros(2)));
        put("msg.cat0", () -> cat(List.of(tensor(1.0), tensor(2.0)), 0));
        put("msg.cat_dims", () -> cat(List.of(ones(2, 3), ones(3)), 0));
        put("msg.stack_empty", () -> stack(List.of(), 0));
        put("msg.index_select", () -> ones(3).indexSelect(0, tensor(new long[] {5})));
        put("msg.index_select_float", () -> ones(3).indexSelect(0, tensor(new double[] {1})));
        put("msg.gather_dims", () -> ones(2, 3).gather(1, tensor(new long[] {0})));
        put("msg.gather_range", () -> ones(2, 3).gather(1, tensor(new long[][] {{5}, {0}})));
        put("msg.mm_dtype", () -> mm(ones(2, 2), ones(new long[] {2, 2}, DType.FLOAT64)));
        put("msg.mm_dim", () -> mm(ones(2), ones(2, 2)));
        put("msg.matmul_0d", () -> matmul(tensor(1.0), ones(2)));
        put("msg.bmm_dim", () -> bmm(ones(2, 2), ones(2, 2, 2)));
        put("msg.dot_2d", () -> dot(ones(2, 2), ones(2)));
        put("msg.addmm", () -> addmm(ones(2, 2), ones(2, 3), ones(2, 2)));
        put("msg.pow_neg_int", () -> tensor(new long[] {2}).pow(-1L));
        put("msg.argmax_empty", () -> ones(0).argmax());
        put("msg.amax_empty", () -> ones(0).amax(0));
        put("msg.logsumexp_int_dim", () -> ones(2, 3).logsumexp(5));
        put("msg.softmax_dim", () -> ones(2, 3).softmax(3));
        put("msg.cumsum_dim", () -> ones(2, 3).cumsum(-3));
        put("msg.bernoulli_p", () -> ones(2).bernoulli_(1.5));
        put("msg.normal_std", () -> ones(2).normal_(0, -1));
        put("msg.uniform_range", () -> ones(2).uniform_(1, 0));
        put("msg.exponential", () -> ones(2).exponential_(-1));
        put("msg.geometric", () -> ones(2).geometric_(1.5));
        put("msg.log_normal", () -> ones(2).logNormal_(0, -1));
        put("msg.random_range", () -> ones(2).random_(5, 2));
        put("msg.multinomial_n", () -> multinomial(ones(3), 0, false));
        put("msg.multinomial_many", () -> multinomial(ones(3), 5, false));
        put("msg.multinomial_neg", () -> multinomial(tensor(1.0, -1.0), 1, false));
        put("msg.randperm", () -> randperm(-1));
        put("msg.threads", () -> {
            setNumThreads(0);
            return null;
        });
        put("msg.full_neg", () -> zeros(2, -1));
        put("msg.grad_dtype", () -> {
            ones(2).requiresGrad_().setGrad(ones(new long[] {2}, DType.FLOAT64));
            return null;
        });
        put("msg.requires_grad_nonleaf", () -> x.mul(2).requiresGrad_(false));
        put("msg.clamp", () -> clamp(ones(2), Double.NaN, Double.NaN));
        put("msg.result_type", () -> ones(new long[] {2}, DType.INT64).add_(1.5));
        put("msg.inplace_shape", () -> ones(3).add_(ones(2, 3)));
    }

    private static String run(Callable<Object> c) {
        try {
            return mask(Torch.str(c.call()));
        } catch (RuntimeException e) {
            return "ERR: " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCasePrintsWhatPyTorchPrinted() {
        GoldenFile g = GoldenFile.read("everyday.txt");
        List<DynamicTest> tests = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean prev = PyWarnings.isEnabled();
        for (GoldenFile.Line line : g.lines()) {
            int tab = line.text().indexOf('\t');
            String key = line.text().substring(0, tab);
            String expected = GoldenFile.unescape(line.text().substring(tab + 1));
            seen.add(key);
            Callable<Object> c = key.startsWith("fbits.")
                    ? () -> Double.longBitsToDouble(Long.parseUnsignedLong(key.substring(6), 16)) : cases.get(key);
            tests.add(DynamicTest.dynamicTest(key, () -> {
                assertTrue(c != null, "no Java case for golden " + key);
                PyWarnings.setEnabled(false);
                try {
                    assertEquals(expected, run(c), key);
                } finally {
                    PyWarnings.setEnabled(prev);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("every Java case has a golden", () -> {
            List<String> extra = new ArrayList<>(cases.keySet());
            extra.removeAll(seen);
            assertEquals(List.of(), extra);
        }));
        return tests.stream();
    }

    @Test
    void atLeastSixtyPrintLines() {
        assertTrue(cases.keySet().stream().filter(k -> k.startsWith("str.") || k.startsWith("print.")).count() >= 60);
    }
}
