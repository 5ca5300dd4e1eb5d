package org.autograd4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Sampling}'s storage entry points beyond what the goldens cover: the dtypes that share one algorithm
 * give the same draws, bool and int64 destinations, the unbounded {@code random_}, offsets, and PyTorch's
 * dispatch errors.
 */
class SamplingTest {

    @Test
    void randomWithoutBoundsIsUniformIntDistributionPerDtype() {
        for (DType dt : DType.values()) {
            Generator g = new Generator(7);
            Generator ref = new Generator(7);
            int n = 200;
            Storage s = Storage.allocate(dt, n);
            Sampling.random(g, s, 0, n);
            for (int i = 0; i < n; i++) {
                long expected = switch (dt) {
                    case INT64 -> ref.random64() & Long.MAX_VALUE;
                    case FLOAT32 -> ref.random() % ((1L << 24) + 1);
                    case FLOAT64 -> Long.remainderUnsigned(ref.random64(), (1L << 53) + 1);
                    case BOOL -> ref.random() & 1;
                };
                assertEquals(expected, s.getLong(i), dt + " element " + i);
            }
            assertArrayEquals(ref.getState(), g.getState(), dt + ": draws per element");
        }
    }

    @Test
    void scalarBernoulliDrawsTheSameIntoEveryDtype() {
        int n = 300;
        Storage f64 = Storage.allocate(DType.FLOAT64, n);
        Sampling.bernoulli(new Generator(3), f64, 0, n, 0.3);
        for (DType dt : new DType[] {DType.FLOAT32, DType.INT64, DType.BOOL}) {
            Storage s = Storage.allocate(dt, n);
            Sampling.bernoulli(new Generator(3), s, 0, n, 0.3);
            for (int i = 0; i < n; i++) {
                assertEquals(f64.getDouble(i), s.getDouble(i), dt + " element " + i);
            }
        }
    }

    @Test
    void bernoulliWithProbabilitiesWritesAnyDtype() {
        int n = 120;
        for (DType pt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Storage p = Storage.allocate(pt, n);
            for (int i = 0; i < n; i++) {
                p.setDouble(i, (i % 11) / 10.0);
            }
            Storage same = Storage.allocate(pt, n);
            Sampling.bernoulli(new Generator(11), p, 0, same, 0, n);
            for (DType ot : DType.values()) {
                Storage out = Storage.allocate(ot, n);
                Sampling.bernoulli(new Generator(11), p, 0, out, 0, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(same.getDouble(i), out.getDouble(i), pt + " -> " + ot + " element " + i);
                }
            }
        }
    }

    @Test
    void randintIntoBoolIsTheThirtyTwoBitKernel() {
        int n = 64;
        int[] ref = new int[n];
        Sampling.randint(new Generator(5), ref, 0, n, 0, 2);
        Storage b = Storage.allocate(DType.BOOL, n);
        Sampling.randint(new Generator(5), b, 0, n, 0, 2);
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], b.getLong(i));
        }
        assertEquals("from is out of bounds for bool", message(() -> Sampling.randint(null, b, 0, 1, -1, 1)));
        assertEquals("to - 1 is out of bounds for bool", message(() -> Sampling.randint(null, b, 0, 1, 0, 3)));
    }

    @Test
    void randintIsOneAlgorithmForInt64AndFloats() {
        // small bounds: update_from/update_to change nothing, so the values are the int64 ones
        int n = 100;
        Storage l = Storage.allocate(DType.INT64, n);
        Sampling.randint(new Generator(9), l, 0, n, -50, 1000);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Storage f = Storage.allocate(dt, n);
            Sampling.randint(new Generator(9), f, 0, n, -50, 1000);
            for (int i = 0; i < n; i++) {
                assertEquals((double) l.getLong(i), f.getDouble(i));
            }
        }
        // float32: high = 2^40 becomes 2^40 - 2^16 (update_to), low = -2^40 + 1 rounds to -2^40 + 2^16
        Storage f = Storage.allocate(DType.FLOAT32, 1000);
        Sampling.randint(new Generator(9), f, 0, 1000, -(1L << 40) + 1, 1L << 40);
        for (int i = 0; i < 1000; i++) {
            double v = f.getDouble(i);
            assertTrue(v >= -(1L << 40) && v < (1L << 40), "in range: " + v);
        }
    }

    @Test
    void geometricIntoInt64IsTheDoubleSampleTruncated() {
        int n = 100;
        Storage d = Storage.allocate(DType.FLOAT64, n);
        Sampling.geometric(new Generator(2), d, 0, n, 0.3);
        Storage l = Storage.allocate(DType.INT64, n);
        Sampling.geometric(new Generator(2), l, 0, n, 0.3);
        for (int i = 0; i < n; i++) {
            assertEquals((long) d.getDouble(i), l.getLong(i));
        }
        Sampling.geometric(new Generator(2), l, 0, 2, 1e-300);   // log(1 - p) == 0: -inf, x86 gives INT64_MIN
        assertEquals(Long.MIN_VALUE, l.getLong(0));
    }

    @Test
    void writesOnlyItsRange() {
        Storage s = new Storage.F64(new double[] {-7, -7, -7, -7, -7, -7, -7, -7, -7, -7});
        Sampling.exponential(new Generator(4), s, 3, 4, 1.0);
        for (int i = 0; i < 10; i++) {
            assertEquals(i >= 3 && i < 7, s.getDouble(i) >= 0, "element " + i);
        }
        Storage f = Storage.allocate(DType.FLOAT32, 40);
        Sampling.normal(new Generator(4), f, 20, 20, 0, 1, true);   // fill path, tail block redrawn
        for (int i = 0; i < 20; i++) {
            assertEquals(0.0, f.getDouble(i));
        }
    }

    @Test
    void dispatchErrorsArePyTorchs() {
        Storage l = Storage.allocate(DType.INT64, 3);
        Storage b = Storage.allocate(DType.BOOL, 3);
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'",
                message(() -> Sampling.uniform(null, l, 0, 3, 0, 1)));
        assertEquals("normal expects std >= 0.0, but found std -1",
                message(() -> Sampling.normal(null, b, 0, 3, 0, -1, true)));
        assertEquals("\"normal_kernel_cpu\" not implemented for 'Bool'",
                message(() -> Sampling.normal(null, b, 0, 3, 0, 1, true)));
        assertEquals("\"exponential_cpu\" not implemented for 'Long'",
                message(() -> Sampling.exponential(null, l, 0, 3, 1)));
        assertEquals("log_normal_ expects std > 0.0, but found std=0",
                message(() -> Sampling.logNormal(null, l, 0, 3, 1, 0)));
        assertEquals("\"log_normal_cpu\" not implemented for 'Long'",
                message(() -> Sampling.logNormal(null, l, 0, 3, 1, 2)));
        assertEquals("\"cauchy_cpu\" not implemented for 'Long'",
                message(() -> Sampling.cauchy(null, l, 0, 3, 0, 1)));
        assertEquals("\"geometric_cpu\" not implemented for 'Bool'",
                message(() -> Sampling.geometric(null, b, 0, 3, 0.5)));
        assertEquals("\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'",
                message(() -> Sampling.bernoulli(null, l, 0, b, 0, 3)));
        assertEquals("multinomial only supports floating-point dtypes for input, got: Long",
                message(() -> Sampling.multinomial(null, l, 0, 1, 3, 1, true, Storage.allocate(DType.INT64, 1), 0)));
        // library-specific: the storage entry point fills int64 only (torch.randperm's float dtypes cast afterwards)
        assertEquals("randperm fills int64 storage, got torch.float32",
                message(() -> Sampling.randperm(null, Storage.allocate(DType.FLOAT32, 3), 0, 3)));
        assertEquals("n must be non-negative, got-1", message(() -> Sampling.randperm(null, l, 0, -1)));
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
