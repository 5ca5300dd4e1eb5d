package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Init} against PyTorch 1.13.1's {@code torch.nn.init}, bit for bit: the nn.init lines of
 * {@code goldens/random.txt} ({@code tools/goldens/gen_random.py}: kaiming, xavier and {@code nn.Linear}'s
 * reset on float32) and the {@code init} lines of {@code goldens/random_tensor.txt}
 * ({@code tools/goldens/gen_random_tensor.py}: every initialiser on float32 and float64 leaves that require
 * grad). Every such line follows a {@code seed} line, which seeds the default generator here.
 */
class InitTest {

    private record Case(String file, int line, long seed, String command, long[] expected) {
    }

    @TestFactory
    Stream<DynamicTest> randomTxtGoldens() {
        List<Case> cases = cases("random.txt",
                c -> c.startsWith("kaiming_") || c.startsWith("xavier_") || c.startsWith("linear "));
        assertEquals(48, cases.size(), "nn.init cases in random.txt");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " line " + c.line() + ": " + c.command(),
                () -> compare(c, runRandomTxt(c))));
    }

    @TestFactory
    Stream<DynamicTest> randomTensorTxtGoldens() {
        List<Case> cases = cases("random_tensor.txt", c -> c.startsWith("init "));
        assertEquals(136, cases.size(), "init cases in random_tensor.txt");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " line " + c.line() + ": " + c.command(),
                () -> compare(c, runRandomTensorTxt(c))));
    }

    // random.txt: "kaiming_uniform 8x3x3x3 <a> fan_in leaky_relu", "xavier_normal 2x3 <gain>", "linear IN OUT",
    // all on float32 tensors created as torch.empty(shape).
    private static long[] runRandomTxt(Case c) {
        String[] a = c.command().split(" ");
        Torch.manualSeed(c.seed());
        if (a[0].equals("linear")) {
            // nn.Linear(in, out).reset_parameters(): kaiming_uniform_(weight, a=√5), then
            // bias ~ U(−1/√fan_in, 1/√fan_in)
            int in = Integer.parseInt(a[1]);
            int out = Integer.parseInt(a[2]);
            Tensor w = Init.kaimingUniform_(Torch.zeros(new long[] {out, in}, DType.FLOAT32), Math.sqrt(5), "fan_in",
                    "leaky_relu");
            long fanIn = Init.calculateFanInAndFanOut(w)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt((double) fanIn) : 0;
            Tensor b = Init.uniform_(Torch.zeros(new long[] {out}, DType.FLOAT32), -bound, bound);
            long[] wb = GoldenFile.bitsOf(w);
            long[] bb = GoldenFile.bitsOf(b);
            long[] both = new long[wb.length + bb.length];
            System.arraycopy(wb, 0, both, 0, wb.length);
            System.arraycopy(bb, 0, both, wb.length, bb.length);
            return both;
        }
        Tensor t = Torch.zeros(GoldenFile.shape(a[1]), DType.FLOAT32);
        double p = Double.parseDouble(a[2]);
        Tensor r = switch (a[0]) {
            case "kaiming_uniform" -> Init.kaimingUniform_(t, p, a[3], a[4]);
            case "kaiming_normal" -> Init.kaimingNormal_(t, p, a[3], a[4]);
            case "xavier_uniform" -> Init.xavierUniform_(t, p);
            case "xavier_normal" -> Init.xavierNormal_(t, p);
            default -> throw new IllegalArgumentException(a[0]);
        };
        assertSame(t, r, "initialises in place");
        return GoldenFile.bitsOf(t);
    }

    // random_tensor.txt: "init NAME DT SHAPE ARGS...", on a leaf that requires grad.
    private static long[] runRandomTensorTxt(Case c) {
        String[] a = c.command().split(" ");
        Torch.manualSeed(c.seed());
        Tensor t = Torch.zeros(GoldenFile.shape(a[3]), GoldenFile.dtype(a[2])).requiresGrad_();
        Tensor r = switch (a[1]) {
            case "kaiming_uniform_default" -> Init.kaimingUniform_(t);
            case "kaiming_uniform" -> Init.kaimingUniform_(t, d(a[4]), a[5], a[6]);
            case "kaiming_normal_default" -> Init.kaimingNormal_(t);
            case "kaiming_normal" -> Init.kaimingNormal_(t, d(a[4]), a[5], a[6]);
            case "xavier_uniform_default" -> Init.xavierUniform_(t);
            case "xavier_uniform" -> Init.xavierUniform_(t, d(a[4]));
            case "xavier_normal_default" -> Init.xavierNormal_(t);
            case "xavier_normal" -> Init.xavierNormal_(t, d(a[4]));
            case "uniform" -> Init.uniform_(t, d(a[4]), d(a[5]));
            case "uniform_default" -> Init.uniform_(t);
            case "normal" -> Init.normal_(t, d(a[4]), d(a[5]));
            case "normal_default" -> Init.normal_(t);
            case "constant" -> Init.constant_(t, d(a[4]));
            case "zeros" -> Init.zeros_(t);
            case "ones" -> Init.ones_(t);
            default -> throw new IllegalArgumentException(a[1]);
        };
        assertTrue(r == t && t.requiresGrad() && t.isLeaf() && t.gradFn() == null, "init keeps the leaf");
        return GoldenFile.bitsOf(t.detach());
    }

    private static void compare(Case c, long[] actual) {
        long[] e = c.expected();
        assertEquals(e.length, actual.length, "length");
        for (int i = 0; i < e.length; i++) {
            if (e[i] != actual[i]) {
                fail("value " + i + ": expected " + Long.toHexString(e[i]) + ", got " + Long.toHexString(actual[i]));
            }
        }
    }

    // ------------------------------------------------------------------ formulas and errors

    @Test
    void fansAsInPython() {
        assertArrayEquals(new long[] {27, 72}, Init.calculateFanInAndFanOut(Torch.zeros(8, 3, 3, 3)));
        assertArrayEquals(new long[] {3, 4}, Init.calculateFanInAndFanOut(Torch.zeros(4, 3)));
        assertEquals("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.calculateFanInAndFanOut(Torch.zeros(3))).getMessage());
        assertEquals(72, Init.correctFan(new long[] {8, 3, 3, 3}, "FAN_OUT"));
        assertEquals("Mode fan not supported, please use one of ['fan_in', 'fan_out']",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.correctFan(new long[] {2, 2}, "Fan")).getMessage());
        assertEquals("Mode fan not supported, please use one of ['fan_in', 'fan_out']", assertThrows(IllegalArgumentException.class,
                () -> Init.kaimingUniform_(Torch.zeros(2, 2), 0, "fan", "relu")).getMessage());
    }

    @Test
    void gainsAsInPython() {
        assertEquals(1.0, Init.calculateGain("linear"));
        assertEquals(1.0, Init.calculateGain("conv2d"));
        assertEquals(1.0, Init.calculateGain("sigmoid"));
        assertEquals(5.0 / 3, Init.calculateGain("tanh"));
        assertEquals(Math.sqrt(2.0), Init.calculateGain("relu"));
        assertEquals(Math.sqrt(2.0 / (1 + 0.01 * 0.01)), Init.calculateGain("leaky_relu"));
        assertEquals(Math.sqrt(2.0 / (1 + 0.2 * 0.2)), Init.calculateGain("leaky_relu", 0.2));
        assertEquals(0.75, Init.calculateGain("selu"));
        assertEquals("Unsupported nonlinearity gelu",
                assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("gelu")).getMessage());
    }

    @Test
    void boundsAsInPython() {
        // nn.Linear(3, 4): kaiming_uniform_(a=sqrt(5)) bound, one ulp off 1/sqrt(3) as in PyTorch.
        assertEquals(0.5773502691896257,
                Math.sqrt(3.0) * Init.kaimingStd(new long[] {4, 3}, Math.sqrt(5), "fan_in", "leaky_relu"));
        assertEquals(Math.sqrt(2.0 / 30), Init.xavierStd(new long[] {20, 10}, 1));
    }

    @Test
    void kaimingLeavesZeroElementTensorsAlone() {
        Tensor t = Torch.zeros(0, 3);
        assertSame(t, Init.kaimingUniform_(t));
        assertSame(t, Init.kaimingNormal_(t));
    }

    // ------------------------------------------------------------------ helpers

    /** The lines of {@code file} whose command passes {@code keep}, with the seed of the line before each. */
    private static List<Case> cases(String file, java.util.function.Predicate<String> keep) {
        List<Case> cases = new ArrayList<>();
        GoldenFile.Line previous = null;
        for (GoldenFile.Line line : GoldenFile.read(file).lines()) {
            if (line.has(" = ") && keep.test(line.before(" = "))) {
                if (previous == null || !previous.startsWith("seed ")) {
                    fail(line.where() + " does not follow a seed line");
                }
                cases.add(new Case(file, line.number(), GoldenFile.uint64(previous.token(1)), line.before(" = "),
                        GoldenFile.bitsList(line.after(" = "))));
            }
            previous = line;
        }
        return cases;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
