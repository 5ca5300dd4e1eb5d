package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * {@link SleefDouble} against PyTorch 1.13.1 ({@code goldens/sleef_f64.txt}, written by
 * {@code tools/goldens/gen_sleef_f64.py}) bit for bit, directly and through {@code torch.exp}/{@code torch.log}
 * on float64 tensors (contiguous and strided, under whichever kernels the build runs).
 */
class SleefDoubleTest {
    private static void check(String name, DoubleUnaryOperator f, java.util.function.UnaryOperator<Tensor> op) {
        List<GoldenFile.Line> lines = GoldenFile.read("sleef_f64.txt").lines();
        for (int i = 0; i < lines.size(); i++) {
            GoldenFile.Line l = lines.get(i);
            if (!l.startsWith("fn " + name + " ")) continue;
            int n = Integer.parseInt(l.token(2));
            double[] x = new double[n];
            long[] want = new long[n];
            for (int k = 0; k < n; k++) {
                GoldenFile.Line v = lines.get(i + 1 + k);
                x[k] = GoldenFile.float64(v.token(0));
                want[k] = GoldenFile.bits(v.token(1));
            }
            Tensor t = Torch.tensor(x, DType.FLOAT64);
            double[] viaTensor = op.apply(t).toDoubleArray();
            Tensor strided = Torch.stack(List.of(t, t), 1).select(1, 0);
            double[] viaStrided = op.apply(strided).toDoubleArray();
            for (int k = 0; k < n; k++) {
                double w = Double.longBitsToDouble(want[k]);
                for (double got : new double[] {f.applyAsDouble(x[k]), viaTensor[k], viaStrided[k]}) {
                    if (!(Double.isNaN(w) && Double.isNaN(got)) && Double.doubleToRawLongBits(got) != want[k]) {
                        fail(name + "(" + x[k] + ") = " + got + ", PyTorch " + w + " (sleef_f64.txt:" + lines.get(i + 1 + k).number() + ")");
                    }
                }
            }
            assertTrue(n > 4000, name + ": " + n + " arguments");
            return;
        }
        fail("no section " + name);
    }

    @Test
    void expAsPyTorch() {
        check("exp", SleefDouble::exp, Tensor::exp);
    }

    @Test
    void logAsPyTorch() {
        check("log", SleefDouble::log, Tensor::log);
    }

    @Test
    void sigmoidVectorFormula() {
        assertEquals(0.5, SleefDouble.sigmoid(0.0));
        assertEquals(1.0 / (SleefDouble.exp(-3.25) + 1.0), SleefDouble.sigmoid(3.25));
    }
}
