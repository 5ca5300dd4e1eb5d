package org.autograd4j.ops;

import static org.autograd4j.ops.OpChecks.assertGradClose;
import static org.autograd4j.ops.OpChecks.gaussian;
import static org.autograd4j.ops.OpChecks.shapeOf;
import static org.autograd4j.ops.OpChecks.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.ForwardAD;
import org.autograd4j.ops.OpTable.In;
import org.autograd4j.ops.OpTable.Kind;
import org.autograd4j.ops.OpTable.Op;
import org.autograd4j.ops.OpTable.Sample;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward-mode AD over every row of the op table: with a random tangent on each differentiable input, the output's
 * tangent must equal the Jacobian times the tangents, checked two ways: against the reverse-mode gradients
 * ({@code ⟨u, J·t⟩ = Σ_k ⟨(Jᵀu)_k, t_k⟩} for a random u, to rounding) and element by element against central
 * differences of {@code f(x + εt)}. Every op of the table has a forward formula in PyTorch 1.13, as here; the
 * ops without one (the in-place {@code asinh_}, {@code acosh_}, {@code atanh_}) and an op recorded without a
 * formula are checked against PyTorch's message in {@code ForwardADTest} and {@link DualTest}. The rows of
 * {@link #NO_TANGENT} are PyTorch 1.13's exceptions: its formula returns no tangent, so the output has none.
 */
class ForwardADTableTest {
    static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    /**
     * Rows whose output PyTorch 1.13 leaves without a tangent: {@code scatter_reduce_jvp} returns an undefined
     * tensor for "prod" ({@code fwAD.unpack_dual(a.scatter_reduce(..., 'prod')).tangent is None}).
     */
    static final Set<String> NO_TANGENT = Set.of("scatter_reduce_prod", "scatter_reduce_prod_noself", "scatter_reduce_prod_zeros");

    private static List<Integer> diffInputs(Sample s) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < s.inputs().size(); i++) {
            In in = s.inputs().get(i);
            if (in.kind() == Kind.FLOAT && in.diff()) r.add(i);
        }
        return r;
    }

    /** The op's output values at the inputs moved by {@code scale·t} (no graph). */
    private static double[] at(Op op, Sample s, List<Integer> diff, double[][] t, double scale) {
        List<In> ins = new ArrayList<>(s.inputs());
        for (int n = 0; n < diff.size(); n++) {
            int k = diff.get(n);
            double[] d = ins.get(k).data().clone();
            for (int j = 0; j < d.length; j++) d[j] += scale * t[n][j];
            ins.set(k, ins.get(k).withData(d));
        }
        try (GradModeScope ignored = Torch.noGrad()) {
            return op.fn.apply(new Sample(ins, null).make(DType.FLOAT64, false)).toDoubleArray();
        }
    }

    @TestFactory
    Stream<DynamicNode> tangentIsJacobianTimesTangent() {
        List<DynamicNode> rows = new ArrayList<>();
        for (Op op : OpTable.OPS.values()) {
            if (!op.gradcheck) continue;
            List<DynamicTest> tests = new ArrayList<>();
            int i = 0;
            for (Sample s : op.samples()) {
                String label = op.name + "#" + i++ + " " + s.label();
                if (diffInputs(s).isEmpty()) continue;
                tests.add(DynamicTest.dynamicTest(label, () -> check(op, s, label)));
            }
            if (!tests.isEmpty()) rows.add(DynamicContainer.dynamicContainer(op.name, tests));
        }
        return rows.stream();
    }

    private static void check(Op op, Sample s, String label) {
        Random rnd = new Random(label.hashCode());
        List<Integer> diff = diffInputs(s);
        double[][] t = new double[diff.size()][];
        for (int n = 0; n < diff.size(); n++) t[n] = gaussian(rnd, s.inputs().get(diff.get(n)).data().length);
        double[] jvp;
        int[] outShape;
        try (ForwardAD.DualLevel level = ForwardAD.dualLevel()) {
            List<Tensor> ins = new ArrayList<>(s.make(DType.FLOAT64, false));
            for (int n = 0; n < diff.size(); n++) {
                int k = diff.get(n);
                Tensor x = ins.get(k);
                ins.set(k, ForwardAD.makeDual(x, tensor(t[n], shapeOf(x), DType.FLOAT64)));
            }
            Tensor out = op.fn.apply(ins);
            outShape = shapeOf(out);
            Tensor tangent = ForwardAD.unpackDual(out).tangent();
            if (NO_TANGENT.contains(op.name)) {
                assertNull(tangent, label + ": PyTorch 1.13 gives this output no tangent");
                return;
            }
            if (tangent == null) {
                jvp = new double[(int) out.numel()];
            } else {
                assertArrayEquals(outShape, shapeOf(tangent), label + ": tangent shape");
                assertEquals(out.dtype(), tangent.dtype(), label + ": tangent dtype");
                jvp = tangent.toDoubleArray();
            }
        }
        // element by element: central differences along t
        double[] plus = at(op, s, diff, t, EPS), minus = at(op, s, diff, t, -EPS);
        double[] numeric = new double[plus.length];
        double[] value = at(op, s, diff, t, 0);
        for (int j = 0; j < numeric.length; j++) numeric[j] = (plus[j] - minus[j]) / (2 * EPS);
        // where the value itself is not finite (a reduction of nothing) central differences say nothing
        // (there PyTorch's tangent is NaN for some ops, as ours; NaN compares equal to NaN below)
        double[] analytic = jvp.clone();
        for (int j = 0; j < numeric.length; j++) {
            if (!Double.isFinite(value[j])) numeric[j] = analytic[j] = 0;
        }
        assertGradClose(label + ": J·t against central differences", numeric, analytic, ATOL, RTOL);
        // against reverse mode: ⟨u, J·t⟩ = Σ_k ⟨(Jᵀu)_k, t_k⟩
        List<Tensor> ins = s.make(DType.FLOAT64, true);
        Tensor out = op.fn.apply(ins);
        double[] u = gaussian(rnd, (int) out.numel());
        List<Tensor> xs = new ArrayList<>();
        for (int k : diff) xs.add(ins.get(k));
        List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(tensor(u, outShape, DType.FLOAT64)), false, false, true);
        double lhs = 0, rhs = 0, scale = 0;
        for (int j = 0; j < u.length; j++) {
            lhs += u[j] * analytic[j];
            scale += Math.abs(u[j] * analytic[j]);
        }
        for (int n = 0; n < diff.size(); n++) {
            if (grads.get(n) == null) continue;
            double[] g = grads.get(n).toDoubleArray();
            for (int j = 0; j < g.length; j++) {
                rhs += g[j] * t[n][j];
                scale += Math.abs(g[j] * t[n][j]);
            }
        }
        assertTrue(Math.abs(lhs - rhs) <= 1e-9 * (1 + scale) || (Double.isNaN(lhs) && Double.isNaN(rhs)),
                label + ": <u, J·t> = " + lhs + " but <Jᵀu, t> = " + rhs);
    }
}
