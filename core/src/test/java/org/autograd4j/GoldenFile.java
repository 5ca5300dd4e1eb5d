package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.autograd4j.math.Libm;

/**
 * One golden file of {@code core/src/test/resources/goldens/} (written by real PyTorch through the scripts in
 * {@code tools/goldens/}), read the one way every golden test reads them: UTF-8 lines, without the blank lines
 * and the {@code #} comments, each with its line number; plus the value parsers the formats share (hex bits of
 * float32 and float64 values, int64, bool, shapes, dtype names) and the bit-for-bit comparison the random
 * goldens share. What a line means is the test's business.
 */
public final class GoldenFile {
    private final String name;
    private final List<Line> lines;

    private GoldenFile(String name, List<Line> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** One line of a golden file: its 1-based number in the file and its text. */
    public record Line(String file, int number, String text) {
        /** The text split at single spaces after trimming it; none for an empty text. */
        public String[] tokens() {
            String t = text.trim();
            return t.isEmpty() ? new String[0] : t.split(" ");
        }

        /** Token {@code i} of {@link #tokens()}. */
        public String token(int i) {
            String[] t = tokens();
            if (i >= t.length) throw error("no token " + i);
            return t[i];
        }

        /** The text after the first {@code k} single spaces, untrimmed (a message that ends the line). */
        public String rest(int k) {
            int at = 0;
            for (int i = 0; i < k; i++) {
                at = text.indexOf(' ', at) + 1;
                if (at == 0) throw error("fewer than " + (k + 1) + " tokens");
            }
            return text.substring(at);
        }

        public boolean startsWith(String prefix) {
            return text.startsWith(prefix);
        }

        /** Whether the text holds {@code separator} ({@code " = "} in random.txt, a tab in engine.txt). */
        public boolean has(String separator) {
            return text.contains(separator);
        }

        /** The text before the first {@code separator}. */
        public String before(String separator) {
            return text.substring(0, at(separator));
        }

        /** The text after the first {@code separator}, as it stands. */
        public String after(String separator) {
            return text.substring(at(separator) + separator.length());
        }

        private int at(String separator) {
            int i = text.indexOf(separator);
            if (i < 0) throw error("no '" + separator + "'");
            return i;
        }

        /** {@code file:number}, for failure messages. */
        public String where() {
            return file + ":" + number;
        }

        /** An exception that names this line. */
        public IllegalArgumentException error(String what) {
            return new IllegalArgumentException(where() + ": " + what + ": " + text);
        }
    }

    /** {@code goldens/<name>}, without its blank lines and {@code #} comments. */
    public static GoldenFile read(String name) {
        return read(name, null);
    }

    /**
     * {@code goldens/<name>}, without its blank lines and its {@code #} comments other than the lines that
     * begin with {@code header} (printing.txt's {@code #case } lines are data), which stay.
     */
    public static GoldenFile read(String name, String header) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String s; (s = r.readLine()) != null; ) {
                n++;
                if (s.isBlank() || (s.startsWith("#") && (header == null || !s.startsWith(header)))) continue;
                lines.add(new Line(name, n, s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenFile(name, lines);
    }

    /** From the test class path, or from the source tree when run outside Maven (an IDE, another directory). */
    private static InputStream open(String name) throws IOException {
        InputStream in = GoldenFile.class.getResourceAsStream("/goldens/" + name);
        if (in != null) return in;
        for (String dir : new String[] {"src/test/resources/goldens/", "core/src/test/resources/goldens/"}) {
            Path p = Path.of(dir + name);
            if (Files.exists(p)) return Files.newInputStream(p);
        }
        throw new IOException("missing test resource goldens/" + name);
    }

    public String name() {
        return name;
    }

    /** The data lines, in file order. */
    public List<Line> lines() {
        return lines;
    }

    // ------------------------------------------------------------------ value parsers

    /** Unsigned hex bits ({@code 3f800000}, {@code ffffffffffffffff}) as a long. */
    public static long bits(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    /** Space-separated hex bits; none for an empty text. */
    public static long[] bitsList(String text) {
        String t = text.trim();
        if (t.isEmpty()) return new long[0];
        String[] v = t.split(" ");
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) r[i] = bits(v[i]);
        return r;
    }

    /** The float32 value of 8 hex digits of bits, widened exactly. */
    public static double float32(String hex) {
        return Float.intBitsToFloat(Integer.parseUnsignedInt(hex, 16));
    }

    /** The float64 value of 16 hex digits of bits. */
    public static double float64(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    /** A decimal int64 ({@code -300}). */
    public static long int64(String s) {
        return Long.parseLong(s);
    }

    /** A decimal uint64 (a seed, up to {@code 18446744073709551615}) in a long's 64 bits. */
    public static long uint64(String s) {
        return Long.parseUnsignedLong(s);
    }

    /** {@code 1} or {@code 0}. */
    public static boolean bool(String s) {
        return switch (s) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("not a golden bool: " + s);
        };
    }

    /** One element as a double: float32/float64 as hex bits, int64 in decimal, bool as 1 or 0. */
    public static double value(DType t, String s) {
        return switch (t) {
            case FLOAT32 -> float32(s);
            case FLOAT64 -> float64(s);
            case INT64 -> int64(s);
            case BOOL -> bool(s) ? 1 : 0;
        };
    }

    /** The elements {@code tokens[from..]} of dtype t, as {@link #value}. */
    public static double[] values(DType t, String[] tokens, int from) {
        double[] r = new double[tokens.length - from];
        for (int i = 0; i < r.length; i++) r[i] = value(t, tokens[from + i]);
        return r;
    }

    /** A shape as the goldens write it: {@code [2,3]}, {@code (2,3)}, {@code []} or {@code 2x3}. */
    public static long[] shape(String s) {
        boolean bracketed = s.length() >= 2 && (s.charAt(0) == '[' && s.endsWith("]") || s.charAt(0) == '(' && s.endsWith(")"));
        String body = bracketed ? s.substring(1, s.length() - 1) : s;
        if (body.isEmpty()) return new long[0];
        String[] p = body.split(bracketed ? "," : "x");
        long[] r = new long[p.length];
        for (int i = 0; i < p.length; i++) r[i] = Long.parseLong(p[i].trim());
        return r;
    }

    /** {@link #shape} as ints, as layouts take them. */
    public static int[] intShape(String s) {
        long[] l = shape(s);
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) r[i] = Math.toIntExact(l[i]);
        return r;
    }

    /** A dtype by PyTorch's name ({@code float32}, {@code float64}, {@code int64}, {@code bool}) or the short one ({@code f32}, {@code f64}, {@code i64}). */
    public static DType dtype(String s) {
        return switch (s) {
            case "float32", "f32" -> DType.FLOAT32;
            case "float64", "f64" -> DType.FLOAT64;
            case "int64", "i64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException("not a golden dtype: " + s);
        };
    }

    /** Undoes the {@code \\} and {@code \n} escapes of gen_engine.py's values. */
    public static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The raw bits of t's elements as the goldens write them: float32's 32 bits, float64's 64, else the value. */
    public static long[] bitsOf(Tensor t) {
        return switch (t.dtype()) {
            case FLOAT32 -> {
                float[] v = t.toFloatArray();
                long[] r = new long[v.length];
                for (int i = 0; i < v.length; i++) r[i] = Float.floatToRawIntBits(v[i]) & 0xffffffffL;
                yield r;
            }
            case FLOAT64 -> {
                double[] v = t.toDoubleArray();
                long[] r = new long[v.length];
                for (int i = 0; i < v.length; i++) r[i] = Double.doubleToRawLongBits(v[i]);
                yield r;
            }
            default -> t.toLongArray();
        };
    }

    /**
     * Fails unless {@code actual} equals {@code expected} bit for bit. {@code libm}: the values go through
     * Libm's log or exp (named in the message; see {@code org.autograd4j.math.LibmTest} for the functions' own
     * check against glibc), which are bit-identical to glibc with either implementation.
     */
    public static void compareBits(int line, String command, long[] expected, long[] actual, boolean libm) {
        assertEquals(expected.length, actual.length, "length");
        int bad = 0;
        int first = -1;
        long maxUlp = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                if (first < 0) {
                    first = i;
                }
                bad++;
                maxUlp = Math.max(maxUlp, Math.abs(expected[i] - actual[i]));
            }
        }
        if (bad == 0) {
            return;
        }
        String msg = bad + " of " + expected.length + " values differ (max " + maxUlp + " ulp); first at " + first + ": expected "
                + Long.toHexString(expected[first]) + ", got " + Long.toHexString(actual[first]);
        fail(libm ? msg + " (values computed through Libm's glibc ports)" : msg);
    }

    /**
     * The most ulps by which a float64 golden sample computed through Libm's sin, cos or tan may differ from
     * PyTorch's when {@link Libm#matchesGlibc()} is false. java.lang.Math's sin/cos/tan are 1 ulp off glibc's
     * for a fraction of a percent of arguments; after the multiplications and fused multiply-adds of the
     * samplers that is at most 2 ulp in every golden (measured). It is not a bound for every mean and std: where
     * {@code mean + std·z} cancels, or exp amplifies a large {@code std·z}, the same absolute difference is
     * more ulps of the result (the README's measurement: up to 96 ulp for normal_(2, 3) near 0, 8 for
     * log_normal_(1, 2)).
     */
    public static final long LIBM_MAX_ULPS = 2;

    private static final AtomicLong LIBM_VALUES = new AtomicLong();
    private static final AtomicLong LIBM_DIFFERENT = new AtomicLong();
    private static final AtomicLong LIBM_WORST = new AtomicLong();

    /**
     * Compares values that PyTorch computes through glibc's sin, cos or tan (float64 normal, log-normal,
     * Cauchy): bit for bit when {@link Libm#matchesGlibc()} (the {@code autograd4j-glibc-math} provider is
     * installed) or for another dtype than float64 (float32 results are the double rounded once, which the
     * goldens show unchanged); otherwise each value must be within {@link #LIBM_MAX_ULPS} ulps of the
     * golden's, and the differing values are counted ({@link #libmSummary()}).
     */
    public static void compareLibm(int line, String command, DType dtype, long[] expected, long[] actual) {
        if (Libm.matchesGlibc() || dtype != DType.FLOAT64) {
            compareBits(line, command, expected, actual, true);
            return;
        }
        assertEquals(expected.length, actual.length, "length");
        int bad = 0;
        int worstAt = -1;
        long worst = 0;
        for (int i = 0; i < expected.length; i++) {
            long u = ulps(expected[i], actual[i]);
            if (u != 0) {
                bad++;
                if (u > worst) {
                    worst = u;
                    worstAt = i;
                }
            }
        }
        LIBM_VALUES.addAndGet(expected.length);
        LIBM_DIFFERENT.addAndGet(bad);
        LIBM_WORST.accumulateAndGet(worst, Math::max);
        if (worst > LIBM_MAX_ULPS) {
            fail(bad + " of " + expected.length + " values differ from PyTorch's, by up to " + worst + " ulp (at "
                    + worstAt + ": expected " + Long.toHexString(expected[worstAt]) + ", got "
                    + Long.toHexString(actual[worstAt]) + "), more than the " + LIBM_MAX_ULPS + " ulp allowed without "
                    + "the glibc provider (Libm uses " + Libm.implementation() + ")");
        }
    }

    /**
     * What {@link #compareLibm} let through without the glibc provider since the last call, for the tests'
     * logs (each golden test class prints it after its cases); empty when it compared bit for bit.
     */
    public static synchronized String libmSummary() {
        long values = LIBM_VALUES.getAndSet(0);
        long different = LIBM_DIFFERENT.getAndSet(0);
        long worst = LIBM_WORST.getAndSet(0);
        if (values == 0) return "";
        return different + " of " + values + " float64 values through sin/cos/tan differ from PyTorch's"
                + (different > 0 ? ", by 1.." + worst + " ulp" : "") + " (Libm: " + Libm.implementation() + ")";
    }

    /** The distance in ulps between two doubles given as raw bits (0 for two NaNs). */
    public static long ulps(long a, long b) {
        if (a == b) return 0;
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        if (Double.isNaN(x) && Double.isNaN(y)) return 0;
        if (Double.isNaN(x) || Double.isNaN(y)) return Long.MAX_VALUE;
        // sign-magnitude to a monotone integer scale
        long ia = a < 0 ? Long.MIN_VALUE - a : a;
        long ib = b < 0 ? Long.MIN_VALUE - b : b;
        long d = ia - ib;
        boolean overflow = ((ia ^ ib) & (ia ^ d)) < 0;
        return overflow || d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d);
    }

    /** The Java method name of a PyTorch name in a golden file: {@code leaky_relu} → {@code leakyRelu}. */
    public static String javaName(String pytorchName) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : pytorchName.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
