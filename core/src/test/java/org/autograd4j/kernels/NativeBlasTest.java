package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The optional system BLAS: off unless asked for; where an OpenBLAS is installed, its products over every
 * transpose combination and offsets agree with a double-precision reference (within float32 rounding).
 */
class NativeBlasTest {
    private static final String LIB = "/usr/lib/x86_64-linux-gnu/libopenblas.so.0";

    @Test
    void offByDefault() {
        assertNull(System.getProperty(NativeBlas.PROPERTY));
        assertNull(NativeBlas.get());
    }

    @Test
    void stridesBlasCanRead() {
        assertTrue(NativeBlas.accepts(3, 4, 4, 1));
        assertTrue(NativeBlas.accepts(3, 4, 1, 3));
        assertTrue(NativeBlas.accepts(1, 4, 0, 1));
        assertFalse(NativeBlas.accepts(3, 4, 8, 2));
        assertFalse(NativeBlas.accepts(3, 4, 2, 1));
    }

    @Test
    void productsMatchAReference() {
        Assumptions.assumeTrue(Files.isReadable(Path.of(LIB)), "no OpenBLAS on this machine");
        NativeBlas blas = NativeBlas.open(LIB);
        Random r = new Random(3);
        for (int[] mnk : new int[][] {{1, 1, 1}, {3, 5, 7}, {17, 13, 31}, {64, 64, 64}, {100, 3, 257}}) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    float[] a = new float[m * k + 2], b = new float[k * n + 1];
                    double[] ad = new double[a.length], bd = new double[b.length];
                    for (int i = 0; i < a.length; i++) ad[i] = a[i] = (float) r.nextGaussian();
                    for (int i = 0; i < b.length; i++) bd[i] = b[i] = (float) r.nextGaussian();
                    int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
                    float[] c = new float[m * n + 3];
                    double[] cd = new double[m * n + 3];
                    blas.sgemm(m, n, k, a, 2, ars, acs, b, 1, brs, bcs, c, 3, n);
                    blas.dgemm(m, n, k, ad, 2, ars, acs, bd, 1, brs, bcs, cd, 3, n);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double ref = 0, mag = 0;
                            for (int p = 0; p < k; p++) {
                                double t = (double) a[2 + i * ars + p * acs] * b[1 + p * brs + j * bcs];
                                ref += t;
                                mag += Math.abs(t);
                            }
                            assertEquals(ref, cd[3 + i * n + j], 1e-12 * (mag + 1), "dgemm");
                            assertEquals(ref, c[3 + i * n + j], 1e-6 * (mag + 1), "sgemm " + m + "x" + n + "x" + k + " " + ta + tb);
                        }
                    }
                }
            }
        }
    }
}
