package org.autograd4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.autograd4j.DType;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.Test;

/** Engine, seeding, state and locking of {@link Generator}, plus argument checks of {@link Sampling}. */
class GeneratorTest {

    @Test
    void torchRngStateRoundTripReplaysTheSameNumbers() {
        org.autograd4j.Torch.manualSeed(3);
        org.autograd4j.Torch.randn(5); // leaves a cached normal behind, which the state carries
        byte[] state = org.autograd4j.Torch.getRngState();
        String first = org.autograd4j.Torch.randn(3).toString() + org.autograd4j.Torch.rand(20);
        org.autograd4j.Torch.seed();
        org.autograd4j.Torch.setRngState(state);
        assertEquals(first, org.autograd4j.Torch.randn(3).toString() + org.autograd4j.Torch.rand(20));
    }

    @Test
    void seedZeroMatchesStdMt19937() {
        Generator g = new Generator(0);
        assertEquals(2357136044L, g.random());
        assertEquals(2546248239L, g.random());
        assertEquals(3071714933L, g.random());
    }

    @Test
    void random64IsTwoDrawsHighFirst() {
        Generator a = new Generator(42);
        Generator b = new Generator(42);
        long hi = b.random();
        long lo = b.random();
        assertEquals((hi << 32) | lo, a.random64());
    }

    @Test
    void onlyLow32BitsSeedTheEngineButInitialSeedKeepsAll64() {
        Generator a = new Generator(7);
        Generator b = new Generator((1L << 32) + 7);
        assertEquals(a.random(), b.random());
        assertEquals((1L << 32) + 7, b.initialSeed());
        assertEquals("18446744073709551615", Long.toUnsignedString(new Generator(-1).initialSeed()));
    }

    @Test
    void defaultsLikePyTorch() {
        assertEquals(67280421310721L, new Generator().initialSeed());
        Generator d = Generator.defaultGenerator();
        assertTrue(d == Generator.defaultGenerator());
        long s = new Generator().seed();
        assertTrue(s >= 0 && s < (1L << 53));
    }

    @Test
    void manualSeedClearsTheCachedNormal() {
        Generator g = new Generator(5);
        double first = Sampling.nextStandardNormal(g);   // caches the sine half
        g.manualSeed(5);
        assertEquals(first, Sampling.nextStandardNormal(g));
        double cached = Sampling.nextStandardNormal(g);
        assertNotEquals(first, cached);
    }

    @Test
    void stateRoundTripKeepsEngineAndCache() {
        Generator g = new Generator(123);
        double[] tmp = new double[3];
        Sampling.normal(g, new Storage.F64(tmp), 0, 3, 0, 1, true);   // leaves a cached sample
        g.random();
        byte[] st = g.getState();
        assertEquals(Generator.STATE_SIZE, st.length);
        double[] a = new double[40];
        Sampling.normal(g, new Storage.F64(a), 0, 5, 0, 1, true);
        Sampling.normal(g, new Storage.F64(a), 5, 35, 0, 1, true);
        Generator h = new Generator(1).setState(st);
        double[] b = new double[40];
        Sampling.normal(h, new Storage.F64(b), 0, 5, 0, 1, true);
        Sampling.normal(h, new Storage.F64(b), 5, 35, 0, 1, true);
        assertArrayEquals(a, b);
        assertArrayEquals(g.getState(), h.getState());
        assertEquals(123, h.initialSeed());
        Generator c = h.copy();
        assertEquals(h.random64(), c.random64());
    }

    @Test
    void setStateRejectsBadInput() {
        assertEquals("Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of size 5056 "
                + "but found the input RNG state size to be 10",
                assertThrows(IllegalArgumentException.class, () -> new Generator().setState(new byte[10])).getMessage());
        byte[] st = new Generator().getState();
        st[8] = 0; // left = 0
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Generator().setState(st));
        assertEquals("Invalid mt19937 state", e.getMessage());
    }

    @Test
    void eachOpHoldsTheLockForItsWholeDuration() throws Exception {
        int threads = 8;
        int n = 5000;
        Generator shared = new Generator(99);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<float[]>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                float[] out = new float[n];
                Sampling.uniform(shared, new Storage.F32(out), 0, n, 0, 1);
                return out;
            }));
        }
        List<float[]> got = new ArrayList<>();
        for (Future<float[]> f : fs) {
            got.add(f.get());
        }
        pool.shutdown();
        // Sequential reference: 8 consecutive blocks; every thread's block must be exactly one of them.
        Generator ref = new Generator(99);
        List<float[]> blocks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            float[] out = new float[n];
            Sampling.uniform(ref, new Storage.F32(out), 0, n, 0, 1);
            blocks.add(out);
        }
        for (float[] r : got) {
            assertTrue(blocks.stream().anyMatch(b -> Arrays.equals(b, r)), "interleaved draws");
        }
        assertArrayEquals(ref.getState(), shared.getState());
    }

    @Test
    void nullGeneratorMeansDefault() {
        Generator.defaultGenerator().manualSeed(0);
        float[] a = new float[3];
        Sampling.uniform(null, new Storage.F32(a), 0, 3, 0, 1);
        float[] b = new float[3];
        Sampling.uniform(new Generator(0), new Storage.F32(b), 0, 3, 0, 1);
        assertArrayEquals(b, a);
        assertEquals(0.4963f, a[0], 1e-4f);
    }

    @Test
    void argumentErrorsUsePyTorchMessages() {
        Generator g = new Generator();
        assertEquals("normal expects std >= 0.0, but found std -1",
                assertThrows(IllegalArgumentException.class,
                        () -> Sampling.normal(g, f32(1), 0, 1, 0, -1, true)).getMessage());
        assertEquals("random_ expects 'from' to be less than 'to', but got from=3 >= to=3",
                assertThrows(IllegalArgumentException.class,
                        () -> Sampling.randint(g, Storage.allocate(DType.INT64, 1), 0, 1, 3, 3)).getMessage());
        assertEquals("bernoulli_ expects p to be in [0, 1], but got p=1.5",
                assertThrows(IllegalArgumentException.class,
                        () -> Sampling.bernoulli(g, f32(1), 0, 1, 1.5)).getMessage());
        assertEquals("uniform_ expects to return a [from, to) range, but found from=2 > to=1",
                assertThrows(IllegalArgumentException.class,
                        () -> Sampling.uniform(g, f32(1), 0, 1, 2, 1)).getMessage());
        assertEquals("cannot sample n_sample > prob_dist.size(-1) samples without replacement",
                assertThrows(IllegalArgumentException.class,
                        () -> Sampling.multinomial(g, new Storage.F32(new float[] {1, 2}), 0, 1, 2, 3, false,
                                new Storage.I64(new long[3]), 0)).getMessage());
        assertEquals("1e-07", Sampling.cpp(1e-7));
        assertEquals("123457", Sampling.cpp(123456.7));
        assertEquals("0.1", Sampling.cpp(0.1));
    }

    private static Storage f32(int n) {
        return new Storage.F32(new float[n]);
    }
}
