package org.autograd4j.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Python's float repr: round-trips, and is no longer than Java's shortest text. */
class PyReprTest {
    @Property
    void floatReprReadsBackToTheSameDouble(@ForAll double v) {
        String r = PyRepr.floatRepr(v);
        if (Double.isNaN(v)) assertEquals("nan", r);
        else assertEquals(v, Double.parseDouble(r.replace("inf", "Infinity")));
    }

    @Test
    void randomBitsRoundTrip() {
        Random g = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(g.nextLong());
            if (Double.isNaN(v)) continue;
            String r = PyRepr.floatRepr(v);
            assertEquals(v, Double.parseDouble(r.replace("inf", "Infinity")), r);
        }
    }
}
