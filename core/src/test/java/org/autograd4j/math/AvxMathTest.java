package org.autograd4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link AvxMath}'s float32 log and sincos: accurate to float rounding on the samplers' ranges. Their exact
 * bits (PyTorch's AVX2 lanes) are checked by the float32 randn/normal goldens of the random tests.
 */
class AvxMathTest {

    @Test
    void logAndSinCosAreAccurate() {
        float[] sc = new float[2];
        for (int i = 1; i <= 1000; i++) {
            float x = i / 1000f;
            assertEquals(Math.log(x), AvxMath.log(x), 2e-7);
            float t = (float) (2 * Math.PI * x);
            AvxMath.sincos(t, sc);
            assertEquals(Math.sin(t), sc[0], 3e-7);
            assertEquals(Math.cos(t), sc[1], 3e-7);
        }
    }

    @Test
    void logSpecialValuesAsTheAvxCode() {
        assertEquals(0f, AvxMath.log(1f));
        assertTrue(Float.isNaN(AvxMath.log(-1f)));
        assertTrue(Float.isNaN(AvxMath.log(0f)));
        assertTrue(Float.isNaN(AvxMath.log(Float.NaN)));
    }

    @Test
    void sincosOfZeroAndItsSign() {
        float[] sc = new float[2];
        AvxMath.sincos(0f, sc);
        assertEquals(0f, sc[0]);
        assertEquals(1f, sc[1]);
        AvxMath.sincos(-0f, sc);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(sc[0]));
    }
}
