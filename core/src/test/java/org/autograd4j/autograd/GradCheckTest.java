package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * {@link GradCheck} against {@code goldens/gradcheck.txt} ({@code tools/goldens/gen_gradcheck.py}, PyTorch 1.13.1):
 * passing checks, and PyTorch's exact failure reports for deliberately wrong derivatives ({@code x.detach()·x}, whose
 * autograd derivative is x where the numerical one is 2x), in reverse and forward mode, for several inputs and
 * outputs, and for second derivatives.
 */
class GradCheckTest {
    static final DType D = DType.FLOAT64;

    static Tensor x3() {
        return Torch.tensor(new double[] {0.5, -1.25, 2.0}, D).requiresGrad_();
    }

    static Tensor m22() {
        return Torch.tensor(new double[][] {{0.5, -1.0}, {0.25, 1.5}}, D).requiresGrad_();
    }

    static Tensor b3() {
        return Torch.tensor(new double[] {1.5, 0.25, -0.75}, D).requiresGrad_();
    }

    static String text(Supplier<Object> f) {
        try {
            Object r = f.get();
            return r instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(r);
        } catch (GradCheck.GradcheckError e) {
            return "ERROR GradcheckError: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "ERROR ValueError: " + e.getMessage();
        }
    }

    @Test
    void matchesPyTorch() throws Exception {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        GradCheck.Options fw = GradCheck.options().checkForwardAd(true);
        c.put("pass_sin", () -> GradCheck.gradcheck(x -> x.sin().mul(x), x3()));
        c.put("pass_two_inputs", () -> GradCheck.gradcheck(in -> in.get(0).mul(in.get(1)).exp(), List.of(x3(), b3())));
        c.put("pass_constant_input", () -> GradCheck.gradcheck(in -> in.get(0).mul(in.get(1)), List.of(x3(), b3().detach())));
        c.put("wrong", () -> GradCheck.gradcheck(x -> x.detach().mul(x), x3()));
        c.put("wrong_matrix", () -> GradCheck.gradcheck(x -> x.detach().mul(x), m22()));
        c.put("wrong_scalar_output", () -> GradCheck.gradcheck(x -> x.detach().mul(x).sum(), x3()));
        c.put("wrong_input_1", () -> GradCheck.gradcheck(in -> in.get(0).mul(in.get(1).detach()).add(in.get(1)), List.of(x3(), b3())));
        c.put("wrong_output_1", () -> GradCheck.gradcheckOutputs(in -> List.of(in.get(0).mul(2.0), in.get(0).detach().mul(in.get(0))),
                List.of(x3()), GradCheck.options()));
        c.put("wrong_no_raise", () -> GradCheck.gradcheck(x -> x.detach().mul(x), x3(), GradCheck.options().raiseException(false)));
        c.put("forward_pass", () -> GradCheck.gradcheck(x -> x.sin().mul(x), x3(), fw));
        c.put("forward_wrong", () -> GradCheck.gradcheck(x -> x.detach().mul(x), x3(),
                GradCheck.options().checkForwardAd(true).checkBackwardAd(false)));
        c.put("forward_and_backward_wrong", () -> GradCheck.gradcheck(x -> x.detach().mul(x), x3(), fw));
        c.put("no_input_requires_grad", () -> GradCheck.gradcheck(x -> x.mul(2.0), x3().detach()));
        c.put("loose_tolerance", () -> GradCheck.gradcheck(x -> x.detach().mul(x), x3(), GradCheck.options().atol(10.0)));
        c.put("gradgrad_pass", () -> GradCheck.gradgradcheck(x -> x.sin().mul(x), x3()));
        c.put("gradgrad_pass_two", () -> GradCheck.gradgradcheck(in -> in.get(0).mul(in.get(1)).tanh(), List.of(x3(), b3())));
        Tensor go = Torch.tensor(new double[] {1.0, -0.5, 0.25}, D).requiresGrad_();
        c.put("gradgrad_wrong", () -> GradCheck.gradgradcheck(in -> List.of(in.get(0).mul(in.get(0)).mul(in.get(0).detach())),
                List.of(x3()), List.of(go), GradCheck.options()));
        c.put("gradgrad_wrong_no_raise", () -> GradCheck.gradgradcheck(in -> List.of(in.get(0).mul(in.get(0)).mul(in.get(0).detach())),
                List.of(x3()), List.of(go), GradCheck.options().raiseException(false)));
        Map<String, String> expected = ForwardADTest.blocks("/goldens/gradcheck.txt");
        assertEquals(expected.keySet(), c.keySet());
        for (Map.Entry<String, Supplier<Object>> e : c.entrySet()) {
            assertEquals(expected.get(e.getKey()), text(e.getValue()).stripTrailing(), e.getKey());
        }
    }

    @Test
    void inputsAreRestoredAfterTheCheck() {
        Tensor x = x3();
        double[] before = x.toDoubleArray();
        assertFalse(GradCheck.gradcheck(t -> t.detach().mul(t), x, GradCheck.options().raiseException(false)));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(x.toDoubleArray()));
        assertEquals(null, x.grad(), "gradcheck leaves .grad alone (it uses autograd.grad)");
    }

    @Test
    void needsOneOfTheModes() {
        assertThrows(IllegalArgumentException.class,
                () -> GradCheck.gradcheck(t -> t.sin(), x3(), GradCheck.options().checkBackwardAd(false)));
    }
}
