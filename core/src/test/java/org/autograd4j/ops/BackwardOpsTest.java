package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Second and third derivatives through the named backward ops ({@link BackwardOps}, {@code tanh_backward}) against
 * PyTorch 1.13.1 ({@code goldens/backward_ops.txt}, from {@code tools/goldens/gen_backward_ops.py}): the double
 * backward runs each op's own {@code derivatives.yaml} formula, and the third order that formula's derivative. In
 * float64, within 4 ulps of max(1, |value|) per element (the formulas are PyTorch's; sums of three terms may be
 * grouped differently).
 */
class BackwardOpsTest {
    static final Map<String, UnaryOperator<Tensor>> OPS = Map.of(
            "sigmoid", Tensor::sigmoid,
            "tanh", Tensor::tanh,
            "softplus", x -> x.softplus(2.0, 3.0),
            "elu", x -> x.elu(0.7),
            "relu", x -> x.relu().mul(x),
            "hardtanh", x -> x.hardtanh(-1.0, 1.5).mul(x),
            "leaky_relu", x -> x.leakyRelu(0.2).mul(x),
            "softmax", x -> x.softmax(0).mul(x),
            "log_softmax", x -> x.logSoftmax(0).mul(x));

    @TestFactory
    Stream<DynamicTest> higherDerivatives() {
        return GoldenFile.read("backward_ops.txt").lines().stream().map(line -> DynamicTest.dynamicTest(line.token(0) + " "
                + line.token(1), () -> {
            String[] tok = line.tokens();
            double[] want = GoldenFile.values(DType.FLOAT64, tok, 2);
            Tensor x = Torch.tensor(new double[] {-1.3, 0.4, 2.1}, DType.FLOAT64).requiresGrad_();
            Tensor g = Autograd.grad(List.of(OPS.get(tok[0]).apply(x).sum()), List.of(x), null, true, true, false).get(0);
            Tensor g2 = Autograd.grad(List.of(g.pow(2L).sum()), List.of(x), null, true, true, true).get(0);
            double[] got;
            if (tok[1].equals("g2")) {
                got = g2.toDoubleArray();
            } else {
                Tensor g3 = Autograd.grad(List.of(g2.pow(2L).sum()), List.of(x), null, false, false, true).get(0);
                got = g3 == null ? new double[3] : g3.toDoubleArray();
            }
            assertEquals(want.length, got.length);
            for (int i = 0; i < want.length; i++) {
                double tol = 4 * Math.ulp(Math.max(1.0, Math.abs(want[i])));
                assertEquals(want[i], got[i], tol, line.token(0) + " " + tok[1] + " element " + i);
            }
        }));
    }
}
