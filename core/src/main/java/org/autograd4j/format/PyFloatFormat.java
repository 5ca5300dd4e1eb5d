package org.autograd4j.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting ({@code format(v, '.Nf')} and {@code format(v, '.Ne')}), digit for digit.
 *
 * <p>Python rounds the exact binary value half-to-even; {@link String#format} rounds half-up, so the
 * digits come from {@link BigDecimal} here.
 */
public final class PyFloatFormat {
    private PyFloatFormat() {}

    /**
     * Python's {@code format(v, '.{decimals}f')}: e.g. {@code formatFixed(0.03125, 4)} is {@code "0.0312"},
     * {@code formatFixed(-0.0, 0)} is {@code "-0"}, NaN is {@code "nan"}, infinities {@code "inf"}/{@code "-inf"}.
     *
     * @param v        the value
     * @param decimals digits after the point, at least 0 (0 prints no point, as Python)
     */
    public static String formatFixed(double v, int decimals) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String digits = new BigDecimal(v).abs().setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) ? "-" + digits : digits;
    }

    /**
     * Python's {@code format(v, '.{decimals}e')}: mantissa with {@code decimals} digits after the point, and a
     * signed exponent of at least two digits, e.g. {@code formatScientific(1e-5, 4)} is {@code "1.0000e-05"}.
     *
     * @param v        the value
     * @param decimals digits after the point of the mantissa, at least 0
     */
    public static String formatScientific(double v, int decimals) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        StringBuilder sb = new StringBuilder(decimals + 8);
        if (negative(v)) {
            sb.append('-');
        }
        String digits;
        int exp;
        if (v == 0) {
            digits = "0";
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            // value = digits * 10^-scale, so the leading digit sits at 10^(len-1-scale)
            exp = digits.length() - 1 - r.scale();
        }
        sb.append(digits.charAt(0));
        if (decimals > 0) {
            sb.append('.');
            for (int k = 1; k <= decimals; k++) {
                sb.append(k < digits.length() ? digits.charAt(k) : '0');
            }
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        return sb.append(a).toString();
    }

    /** Python's text for nan and the infinities (nan never shows a sign), or null for finite values. */
    static String special(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** True for values with the sign bit set, -0.0 included (Python prints "-0."). */
    private static boolean negative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }
}
