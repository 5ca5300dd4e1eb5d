package org.autograd4j.autograd;

import static org.autograd4j.autograd.ForwardADTest.blocks;
import static org.autograd4j.autograd.ForwardADTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Forward-mode AD through the sorting, subscript, rearrange and scatter ops, their in-place forms, the named
 * backward ops (forward over reverse) and custom Functions' {@code jvp}, against {@code goldens/forward_ad_ops.txt}
 * ({@code tools/goldens/gen_forward_ad_ops.py}, PyTorch 1.13.1): tangents as PyTorch prints them, outputs PyTorch
 * leaves without one, and its messages.
 */
class ForwardADOpsTest {
    static final DType D = DType.FLOAT64;

    static Tensor a() {
        return Torch.tensor(new double[][] {{0.5, -1.25, 2.0}, {1.5, 0.25, -0.75}}, D);
    }

    static Tensor ta() {
        return Torch.tensor(new double[][] {{1.0, 0.5, -2.0}, {0.25, -1.0, 3.0}}, D);
    }

    static Tensor b() {
        return Torch.tensor(new double[][] {{0.75, 1.0, -0.5}, {-2.0, 0.125, 1.25}}, D);
    }

    static Tensor tb() {
        return Torch.tensor(new double[][] {{-0.5, 2.0, 1.5}, {0.5, 0.75, -1.25}}, D);
    }

    static Tensor idx() {
        return Torch.tensor(new long[][] {{2, 0, 2}, {1, 1, 0}});
    }

    static Tensor ix(long... v) {
        return Torch.tensor(v);
    }

    static Tensor da() {
        return ForwardAD.makeDual(a(), ta());
    }

    static Tensor db() {
        return ForwardAD.makeDual(b(), tb());
    }

    static Object u(Tensor t) {
        return ForwardAD.unpackDual(t);
    }

    static String tangents(List<Tensor> ts) {
        StringBuilder s = new StringBuilder();
        for (Tensor t : ts) s.append(s.isEmpty() ? "" : " ").append(ForwardAD.unpackDual(t).tangent());
        return s.toString();
    }

    /** {@code f} on a copy of a (no tangent of its own), then a unpacked. */
    static Supplier<Object> inplace(Consumer<Tensor> f) {
        return () -> {
            Tensor w = a().clone();
            f.accept(w);
            return u(w);
        };
    }

    /** Forward over reverse: the tangent of the gradient of {@code sum(f(x)·b)}, through the named backward ops. */
    static Supplier<Object> gradTangent(UnaryOperator<Tensor> f) {
        return () -> {
            Tensor xr = a().requiresGrad_();
            Tensor d = ForwardAD.makeDual(xr, ta());
            Tensor y = f.apply(d).mul(b()).sum();
            Tensor gx = Autograd.grad(List.of(y), List.of(xr), null, true, true, false).get(0);
            Tensor t = ForwardAD.unpackDual(gx).tangent();
            return t == null ? "None" : t.detach();
        };
    }

    /** x³ without jvp. */
    static final class Cube extends Function {
        @Override
        public Object forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            ctx.saveForBackward(x);
            return x.mul(x).mul(x);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.savedTensors().get(0);
            return new Tensor[] {g[0].mul(3.0).mul(x).mul(x)};
        }
    }

    /** x³ with jvp 3x²·t. */
    static class CubeJvp extends Function {
        @Override
        public Object forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            ctx.put("x", x);
            return x.mul(x).mul(x);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.get("x");
            return new Tensor[] {g[0].mul(3.0).mul(x).mul(x)};
        }

        @Override
        public Tensor[] jvp(FunctionCtx ctx, Tensor... t) {
            Tensor x = ctx.get("x");
            return new Tensor[] {t[0].mul(3.0).mul(x).mul(x)};
        }
    }

    /** (x·k, x + y) with a non-tensor k. */
    static final class ScaleShift extends Function {
        @Override
        public Object forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0], y = (Tensor) args[2];
            double k = (Double) args[1];
            ctx.put("k", k);
            return List.of(x.mul(k), x.add(y));
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            double k = ctx.get("k");
            return new Tensor[] {g[0].mul(k).add(g[1]), null, g[1]};
        }

        @Override
        public Tensor[] jvp(FunctionCtx ctx, Tensor... t) {
            double k = ctx.get("k");
            if (t[1] != null) throw new AssertionError("a non-tensor argument has no tangent");
            return new Tensor[] {t[0].mul(k), t[0].add(t[2])};
        }
    }

    /** A jvp returning one tangent too many. */
    static final class WrongCount extends CubeJvp {
        @Override
        public Tensor[] jvp(FunctionCtx ctx, Tensor... t) {
            return new Tensor[] {t[0], t[0]};
        }
    }

    @Test
    void matchesPyTorch() throws IOException {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("split", () -> tangents(da().split(2, 1)));
        c.put("split_sizes", () -> tangents(da().split(new long[] {1, 2}, 1)));
        c.put("chunk", () -> tangents(da().chunk(2, 0)));
        c.put("unbind", () -> tangents(da().unbind(1)));
        c.put("sort", () -> u(da().sort(1).values()));
        c.put("topk", () -> u(da().topk(2, 1).values()));
        c.put("kthvalue", () -> u(da().kthvalue(2, 1).values()));
        c.put("median_all", () -> u(da().median()));
        c.put("median_dim", () -> u(da().median(0).values()));
        c.put("median_nan", () -> u(ForwardAD.makeDual(Torch.tensor(new double[] {1, Double.NaN, 3}, D), ta().select(0, 0)).median()));
        c.put("nanmedian_nan", () -> u(ForwardAD.makeDual(Torch.tensor(new double[] {1, Double.NaN, 3}, D), ta().select(0, 0)).nanmedian()));
        c.put("mode", () -> u(ForwardAD.makeDual(Torch.tensor(new double[][] {{1, 2, 1}, {3, 3, 0.5}}, D), ta()).mode(1).values()));
        c.put("cummax", () -> u(da().cummax(1).values()));
        c.put("cummin", () -> u(da().cummin(0).values()));
        c.put("index", () -> u(da().index(ix(1, 0, 1))));
        c.put("index_mask", () -> u(da().index(a().gt(0.0))));
        c.put("masked_select", () -> u(da().maskedSelect(a().gt(0.0))));
        c.put("take", () -> u(da().take(ix(5, 0, 3))));
        c.put("flip", () -> u(da().flip(1)));
        c.put("roll", () -> u(da().roll(1)));
        c.put("repeat", () -> u(da().repeat(1, 2)));
        c.put("tril", () -> u(da().tril()));
        c.put("diagonal", () -> u(da().diagonal(1, 0, 1)));
        c.put("diag", () -> u(da().select(0, 0).diag()));
        c.put("trace", () -> u(da().trace()));
        c.put("cross", () -> u(da().cross(db(), -1)));
        c.put("kron", () -> u(da().kron(db())));
        c.put("scatter", () -> u(da().scatter(1, idx(), db())));
        c.put("scatter_value", () -> u(da().scatter(1, idx(), 1.5)));
        c.put("scatter_reduce_sum", () -> u(da().scatterReduce(1, idx(), db(), "sum")));
        c.put("scatter_reduce_mean", () -> u(da().scatterReduce(1, idx(), db(), "mean", false)));
        c.put("scatter_reduce_amax", () -> u(da().scatterReduce(1, idx(), db(), "amax")));
        c.put("scatter_reduce_amin_noself", () -> u(da().scatterReduce(1, idx(), db(), "amin", false)));
        c.put("scatter_reduce_prod", () -> u(da().scatterReduce(1, idx(), db(), "prod")));
        c.put("index_copy", () -> u(da().indexCopy(1, ix(2, 0), db().narrow(1, 0, 2))));
        c.put("index_fill", () -> u(da().indexFill(1, ix(1), -1.0)));
        c.put("index_fill_tensor", () -> u(da().indexFill(1, ix(1), ForwardAD.makeDual(Torch.tensor(2.0).to(D), Torch.tensor(-3.0).to(D)))));
        c.put("index_add_alpha", () -> u(da().indexAdd(1, ix(2, 0), db().narrow(1, 0, 2), 2.0)));
        c.put("scatter_inplace", inplace(w -> w.scatter_(1, idx(), db())));
        c.put("scatter_add_inplace", inplace(w -> w.scatterAdd_(1, idx(), db())));
        c.put("scatter_reduce_inplace", inplace(w -> w.scatterReduce_(1, idx(), db(), "amax", true)));
        c.put("scatter_reduce_prod_inplace", inplace(w -> w.scatterReduce_(1, idx(), db(), "prod", true)));
        c.put("scatter_reduce_prod_into_dual", () -> {
            Tensor w = ForwardAD.makeDual(a().clone(), ta());
            try {
                w.scatterReduce_(1, idx(), b(), "prod", true);
                return "no error";
            } catch (IllegalStateException e) {
                return e.getMessage() + " " + u(w);
            }
        });
        c.put("index_add_inplace", inplace(w -> w.indexAdd_(1, ix(2, 0), db().narrow(1, 0, 2), 2.0)));
        c.put("index_copy_inplace", inplace(w -> w.indexCopy_(1, ix(2, 0), db().narrow(1, 0, 2))));
        c.put("index_fill_inplace_dual", () -> u(ForwardAD.makeDual(a().clone(), ta()).indexFill_(1, ix(0), 4.0)));
        c.put("index_put_inplace", inplace(w -> w.indexPut_(new Object[] {ix(1, 0)}, db())));
        c.put("index_put_accumulate", inplace(w -> w.indexPut_(new Object[] {ix(1, 1)}, db(), true)));
        c.put("masked_scatter_inplace", inplace(w -> w.maskedScatter_(a().gt(0.0), db())));
        c.put("tril_inplace", () -> u(ForwardAD.makeDual(a().clone(), ta()).tril_()));
        c.put("setitem_row", inplace(w -> w.indexPut_(new Object[] {0}, ForwardAD.makeDual(b().select(0, 1), tb().select(0, 1)))));
        c.put("setitem_scalar", inplace(w -> w.indexPut_(new Object[] {1}, ForwardAD.makeDual(Torch.tensor(2.0).to(D), Torch.tensor(-3.0).to(D)))));
        c.put("fwd_over_rev_sigmoid", gradTangent(Tensor::sigmoid));
        c.put("fwd_over_rev_relu", gradTangent(Tensor::relu));
        c.put("fwd_over_rev_leaky_relu", gradTangent(t -> t.leakyRelu(0.1)));
        c.put("fwd_over_rev_hardtanh", gradTangent(Tensor::hardtanh));
        c.put("fwd_over_rev_softplus", gradTangent(Tensor::softplus));
        c.put("fwd_over_rev_elu", gradTangent(Tensor::elu));
        c.put("fwd_over_rev_softmax", gradTangent(t -> t.softmax(1)));
        c.put("fwd_over_rev_log_softmax", gradTangent(t -> t.logSoftmax(1)));
        c.put("unique", () -> Torch.unique(da()));
        c.put("unique_consecutive_dim", () -> Torch.uniqueConsecutive(da(), false, false, 1));
        c.put("unique_dim", () -> Torch.unique(da(), true, false, false, 0));
        c.put("function_no_jvp", () -> u(new Cube().apply(da())));
        c.put("function_jvp", () -> u(new CubeJvp().apply(da())));
        c.put("function_jvp_two", () -> tangents(new ScaleShift().applyAll(da(), 3.0, b())));
        c.put("function_jvp_count", () -> u(new WrongCount().apply(da())));
        c.put("function_plain_input", () -> u(new Cube().apply(a())));
        Map<String, String> expected = blocks("/goldens/forward_ad_ops.txt");
        assertEquals(expected.keySet(), c.keySet());
        for (Map.Entry<String, Supplier<Object>> e : c.entrySet()) {
            assertEquals(expected.get(e.getKey()), text(ForwardADTest.inLevel(e.getValue())), e.getKey());
        }
    }
}
