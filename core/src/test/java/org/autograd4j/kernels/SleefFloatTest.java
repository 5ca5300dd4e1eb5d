package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.autograd4j.kernels.vector.VectorSleefFloat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SleefFloat} against PyTorch 1.13.1 ({@code goldens/sleef_f32.txt}, written by
 * {@code tools/goldens/gen_sleef.py}) bit for bit, and {@link VectorSleefFloat} against {@link SleefFloat} bit
 * for bit over odd sizes and offsets.
 */
class SleefFloatTest {

    /** A span function: {@code o[oo..oo+n) = f(x[xo..xo+n))}. */
    interface Span {
        void apply(float[] x, int xo, float[] o, int oo, int n);
    }

    /** One golden section: PyTorch's arguments (and second arguments for atan2) and results, as bits. */
    record Section(int[] x, int[] x2, int[] y) {
    }

    static final Map<String, Section> GOLDENS = new LinkedHashMap<>();

    static final Map<String, Span> PLAIN = new LinkedHashMap<>();
    static final Map<String, Span> VECTOR = new LinkedHashMap<>();

    static {
        PLAIN.put("exp", SleefFloat::exp);
        PLAIN.put("log", SleefFloat::log);
        PLAIN.put("log2", SleefFloat::log2);
        PLAIN.put("log10", SleefFloat::log10);
        PLAIN.put("log1p", SleefFloat::log1p);
        PLAIN.put("expm1", SleefFloat::expm1);
        PLAIN.put("tanh", SleefFloat::tanh);
        PLAIN.put("erf", SleefFloat::erf);
        PLAIN.put("erfc", SleefFloat::erfc);
        PLAIN.put("asin", SleefFloat::asin);
        PLAIN.put("acos", SleefFloat::acos);
        PLAIN.put("atan", SleefFloat::atan);
        PLAIN.put("sin", SleefFloat::sin);
        PLAIN.put("cos", SleefFloat::cos);
        PLAIN.put("tan", SleefFloat::tan);
        PLAIN.put("sinh", SleefFloat::sinh);
        PLAIN.put("cosh", SleefFloat::cosh);
        PLAIN.put("sigmoid", SleefFloat::sigmoid);

        VECTOR.put("exp", VectorSleefFloat::exp);
        VECTOR.put("log", VectorSleefFloat::log);
        VECTOR.put("log2", VectorSleefFloat::log2);
        VECTOR.put("log10", VectorSleefFloat::log10);
        VECTOR.put("log1p", VectorSleefFloat::log1p);
        VECTOR.put("expm1", VectorSleefFloat::expm1);
        VECTOR.put("tanh", VectorSleefFloat::tanh);
        VECTOR.put("erf", VectorSleefFloat::erf);
        VECTOR.put("erfc", VectorSleefFloat::erfc);
        VECTOR.put("asin", VectorSleefFloat::asin);
        VECTOR.put("acos", VectorSleefFloat::acos);
        VECTOR.put("atan", VectorSleefFloat::atan);
        VECTOR.put("sin", VectorSleefFloat::sin);
        VECTOR.put("cos", VectorSleefFloat::cos);
        VECTOR.put("tan", VectorSleefFloat::tan);
        VECTOR.put("sinh", VectorSleefFloat::sinh);
        VECTOR.put("cosh", VectorSleefFloat::cosh);
        VECTOR.put("sigmoid", VectorSleefFloat::sigmoid);
    }

    @BeforeAll
    static void load() throws IOException {
        if (!GOLDENS.isEmpty()) {
            return;
        }
        try (InputStream in = SleefFloatTest.class.getResourceAsStream("/goldens/sleef_f32.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] head = line.split(" ");
                assertEquals("fn", head[0], line);
                int n = Integer.parseInt(head[2]);
                boolean two = head[1].equals("atan2");
                int[] x = new int[n];
                int[] x2 = two ? new int[n] : null;
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    String[] f = r.readLine().split(" ");
                    x[i] = Integer.parseUnsignedInt(f[0], 16);
                    if (two) {
                        x2[i] = Integer.parseUnsignedInt(f[1], 16);
                    }
                    y[i] = Integer.parseUnsignedInt(f[two ? 2 : 1], 16);
                }
                GOLDENS.put(head[1], new Section(x, x2, y));
            }
        }
    }

    static float[] floats(int[] bits) {
        float[] f = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            f[i] = Float.intBitsToFloat(bits[i]);
        }
        return f;
    }

    /** The distance in ulps between two finite floats of the same sign, or MAX_VALUE. */
    static long ulps(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        long ia = Float.floatToRawIntBits(a);
        long ib = Float.floatToRawIntBits(b);
        ia = ia < 0 ? 0x80000000L - ia : ia; // to a monotone integer line (−0 and +0 both 0)
        ib = ib < 0 ? 0x80000000L - ib : ib;
        return Math.abs(ia - ib);
    }

    /** Counts of bit mismatches against a reference: all, those where both are NaN, the largest ulp error. */
    record Diff(int n, int bitsDiffer, int nanBitsOnly, long maxUlps, String first) {
        static Diff of(int[] want, float[] got, int from, int to) {
            int bad = 0;
            int nan = 0;
            long max = 0;
            String first = null;
            for (int i = from; i < to; i++) {
                int g = Float.floatToRawIntBits(got[i]);
                if (g != want[i]) {
                    float w = Float.intBitsToFloat(want[i]);
                    if (Float.isNaN(w) && Float.isNaN(got[i])) {
                        nan++;
                    } else {
                        bad++;
                        max = Math.max(max, ulps(w, got[i]));
                        if (first == null) {
                            first = String.format("index %d: want %08x got %08x", i, want[i], g);
                        }
                    }
                }
            }
            return new Diff(to - from, bad, nan, max, first);
        }

        @Override
        public String toString() {
            return String.format("%d values: %d differ (max %d ulp), %d NaN payloads differ%s", n, bitsDiffer,
                    maxUlps, nanBitsOnly, first == null ? "" : "; first " + first);
        }
    }

    static Stream<String> unaryNames() {
        return PLAIN.keySet().stream();
    }

    static float[] run(Span f, float[] x) {
        float[] o = new float[x.length];
        f.apply(x, 0, o, 0, x.length);
        return o;
    }

    @ParameterizedTest
    @MethodSource("unaryNames")
    void plainSpanMatchesPyTorchBitForBit(String name) {
        Section s = GOLDENS.get(name);
        float[] got = run(PLAIN.get(name), floats(s.x));
        // sigmoid's last n % 16 take the scalar formula, whose expf is approximated: checked on its own below
        int to = name.equals("sigmoid") ? s.x.length - s.x.length % SleefFloat.CHUNK : s.x.length;
        Diff d = Diff.of(s.y, got, 0, to);
        System.out.println("SleefFloat." + name + " vs PyTorch: " + d);
        assertEquals(0, d.bitsDiffer, name + ": " + d);
        assertEquals(0, d.nanBitsOnly, name + ": " + d);
    }

    @Test
    void plainAtan2MatchesPyTorchBitForBit() {
        Section s = GOLDENS.get("atan2");
        float[] y = floats(s.x);
        float[] x = floats(s.x2);
        float[] got = new float[y.length];
        SleefFloat.atan2(y, 0, x, 0, got, 0, y.length);
        Diff d = Diff.of(s.y, got, 0, y.length);
        System.out.println("SleefFloat.atan2 vs PyTorch: " + d);
        assertEquals(0, d.bitsDiffer, d.toString());
        assertEquals(0, d.nanBitsOnly, d.toString());
    }

    @Test
    void sigmoidScalarFormulaIsWithinTwoUlpsOfPyTorch() {
        Section s = GOLDENS.get("sigmoid_scalar");
        float[] x = floats(s.x);
        float[] got = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            got[i] = SleefFloat.sigmoidScalar(x[i]);
        }
        Diff d = Diff.of(s.y, got, 0, x.length);
        System.out.println("SleefFloat.sigmoidScalar vs PyTorch's scalar path (glibc expf): " + d);
        // (float) Math.exp is correctly rounded; glibc's expf is not always, and 1 ulp there is up to 2 here
        assertTrue(d.maxUlps <= 2, d.toString());
        assertTrue(d.bitsDiffer * 100 <= x.length, d.toString()); // at most 1 % of values 1 ulp off
        Section v = GOLDENS.get("sigmoid");
        float[] span = run(SleefFloat::sigmoid, floats(v.x));
        Diff tail = Diff.of(v.y, span, v.x.length - v.x.length % SleefFloat.CHUNK, v.x.length);
        assertTrue(tail.maxUlps <= 2, tail.toString());
    }

    @Test
    void trigonometricSpansGroupEightLanesAsSleef() {
        // A small argument whose last bit depends on the reduction SLEEF picks for its vector of 8
        float small = Float.NaN;
        for (float x : floats(GOLDENS.get("sin").x)) {
            if (Math.abs(x) < 125f && SleefFloat.sin(x, true) != SleefFloat.sin(x, false)) {
                small = x;
                break;
            }
        }
        assertTrue(!Float.isNaN(small), "no small argument whose two reductions differ");
        float[] x = new float[20];
        java.util.Arrays.fill(x, small);
        x[3] = 1e6f; // lanes 0-7 take Payne–Hanek, 8-15 and the tail 16-19 Cody–Waite
        for (Span f : List.of((Span) SleefFloat::sin, VectorSleefFloat::sin)) {
            float[] o = run(f, x);
            assertEquals(SleefFloat.sin(small, true), o[0]);
            assertEquals(SleefFloat.sin(small, true), o[7]);
            assertEquals(SleefFloat.sin(small, false), o[8]);
            assertEquals(SleefFloat.sin(small, false), o[19]);
            // in place: the group's choice is made before any lane is overwritten
            for (Span g : List.of((Span) SleefFloat::sin, VectorSleefFloat::sin, SleefFloat::cos, VectorSleefFloat::cos,
                    SleefFloat::tan, VectorSleefFloat::tan)) {
                float[] expected = run(g, x), y = x.clone();
                g.apply(y, 0, y, 0, y.length);
                assertArrayEquals(expected, y, "in place");
            }
        }
    }

    @Test
    void scalarFunctionsAreTheSpansLanes() {
        for (String name : List.of("exp", "log", "tanh", "erf")) {
            float[] x = floats(GOLDENS.get(name).x);
            float[] span = run(PLAIN.get(name), x);
            for (int i = 0; i < x.length; i++) {
                float one = switch (name) {
                    case "exp" -> SleefFloat.exp(x[i]);
                    case "log" -> SleefFloat.log(x[i]);
                    case "tanh" -> SleefFloat.tanh(x[i]);
                    default -> SleefFloat.erf(x[i]);
                };
                assertEquals(Float.floatToRawIntBits(span[i]), Float.floatToRawIntBits(one), name + " " + i);
            }
        }
    }

    static final int[] SIZES = {1, 4, 6, 8, 13, 16, 17, 25, 31, 64, 100, 1023, 4096, 4098};

    /** Arguments for the vector checks: the function's golden arguments, shuffled, repeated to 4200 + 8. */
    static float[] pool(String name, long seed) {
        float[] g = floats(GOLDENS.get(name).x);
        List<Float> all = new ArrayList<>();
        for (float f : g) {
            all.add(f);
        }
        java.util.Collections.shuffle(all, new Random(seed));
        float[] p = new float[4200 + 8];
        for (int i = 0; i < p.length; i++) {
            p[i] = all.get(i % all.size());
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("unaryNames")
    void vectorSpanMatchesPlainBitForBit(String name) {
        Span plain = PLAIN.get(name);
        Span vector = VECTOR.get(name);
        for (long seed = 0; seed < 2; seed++) {
            float[] x = pool(name, seed);
            if (seed == 1 && GOLDENS.get(name).x.length > 2000) {
                // a pool of small arguments only, so sin/cos/tan vectors take their fast path too
                float[] small = floats(GOLDENS.get(name).x);
                System.arraycopy(small, 0, x, 0, Math.min(small.length, 2000));
            }
            for (int n : SIZES) {
                for (int xo = 0; xo < 4; xo++) {
                    int oo = (xo * 3) % 4;
                    float[] want = new float[n + 8];
                    float[] got = new float[n + 8];
                    java.util.Arrays.fill(want, 42f);
                    java.util.Arrays.fill(got, 42f);
                    plain.apply(x, xo, want, oo, n);
                    vector.apply(x, xo, got, oo, n);
                    for (int i = 0; i < want.length; i++) {
                        if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                            throw new AssertionError(String.format("%s n=%d xo=%d oo=%d: o[%d] for x=%08x: plain"
                                    + " %08x vector %08x", name, n, xo, oo, i,
                                    i >= oo && i < oo + n ? Float.floatToRawIntBits(x[xo + i - oo]) : 0,
                                    Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i])));
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorSpansWorkInPlace() {
        float[] x = pool("tanh", 7);
        float[] want = run(SleefFloat::tanh, x);
        VectorSleefFloat.tanh(x, 0, x, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(x[i]));
        }
    }

    @Test
    void vectorAtan2MatchesPlainBitForBit() {
        Section s = GOLDENS.get("atan2");
        float[] y = floats(s.x);
        float[] x = floats(s.x2);
        for (int n : SIZES) {
            n = Math.min(n, y.length - 4);
            for (int off = 0; off < 3; off++) {
                float[] want = new float[n];
                float[] got = new float[n];
                SleefFloat.atan2(y, off, x, 2 - off, want, 0, n);
                VectorSleefFloat.atan2(y, off, x, 2 - off, got, 0, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]),
                            "atan2 n=" + n + " off=" + off + " i=" + i);
                }
            }
        }
    }
}
