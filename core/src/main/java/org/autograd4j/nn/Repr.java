package org.autograd4j.nn;

/** Python's {@code repr} of the values that extra reprs print. */
final class Repr {
    private Repr() {
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, {@code 1.0} not {@code 1}, {@code 1e-05} style. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (long) v + ".0";
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 16) {
            String digits = d.unscaledValue().abs().toString();
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return d.toPlainString();
    }

    /** Python's {@code repr(bool)}. */
    static String pyBool(boolean b) {
        return b ? "True" : "False";
    }
}
