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

    /** Python's {@code repr(tuple)} of ints: {@code (3, 3)}, {@code (4,)}. */
    static String pyTuple(long[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(", ");
            b.append(v[i]);
        }
        return b.append(v.length == 1 ? ",)" : ")").toString();
    }

    /** Python's {@code repr(tuple)} of ints. */
    static String pyTuple(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return pyTuple(l);
    }

    /** PyTorch's {@code _pair(x)}: one value stands for both dims. */
    static int[] pair(int[] v, String what) {
        if (v.length == 1) return new int[] {v[0], v[0]};
        if (v.length != 2) throw new IllegalArgumentException(what + " must be an int or a pair of ints, got " + pyTuple(v));
        return v.clone();
    }
}
