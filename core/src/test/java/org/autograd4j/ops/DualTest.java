package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.autograd4j.DType;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.TensorImpl;
import org.junit.jupiter.api.Test;

/** The forward-mode plumbing of {@link Graph#record} and {@link Dual} that no op of the table reaches. */
class DualTest {
    /** The golden block {@code name} of {@code goldens/forward_ad.txt} (PyTorch 1.13.1). */
    static String golden(String name) throws IOException {
        try (InputStream in = DualTest.class.getResourceAsStream("/goldens/forward_ad.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = text.indexOf("## " + name + "\n");
            int start = at + name.length() + 4, end = text.indexOf("\n## ", start);
            return text.substring(start, end < 0 ? text.length() : end).stripTrailing();
        }
    }

    @Test
    void anOpRecordedWithoutAFormulaRaisesPyTorchsError() throws IOException {
        String expected = golden("no_formula_multi_margin_loss").replaceFirst("^ERROR NotImplementedError: ", "");
        int level = DualLevels.enter();
        try {
            TensorImpl x = Dual.makeDual(Creation.full(new int[] {1, 2}, 0.5, DType.FLOAT64), Creation.full(new int[] {1, 2}, 1, DType.FLOAT64));
            TensorImpl out = Creation.full(new int[0], 1, DType.FLOAT64);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Graph.record(out, "MultiMarginLossBackward0", (g, n) -> new TensorImpl[] {g}, x));
            assertEquals(expected, e.getMessage());
            // without a tangent among the inputs nothing is propagated and nothing is raised
            TensorImpl plain = Creation.full(new int[] {2}, 1, DType.FLOAT64);
            Graph.record(out, "MultiMarginLossBackward0", (g, n) -> new TensorImpl[] {g}, plain);
            assertNull(out.tangent(level));
        } finally {
            DualLevels.exit(level);
        }
    }

    @Test
    void opNamesFollowTheNodeNames() {
        assertEquals("index_add", Dual.opName("IndexAddBackward0"));
        assertEquals("copy", Dual.opName("torch::autograd::CopyBackwards"));
    }
}
