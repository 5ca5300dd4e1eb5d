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

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.sampling.Engines;
import org.autograd4j.sampling.Mt19937;
import org.autograd4j.sampling.Sampling;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.Test;

/**
 * Seeding, state and locking of {@link Generator}, its public API, and the one way from a Generator to its
 * engine ({@link Engines}) that the samplers use.
 */
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
        double first = Sampling.nextStandardNormal(Engines.of(g));   // caches the sine half
        g.manualSeed(5);
        assertEquals(first, Sampling.nextStandardNormal(Engines.of(g)));
        double cached = Sampling.nextStandardNormal(Engines.of(g));
        assertNotEquals(first, cached);
    }

    @Test
    void stateRoundTripKeepsEngineAndCache() {
        Generator g = new Generator(123);
        double[] tmp = new double[3];
        Sampling.normal(Engines.of(g), new Storage.F64(tmp), 0, 3, 0, 1, true);   // leaves a cached sample
        g.random();
        byte[] st = g.getState();
        assertEquals(Generator.STATE_SIZE, st.length);
        double[] a = new double[40];
        Sampling.normal(Engines.of(g), new Storage.F64(a), 0, 5, 0, 1, true);
        Sampling.normal(Engines.of(g), new Storage.F64(a), 5, 35, 0, 1, true);
        Generator h = new Generator(1).setState(st);
        double[] b = new double[40];
        Sampling.normal(Engines.of(h), new Storage.F64(b), 0, 5, 0, 1, true);
        Sampling.normal(Engines.of(h), new Storage.F64(b), 5, 35, 0, 1, true);
        assertArrayEquals(a, b);
        assertArrayEquals(g.getState(), h.getState());
        assertEquals(123, h.initialSeed());
        Generator c = h.copy();
        assertArrayEquals(h.getState(), c.getState());
        assertEquals(h.random64(), c.random64());
        c.random();
        assertNotEquals(Arrays.toString(h.getState()), Arrays.toString(c.getState()), "the copy is independent");
    }

    @Test
    void setStateRejectsBadInput() {
        assertEquals("Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of size 5056 "
                + "but found the input RNG state size to be 10",
                assertThrows(IllegalArgumentException.class, () -> new Generator().setState(new byte[10])).getMessage());
        byte[] st = new Generator().getState();
        st[8] = 0; // left = 0
        Generator g = new Generator(8);
        byte[] before = g.getState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.setState(st));
        assertEquals("Invalid mt19937 state", e.getMessage());
        assertArrayEquals(before, g.getState(), "a rejected state changes nothing");
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
                Sampling.uniform(Engines.of(shared), new Storage.F32(out), 0, n, 0, 1);
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
            Sampling.uniform(Engines.of(ref), new Storage.F32(out), 0, n, 0, 1);
            blocks.add(out);
        }
        for (float[] r : got) {
            assertTrue(blocks.stream().anyMatch(b -> Arrays.equals(b, r)), "interleaved draws");
        }
        assertArrayEquals(ref.getState(), shared.getState());
    }

    @Test
    void samplersAndPublicMethodsShareTheGeneratorsMonitor() throws Exception {
        Generator g = new Generator(1);
        Mt19937 e = Engines.of(g);
        assertTrue(e.lock() == g, "the engine is guarded by its generator's monitor");
        // While this thread holds g's monitor (as a user grouping calls would), another thread's sampling op
        // on g must wait, and then draw after this thread's draws.
        float[] out = new float[4];
        Thread t;
        long first;
        synchronized (g) {
            t = new Thread(() -> Sampling.uniform(Engines.of(g), new Storage.F32(out), 0, out.length, 0, 1));
            t.start();
            t.join(200);
            assertTrue(t.isAlive(), "the sampler waits for the generator's monitor");
            first = g.random();
        }
        t.join();
        Generator ref = new Generator(1);
        assertEquals(ref.random(), first);
        float[] expected = new float[4];
        Sampling.uniform(Engines.of(ref), new Storage.F32(expected), 0, expected.length, 0, 1);
        assertArrayEquals(expected, out);
    }

    @Test
    void enginesGivesEachGeneratorsOwnEngine() {
        Generator g = new Generator(2);
        assertTrue(Engines.of(g) == Engines.of(g), "one engine per generator");
        assertTrue(Engines.of(g.copy()) != Engines.of(g), "a copy has its own engine");
        assertTrue(Engines.of(Generator.defaultGenerator()).lock() == Generator.defaultGenerator());
        assertEquals(g.getState().length, Engines.of(g).getState().length);
        assertArrayEquals(g.getState(), Engines.of(g).getState());
        assertThrows(NullPointerException.class, () -> Engines.of(null));
        assertThrows(ClassCastException.class, () -> Engines.of("not a generator"));
        assertEquals("the generator's engine access is already registered",
                assertThrows(IllegalStateException.class, () -> Engines.register(x -> null)).getMessage());
    }

    @Test
    void nullGeneratorMeansDefault() {
        Generator.defaultGenerator().manualSeed(0);
        Tensor a = Torch.rand(new long[] {3}, DType.FLOAT32, null);
        Tensor b = Torch.rand(new long[] {3}, DType.FLOAT32, new Generator(0));
        assertArrayEquals(b.toFloatArray(), a.toFloatArray());
        assertEquals(0.4963f, a.toFloatArray()[0], 1e-4f);
    }

    /**
     * What {@code javac -Xlint:exports} checks at the module boundary, for this exported class: its public
     * members name only JDK types and this package's own, never an internal one such as the engine.
     */
    @Test
    void publicApiNamesNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Executable m : concat(Generator.class.getDeclaredMethods(), Generator.class.getDeclaredConstructors())) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            List<Type> types = new ArrayList<>(Arrays.asList(m.getGenericParameterTypes()));
            types.addAll(Arrays.asList(m.getGenericExceptionTypes()));
            if (m instanceof Method method) {
                types.add(method.getGenericReturnType());
            }
            for (Type t : types) {
                if (!isApiType(t)) {
                    leaks.add(m + " names " + t.getTypeName());
                }
            }
        }
        for (Field f : Generator.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !isApiType(f.getGenericType())) {
                leaks.add(f + " is a " + f.getGenericType().getTypeName());
            }
        }
        assertEquals(List.of(), leaks);
        // the internal samplers moved out of this exported package
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.autograd4j.random.Sampling"));
    }

    private static Executable[] concat(Executable[] a, Executable[] b) {
        Executable[] r = Arrays.copyOf(a, a.length + b.length, Executable[].class);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static boolean isApiType(Type t) {
        String name = t.getTypeName().replace("[]", "");
        return !name.contains(".") || name.startsWith("java.") || name.startsWith("org.autograd4j.random.");
    }
}
