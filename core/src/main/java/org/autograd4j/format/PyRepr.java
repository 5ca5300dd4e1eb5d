package org.autograd4j.format;

import java.math.BigDecimal;

/**
 * Python's {@code repr} of its scalar types: {@code float} (the shortest text that reads back to the same
 * double), {@code str} (quoted and escaped), {@code bool} and {@code None}. The API's {@code Torch.str} builds
 * Python's {@code print} text of lists, tuples and tensors on these.
 */
public final class PyRepr {
    private PyRepr() {}

    /**
     * Python's {@code repr(v)} of a float: the shortest digits that round-trip, in positional notation when the
     * decimal exponent is in [-4, 16), else as {@code d.ddde±XX}; e.g. {@code 0.1}, {@code 12345678.0},
     * {@code 1e+16}, {@code 1e-05}, {@code 9.999999747378752e-06}, {@code inf}, {@code nan}, {@code -0.0}.
     *
     * @param v the value
     * @return Python's text
     */
    public static String floatRepr(double v) {
        String special = PyFloatFormat.special(v);
        if (special != null) return special;
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        if (v == 0) return neg ? "-0.0" : "0.0";
        // Double.toString gives the shortest round-trip digits (JDK 19+, Ryu-like); only their layout differs
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int decpt = digits.length() - d.scale(); // value = 0.digits × 10^decpt
        if (digits.length() == 2) {
            // Java never prints fewer than two digits (4.9E-324), Python prints one when one round-trips (5e-324)
            BigDecimal exact = new BigDecimal(Math.abs(v));
            BigDecimal best = null;
            for (int c = digits.charAt(0) - '0'; c <= digits.charAt(0) - '0' + 1; c++) {
                BigDecimal cand = BigDecimal.valueOf(c).scaleByPowerOfTen(decpt - 1);
                if (cand.doubleValue() != Math.abs(v)) continue;
                if (best == null || cand.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) best = cand;
            }
            if (best != null) {
                best = best.stripTrailingZeros();
                digits = best.unscaledValue().toString();
                decpt = digits.length() - best.scale();
            }
        }
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (neg) sb.append('-');
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                for (int i = 0; i < -decpt; i++) sb.append('0');
                sb.append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits);
                for (int i = digits.length(); i < decpt; i++) sb.append('0');
                sb.append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            int e = decpt - 1;
            sb.append(e < 0 ? "e-" : "e+");
            int a = Math.abs(e);
            if (a < 10) sb.append('0');
            sb.append(a);
        }
        return sb.toString();
    }

    /**
     * Python's {@code repr(s)} of a str: single quotes unless the text holds a single quote and no double quote,
     * with backslash, the quote, and control characters escaped as Python does ({@code \n}, {@code \t},
     * {@code \r}, {@code \xNN}).
     *
     * @param s the text
     * @return Python's quoted text
     */
    public static String strRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append(q).toString();
    }

    /**
     * Python's {@code repr} of a bool.
     *
     * @param b the value
     * @return {@code True} or {@code False}
     */
    public static String boolRepr(boolean b) {
        return b ? "True" : "False";
    }
}
