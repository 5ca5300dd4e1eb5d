/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
package org.autograd4j.glibcmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.math.Libm;
import org.junit.jupiter.api.Test;

/**
 * The library finds this provider. Runs twice: in this module's own tests (module path: found through
 * module-info's {@code provides}) and in the {@code core-tests-with-glibc} execution (class path: found
 * through {@code META-INF/services}), where it guards core's tests against passing with the built-in
 * functions instead.
 */
class ProviderTest {

    @Test
    void libmUsesTheGlibcProvider() {
        assertEquals(new GlibcFloat64Math().name(), Libm.implementation());
        assertTrue(Libm.matchesGlibc());
        System.out.println("[glibc-math] Libm uses " + Libm.implementation() + ", found on the "
                + (GlibcFloat64Math.class.getModule().isNamed() ? "module path" : "class path"));
    }

    @Test
    void serviceFileNamesTheProvider() throws IOException {
        try (InputStream in = GlibcFloat64Math.class.getResourceAsStream(
                "/META-INF/services/org.autograd4j.spi.Float64Math")) {
            assertNotNull(in, "META-INF/services/org.autograd4j.spi.Float64Math");
            assertEquals(GlibcFloat64Math.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** What PyTorch 1.13.1 gives for torch.manual_seed(0); torch.randn(3, dtype=torch.float64) (random.txt). */
    @Test
    void float64RandnIsPyTorchs() {
        Torch.manualSeed(0);
        Tensor t = Torch.randn(new long[] {3}, DType.FLOAT64);
        double[] v = t.toDoubleArray();
        long[] expected = {0x3ff8a7eb8902be3aL, 0xbfd2c78a087c6feaL, 0xc0016e2920a70ee5L};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], Double.doubleToRawLongBits(v[i]), "element " + i);
        }
    }
}
