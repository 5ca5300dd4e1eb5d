package org.autograd4j.ops;

/**
 * Reference values for declarations whose function Java's {@code Math} lacks, computed independently of the
 * kernels (which follow fdlibm) so the op tests compare two different algorithms.
 */
final class RefMath {
    private RefMath() {
    }

    /**
     * erf x: the Maclaurin series {@code 2/√π Σ (-1)ⁿ x²ⁿ⁺¹ / (n!(2n+1))} for |x| &lt; 3 (at most ~3 digits of
     * cancellation), else 1 − erfc x with erfc from its continued fraction (Lentz's method).
     */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        if (a < 3) {
            double sum = 0, term = a;
            for (int n = 0; n < 200; n++) {
                double t = term / (2 * n + 1);
                sum += t;
                if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
                term *= -a * a / (n + 1);
            }
            return Math.copySign(2 / Math.sqrt(Math.PI) * sum, x);
        }
        if (a > 27) return Math.copySign(1, x);
        // erfc(a) = e^(-a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …)))))
        double tiny = 1e-300, f = a, c = a, d = 0;
        for (int k = 1; k < 500; k++) {
            double an = k / 2.0;
            d = a + an * d;
            d = d == 0 ? tiny : d;
            c = a + an / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        double erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
        return Math.copySign(1 - erfc, x);
    }
}
