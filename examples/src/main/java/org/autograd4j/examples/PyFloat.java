package org.autograd4j.examples;

import java.math.BigDecimal;

/** Python's {@code repr(float)}, so that an example prints {@code loss.item()} as its PyTorch script does. */
final class PyFloat {
    private PyFloat() {
    }

    /**
     * {@code repr(v)}: the shortest digits that read back as {@code v} (Java's {@code Double.toString} finds the
     * same ones), positional for {@code 1e-4 <= |v| < 1e16}, else {@code d.ddde-09} with a two-digit exponent.
     */
    static String repr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = d.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
