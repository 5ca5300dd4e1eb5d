package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Functional} against {@code goldens/functional.txt} ({@code tools/goldens/gen_functional.py}, PyTorch 1.13.1):
 * 22 functions × jacobian, hessian, vjp, jvp, hvp, vhp; the forms over several inputs and outputs; create_graph;
 * independent outputs; and PyTorch's errors (strict mode, v checks, one-element outputs).
 */
class FunctionalTest {
    static final DType D = DType.FLOAT64;
    static final Tensor X = Torch.tensor(new double[] {0.5, -1.25, 0.75}, D);
    static final Tensor M = Torch.tensor(new double[][] {{0.5, -1.0}, {0.25, 1.5}}, D);
    static final Tensor A = Torch.tensor(new double[][] {{1.0, 2.0, -1.0}, {0.5, 0.0, 3.0}}, D);
    static final Tensor Y = Torch.tensor(new double[] {2.0, -0.5, 1.0}, D);

    record Golden(boolean requiresGrad, long[] shape, double[] values) {
    }

    static final Map<String, Golden> GOLDEN = new HashMap<>();
    static final Map<String, String> ERRORS = new HashMap<>();

    static {
        try (InputStream in = FunctionalTest.class.getResourceAsStream("/goldens/functional.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split(" ", -1);
                if (p[1].equals("error")) {
                    ERRORS.put(p[0], line.substring(p[0].length() + 7));
                    continue;
                }
                long[] shape = p[4].equals("-") ? new long[0]
                        : java.util.Arrays.stream(p[4].split(",")).mapToLong(Long::parseLong).toArray();
                double[] values = new double[p.length - 5];
                for (int i = 5; i < p.length; i++) values[i - 5] = Double.parseDouble(p[i]);
                GOLDEN.put(p[0] + " " + p[1] + " " + p[2], new Golden(p[3].equals("1"), shape, values));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The random vector the generator drew with {@code seed} for {@code shape}. */
    static Tensor vec(int seed, long... shape) {
        String key = shape.length == 0 ? "-" : java.util.Arrays.stream(shape).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(","));
        Golden g = GOLDEN.get("vec " + seed + " " + key);
        assertNotNull(g, "vector " + seed + " " + key);
        return Torch.tensor(g.values(), D).reshape(shape);
    }

    static void check(String key, Tensor actual) {
        Golden g = GOLDEN.get(key);
        assertNotNull(g, "golden " + key);
        assertArrayEquals(g.shape(), actual.shape(), key + ": shape");
        assertEquals(g.requiresGrad(), actual.requiresGrad(), key + ": requires_grad");
        double[] a = actual.detach().toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            double e = g.values()[i];
            assertTrue(Math.abs(a[i] - e) <= 1e-12 + 1e-10 * Math.abs(e), key + ": element " + i + " " + a[i] + " vs " + e);
        }
    }

    static Map<String, UnaryOperator<Tensor>> functions() {
        Map<String, UnaryOperator<Tensor>> f = new LinkedHashMap<>();
        f.put("exp", x -> x.exp());
        f.put("sin_mul", x -> x.sin().mul(x));
        f.put("pow3", x -> x.pow(3.0));
        f.put("tanh_sum", x -> x.tanh().sum());
        f.put("softmax", x -> x.softmax(0));
        f.put("log_softmax", x -> x.logSoftmax(0));
        f.put("sigmoid", x -> x.sigmoid());
        f.put("norm", x -> x.norm());
        f.put("logsumexp", x -> x.logsumexp(0));
        f.put("cumprod", x -> x.cumprod(0));
        f.put("cumsum_sq", x -> x.mul(x).cumsum(0));
        f.put("prod", x -> x.prod());
        f.put("mm_self", m -> m.mm(m));
        f.put("matvec", x -> A.mv(x));
        f.put("outer", x -> x.unsqueeze(1).mul(x.unsqueeze(0)));
        f.put("std", x -> x.std());
        f.put("var", x -> x.var());
        f.put("max", x -> x.max());
        f.put("where", x -> Torch.where(x.gt(0.0), x.mul(x), x.neg()));
        f.put("sqrt_sq1", x -> x.mul(x).add(1.0).sqrt());
        f.put("atan_t", m -> m.t().atan());
        f.put("linear", x -> x.mul(2.0).add(1.0));
        return f;
    }

    @Test
    void singleTensorFormsMatchPyTorch() {
        int count = 0;
        for (Map.Entry<String, UnaryOperator<Tensor>> e : functions().entrySet()) {
            String n = e.getKey();
            UnaryOperator<Tensor> f = e.getValue();
            Tensor x = n.equals("mm_self") || n.equals("atan_t") ? M : X;
            Tensor out = f.apply(x);
            check(n + " jacobian 0", Functional.jacobian(f, x));
            List<Tensor> r = Functional.vjp(f, x, vec(1, out.shape()));
            check(n + " vjp 0", r.get(0));
            check(n + " vjp 1", r.get(1));
            r = Functional.jvp(f, x, vec(2, x.shape()));
            check(n + " jvp 0", r.get(0));
            check(n + " jvp 1", r.get(1));
            UnaryOperator<Tensor> s = out.numel() == 1 ? f : t -> f.apply(t).sum();
            check(n + " hessian 0", Functional.hessian(s, x));
            r = Functional.hvp(s, x, vec(3, x.shape()));
            check(n + " hvp 0", r.get(0));
            check(n + " hvp 1", r.get(1));
            r = Functional.vhp(s, x, vec(4, x.shape()));
            check(n + " vhp 0", r.get(0));
            check(n + " vhp 1", r.get(1));
            count++;
        }
        assertEquals(22, count);
    }

    @Test
    void forwardOverReverseGivesTheHessianProduct() {
        // jvp of the gradient function: the backward's own ops carry tangents, so this is H·v (PyTorch's hvp golden)
        for (Map.Entry<String, UnaryOperator<Tensor>> e : functions().entrySet()) {
            String n = e.getKey();
            // their backward runs _(log_)softmax_backward_data, which has no forward formula in PyTorch 1.13: forward
            // over reverse raises PyTorch's error there (ForwardADOpsTest checks it)
            if (n.equals("softmax") || n.equals("log_softmax")) continue;
            UnaryOperator<Tensor> f = e.getValue();
            Tensor x = n.equals("mm_self") || n.equals("atan_t") ? M : X;
            UnaryOperator<Tensor> s = f.apply(x).numel() == 1 ? f : t -> f.apply(t).sum();
            UnaryOperator<Tensor> grad = t -> Autograd.grad(List.of(s.apply(t)), List.of(t), null, true, true, false).get(0);
            Tensor hv = Functional.jvp(grad, x, vec(3, x.shape())).get(1);
            check(n + " hvp 1", hv);
        }
    }

    static List<Tensor> two(List<Tensor> in) {
        Tensor x = in.get(0), y = in.get(1);
        return List.of(x.mul(y), x.exp().add(y).sum());
    }

    static Tensor scalar2(List<Tensor> in) {
        Tensor x = in.get(0), y = in.get(1);
        return x.mul(x).mul(y).sum().add(y.sin().sum());
    }

    @Test
    void listFormsMatchPyTorch() {
        List<List<Tensor>> jac = Functional.jacobian(FunctionalTest::two, List.of(X, Y), false, false, false);
        List<List<Tensor>> hes = Functional.hessian(FunctionalTest::scalar2, List.of(X, Y), false, false, false);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                check("two jacobian " + i + "," + j, jac.get(i).get(j));
                check("scalar2 hessian " + i + "," + j, hes.get(i).get(j));
            }
        }
        Functional.Products p = Functional.vjp(FunctionalTest::two, List.of(X, Y), List.of(vec(5, 3), Torch.tensor(1.5, D)), false, false);
        Functional.Products q = Functional.jvp(FunctionalTest::two, List.of(X, Y), List.of(vec(6, 3), vec(7, 3)), false, false);
        for (int i = 0; i < 2; i++) {
            check("two vjp o" + i, p.outputs().get(i));
            check("two vjp p" + i, p.products().get(i));
            check("two jvp o" + i, q.outputs().get(i));
            check("two jvp p" + i, q.products().get(i));
        }
        Functional.Products h = Functional.hvp(FunctionalTest::scalar2, List.of(X, Y), List.of(vec(8, 3), vec(9, 3)), false, false);
        Functional.Products v = Functional.vhp(FunctionalTest::scalar2, List.of(X, Y), List.of(vec(8, 3), vec(9, 3)), false, false);
        check("scalar2 hvp o", h.outputs().get(0));
        check("scalar2 vhp o", v.outputs().get(0));
        for (int i = 0; i < 2; i++) {
            check("scalar2 hvp p" + i, h.products().get(i));
            check("scalar2 vhp p" + i, v.products().get(i));
        }
    }

    @Test
    void createGraphKeepsAGraph() {
        Tensor xr = X.clone().requiresGrad_();
        check("exp_cg jacobian 0", Functional.jacobian(x -> x.exp(), xr, true, false, false));
        Tensor p = Functional.vjp(x -> x.pow(3.0), xr, vec(1, 3), true, false).get(1);
        check("pow3_cg vjp 1", p);
        check("pow3_cg vjp_grad 0", Autograd.grad(List.of(p.sum()), List.of(xr)).get(0));
        Tensor j = Functional.jvp(x -> x.pow(3.0), xr, vec(2, 3), true, false).get(1);
        check("pow3_cg jvp 1", j);
        check("pow3_cg jvp_grad 0", Autograd.grad(List.of(j.sum()), List.of(xr)).get(0));
        check("tanh_sum_cg hessian 0", Functional.hessian(x -> x.tanh().sum(), xr, true, false, false));
    }

    @Test
    void forwardModeJacobianMatchesPyTorch() {
        check("exp_fwd jacobian 0", Functional.jacobian(x -> x.exp(), X, false, false, true, "forward-mode"));
        check("mm_self_fwd jacobian 0", Functional.jacobian(m -> m.mm(m), M, false, false, true, "forward-mode"));
        List<List<Tensor>> jac = Functional.jacobian(FunctionalTest::two, List.of(X, Y), false, false, true, "forward-mode");
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) check("two_fwd jacobian " + i + "," + j, jac.get(i).get(j));
        // forward-over-reverse Hessians
        List<List<Tensor>> hes = Functional.hessian(FunctionalTest::scalar2, List.of(X, Y), false, false, true, "forward-mode");
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) check("scalar2_fwd hessian " + i + "," + j, hes.get(i).get(j));
        check("sin_mul_fwd hessian 0", Functional.hessian(in -> in.get(0).sin().mul(in.get(0)).sum(), List.of(X), false, false, true, "forward-mode").get(0).get(0));
    }

    @Test
    void independentOutputsGiveZeros() {
        UnaryOperator<Tensor> c = x -> A.sum(new int[] {0}, false);
        check("const jacobian 0", Functional.jacobian(c, X));
        check("const vjp 1", Functional.vjp(c, X, vec(1, 3)).get(1));
        check("const jvp 1", Functional.jvp(c, X, vec(2, 3)).get(1));
    }

    static void error(String key, Executable e) {
        String expected = ERRORS.get(key);
        assertNotNull(expected, key);
        RuntimeException ex = (RuntimeException) assertThrows(RuntimeException.class, e, key);
        assertEquals(expected, ex.getMessage(), key);
    }

    @Test
    void errorsMatchPyTorch() {
        Function<List<Tensor>, List<Tensor>> onlyX = in -> List.of(in.get(0).mul(2.0));
        UnaryOperator<Tensor> linear = x -> x.mul(2.0).sum();
        error("strict_vjp", () -> Functional.vjp(x -> A.sum(new int[] {0}, false).add(X.mul(0.0)), X, vec(1, 3), false, true));
        error("strict_vjp_indep", () -> Functional.vjp(onlyX, List.of(X, Y), List.of(vec(1, 3)), false, true));
        error("strict_jacobian", () -> Functional.jacobian(onlyX, List.of(X, Y), false, true, false));
        error("strict_jvp", () -> Functional.jvp(x -> A.sum(new int[] {0}, false), X, vec(1, 3), false, true));
        error("strict_hessian_linear", () -> Functional.hessian(linear, X, false, true, false));
        error("strict_vhp_linear", () -> Functional.vhp(linear, X, vec(1, 3), false, true));
        error("strict_hvp_linear", () -> Functional.hvp(linear, X, vec(1, 3), false, true));
        error("strict_vectorize", () -> Functional.jacobian(x -> x.exp(), X, false, true, true));
        error("strategy_unknown", () -> Functional.jacobian(x -> x.exp(), X, false, false, false, "sideways"));
        error("strategy_fwd_create_graph", () -> Functional.jacobian(x -> x.exp(), X, true, false, false, "forward-mode"));
        error("strategy_fwd_strict", () -> Functional.jacobian(x -> x.exp(), X, false, true, false, "forward-mode"));
        error("strategy_fwd_no_vectorize", () -> Functional.jacobian(x -> x.exp(), X, false, false, false, "forward-mode"));
        error("v_size", () -> Functional.vjp(x -> x.exp(), X, Torch.ones(2).to(D)));
        error("v_none", () -> Functional.vjp(x -> x.exp(), X, null));
        error("jvp_v_none", () -> Functional.jvp(x -> x.exp(), X, null));
        error("v_tuple_len", () -> Functional.jvp(FunctionalTest::two, List.of(X, Y), List.of(vec(1, 3)), false, false));
        error("v_tuple_size", () -> Functional.jvp(FunctionalTest::two, List.of(X, Y), List.of(vec(1, 3), Torch.ones(2).to(D)), false, false));
        error("hessian_not_scalar", () -> Functional.hessian(x -> x.exp(), X));
        error("hvp_not_scalar", () -> Functional.hvp(x -> x.exp(), X, vec(1, 3)));
    }

    @Test
    void inputsAreNotModifiedOrAttached() {
        Tensor x = X.clone();
        List<Tensor> r = Functional.vjp(t -> t.exp(), x, vec(1, 3));
        assertEquals(false, x.requiresGrad());
        assertEquals(false, r.get(1).requiresGrad());
        List<Tensor> seen = new ArrayList<>();
        Functional.jacobian(t -> {
            seen.add(t);
            return t.exp();
        }, x);
        assertTrue(seen.get(0) != x, "the function sees a fresh tensor, as PyTorch's _grad_preprocess");
    }
}
