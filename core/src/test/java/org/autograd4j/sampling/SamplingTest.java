package org.autograd4j.sampling;

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
            Mt19937 g = new Mt19937(7);
            Mt19937 ref = new Mt19937(7);
            int n = 200;
            Storage s = Storage.allocate(dt, n);
            Sampling.random(g, s, 0, n);
            for (int i = 0; i < n; i++) {
                long expected = switch (dt) {
                    case INT64 -> ref.nextU64() & Long.MAX_VALUE;
                    case FLOAT32 -> (ref.nextU32() & 0xffffffffL) % ((1L << 24) + 1);
                    case FLOAT64 -> Long.remainderUnsigned(ref.nextU64(), (1L << 53) + 1);
                    case BOOL -> (ref.nextU32() & 0xffffffffL) & 1;
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
        Sampling.bernoulli(new Mt19937(3), f64, 0, n, 0.3);
        for (DType dt : new DType[] {DType.FLOAT32, DType.INT64, DType.BOOL}) {
            Storage s = Storage.allocate(dt, n);
            Sampling.bernoulli(new Mt19937(3), s, 0, n, 0.3);
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
            Sampling.bernoulli(new Mt19937(11), p, 0, same, 0, n);
            for (DType ot : DType.values()) {
                Storage out = Storage.allocate(ot, n);
                Sampling.bernoulli(new Mt19937(11), p, 0, out, 0, n);
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
        Sampling.randint(new Mt19937(5), ref, 0, n, 0, 2);
        Storage b = Storage.allocate(DType.BOOL, n);
        Sampling.randint(new Mt19937(5), b, 0, n, 0, 2);
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], b.getLong(i));
        }
        assertEquals("from is out of bounds for bool", message(() -> Sampling.randint(any(), b, 0, 1, -1, 1)));
        assertEquals("to - 1 is out of bounds for bool", message(() -> Sampling.randint(any(), b, 0, 1, 0, 3)));
    }

    @Test
    void randintIsOneAlgorithmForInt64AndFloats() {
        // small bounds: update_from/update_to change nothing, so the values are the int64 ones
        int n = 100;
        Storage l = Storage.allocate(DType.INT64, n);
        Sampling.randint(new Mt19937(9), l, 0, n, -50, 1000);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Storage f = Storage.allocate(dt, n);
            Sampling.randint(new Mt19937(9), f, 0, n, -50, 1000);
            for (int i = 0; i < n; i++) {
                assertEquals((double) l.getLong(i), f.getDouble(i));
            }
        }
        // float32: high = 2^40 becomes 2^40 - 2^16 (update_to), low = -2^40 + 1 rounds to -2^40 + 2^16
        Storage f = Storage.allocate(DType.FLOAT32, 1000);
        Sampling.randint(new Mt19937(9), f, 0, 1000, -(1L << 40) + 1, 1L << 40);
        for (int i = 0; i < 1000; i++) {
            double v = f.getDouble(i);
            assertTrue(v >= -(1L << 40) && v < (1L << 40), "in range: " + v);
        }
    }

    @Test
    void geometricIntoInt64IsTheDoubleSampleTruncated() {
        int n = 100;
        Storage d = Storage.allocate(DType.FLOAT64, n);
        Sampling.geometric(new Mt19937(2), d, 0, n, 0.3);
        Storage l = Storage.allocate(DType.INT64, n);
        Sampling.geometric(new Mt19937(2), l, 0, n, 0.3);
        for (int i = 0; i < n; i++) {
            assertEquals((long) d.getDouble(i), l.getLong(i));
        }
        Sampling.geometric(new Mt19937(2), l, 0, 2, 1e-300);   // log(1 - p) == 0: -inf, x86 gives INT64_MIN
        assertEquals(Long.MIN_VALUE, l.getLong(0));
    }

    @Test
    void writesOnlyItsRange() {
        Storage s = new Storage.F64(new double[] {-7, -7, -7, -7, -7, -7, -7, -7, -7, -7});
        Sampling.exponential(new Mt19937(4), s, 3, 4, 1.0);
        for (int i = 0; i < 10; i++) {
            assertEquals(i >= 3 && i < 7, s.getDouble(i) >= 0, "element " + i);
        }
        Storage f = Storage.allocate(DType.FLOAT32, 40);
        Sampling.normal(new Mt19937(4), f, 20, 20, 0, 1, true);   // fill path, tail block redrawn
        for (int i = 0; i < 20; i++) {
            assertEquals(0.0, f.getDouble(i));
        }
    }

    @Test
    void dispatchErrorsArePyTorchs() {
        Storage l = Storage.allocate(DType.INT64, 3);
        Storage b = Storage.allocate(DType.BOOL, 3);
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'",
                message(() -> Sampling.uniform(any(), l, 0, 3, 0, 1)));
        assertEquals("normal expects std >= 0.0, but found std -1",
                message(() -> Sampling.normal(any(), b, 0, 3, 0, -1, true)));
        assertEquals("\"normal_kernel_cpu\" not implemented for 'Bool'",
                message(() -> Sampling.normal(any(), b, 0, 3, 0, 1, true)));
        assertEquals("\"exponential_cpu\" not implemented for 'Long'",
                message(() -> Sampling.exponential(any(), l, 0, 3, 1)));
        assertEquals("log_normal_ expects std > 0.0, but found std=0",
                message(() -> Sampling.logNormal(any(), l, 0, 3, 1, 0)));
        assertEquals("\"log_normal_cpu\" not implemented for 'Long'",
                message(() -> Sampling.logNormal(any(), l, 0, 3, 1, 2)));
        assertEquals("\"cauchy_cpu\" not implemented for 'Long'",
                message(() -> Sampling.cauchy(any(), l, 0, 3, 0, 1)));
        assertEquals("\"geometric_cpu\" not implemented for 'Bool'",
                message(() -> Sampling.geometric(any(), b, 0, 3, 0.5)));
        assertEquals("\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'",
                message(() -> Sampling.bernoulli(any(), l, 0, b, 0, 3)));
        assertEquals("multinomial only supports floating-point dtypes for input, got: Long",
                message(() -> Sampling.multinomial(any(), l, 0, 1, 3, 1, true, Storage.allocate(DType.INT64, 1), 0)));
        // library-specific: the storage entry point fills int64 only (torch.randperm's float dtypes cast afterwards)
        assertEquals("randperm fills int64 storage, got torch.float32",
                message(() -> Sampling.randperm(any(), Storage.allocate(DType.FLOAT32, 3), 0, 3)));
        assertEquals("n must be non-negative, got-1", message(() -> Sampling.randperm(any(), l, 0, -1)));
    }

    @Test
    void argumentErrorsUsePyTorchMessages() {
        Mt19937 g = any();
        assertEquals("normal expects std >= 0.0, but found std -1",
                message(() -> Sampling.normal(g, f32(1), 0, 1, 0, -1, true)));
        assertEquals("random_ expects 'from' to be less than 'to', but got from=3 >= to=3",
                message(() -> Sampling.randint(g, Storage.allocate(DType.INT64, 1), 0, 1, 3, 3)));
        assertEquals("bernoulli_ expects p to be in [0, 1], but got p=1.5",
                message(() -> Sampling.bernoulli(g, f32(1), 0, 1, 1.5)));
        assertEquals("uniform_ expects to return a [from, to) range, but found from=2 > to=1",
                message(() -> Sampling.uniform(g, f32(1), 0, 1, 2, 1)));
        assertEquals("cannot sample n_sample > prob_dist.size(-1) samples without replacement",
                message(() -> Sampling.multinomial(g, new Storage.F32(new float[] {1, 2}), 0, 1, 2, 3, false,
                        new Storage.I64(new long[3]), 0)));
        assertArrayEquals(new Mt19937(0).getState(), g.getState(), "argument errors come before any draw");
        assertEquals("1e-07", Sampling.cpp(1e-7));
        assertEquals("123457", Sampling.cpp(123456.7));
        assertEquals("0.1", Sampling.cpp(0.1));
    }

    @Test
    void eachOpHoldsTheEnginesLock() throws Exception {
        Object lock = new Object();
        Mt19937 e = new Mt19937(6, lock);
        float[] out = new float[8];
        Thread t;
        synchronized (lock) {
            t = new Thread(() -> Sampling.uniform(e, new Storage.F32(out), 0, out.length, 0, 1));
            t.start();
            t.join(200);
            assertTrue(t.isAlive(), "the sampler waits for the engine's lock");
            assertArrayEquals(new Mt19937(6).getState(), e.getState(), "no draw yet");
        }
        t.join();
        float[] ref = new float[8];
        Sampling.uniform(new Mt19937(6), new Storage.F32(ref), 0, ref.length, 0, 1);
        assertArrayEquals(ref, out);
    }

    /** A fresh engine, for calls whose argument errors come before any draw. */
    private static Mt19937 any() {
        return new Mt19937(0);
    }

    private static Storage f32(int n) {
        return new Storage.F32(new float[n]);
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
