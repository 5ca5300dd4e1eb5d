package org.autograd4j.nn;

/** Python's {@code repr} of the values that extra reprs print. */
final class Repr {
    private Repr() {
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
