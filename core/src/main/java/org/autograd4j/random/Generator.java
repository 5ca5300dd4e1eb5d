package org.autograd4j.random;

import java.security.SecureRandom;

import org.autograd4j.sampling.Engines;
import org.autograd4j.sampling.Mt19937;

/**
 * A CPU random number generator bit-identical to PyTorch's {@code torch.Generator} (ATen's
 * {@code CPUGeneratorImpl}): a 32-bit Mersenne Twister (MT19937) plus the cached second Box–Muller normal
 * sample.
 *
 * <h2>Engine</h2>
 * Standard MT19937 (Matsumoto–Nishimura), identical to {@code std::mt19937} seeded with
 * {@code seed & 0xffffffff}. The full 64-bit seed is remembered (returned by {@link #initialSeed()}), but
 * only its low 32 bits seed the engine, exactly as in PyTorch. The engine itself (state words, draws,
 * normal caches, state bytes) is the library's inside; this class is its public face and delegates to it.
 *
 * <h2>Thread safety</h2>
 * PyTorch takes the generator's mutex for the whole of each sampling op; likewise every public method here,
 * and every sampling op that uses this generator, holds this object's monitor for the whole call, so
 * concurrent ops on one generator never interleave their draws.
 *
 * <h2>State bytes</h2>
 * {@link #getState()} returns exactly the 5056 bytes of {@code torch.Generator.get_state()} /
 * {@code torch.get_rng_state()} (the C struct {@code CPUGeneratorImplState}, little-endian), so states can be
 * exchanged with PyTorch:
 * <pre>
 * offset  size  field
 *      0     8  the_initial_seed (uint64)
 *      8     4  left (int32, 1..624: draws left before the next twist, plus one)
 *     12     4  seeded (int32, 1)
 *     16     8  next (uint64, 0..624: index of the next state word to temper)
 *     24  4992  state[624], each uint32 word stored as a uint64
 *   5016     8  normal_x   (double, always 0)
 *   5024     8  normal_y   (double: the cached double normal sample, or 0)
 *   5032     8  normal_rho (double, always 0)
 *   5040     4  normal_is_valid (int32: 1 when normal_y holds a cached sample)
 *   5044     4  padding (0)
 *   5048     4  next_float_normal_sample (float)
 *   5052     1  is_next_float_normal_sample_valid (bool)
 *   5053     3  padding (0)
 * </pre>
 * {@link #setState(byte[])} also accepts PyTorch's legacy 5048-byte form (whose cached normal is stored as
 * {@code normal_rho}, {@code normal_x}), as PyTorch does.
 */
public final class Generator {

    // The samplers reach a generator's engine through this registered function rather than through a
    // method here, so that no internal type appears in this exported class's API. It runs first in the
    // static initialiser, before DEFAULT exists, so that holding any Generator implies it is registered.
    static {
        Engines.register(g -> ((Generator) g).engine);
    }

    /** The seed of {@code torch.Generator()} created without a seed ({@code default_rng_seed_val}). */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** Size in bytes of {@link #getState()} (PyTorch's {@code sizeof(CPUGeneratorImplState)}). */
    public static final int STATE_SIZE = Mt19937.STATE_SIZE;

    /** Size in bytes of PyTorch's legacy state form ({@code sizeof(THGeneratorState)}), accepted by setState. */
    public static final int LEGACY_STATE_SIZE = Mt19937.LEGACY_STATE_SIZE;

    private static final SecureRandom ENTROPY = new SecureRandom();

    private static final Generator DEFAULT = new Generator(nonDeterministicSeed());

    // Guarded by this object's monitor: the engine's lock is this generator (see Mt19937#lock), so the
    // synchronized methods here and the samplers, which hold engine.lock(), exclude each other.
    private final Mt19937 engine;

    /** A generator seeded with {@link #DEFAULT_SEED}, like {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /**
     * A generator seeded with {@code seed}, like {@code torch.Generator().manual_seed(seed)}.
     *
     * @param seed the 64-bit seed (read as unsigned; −1 is 2⁶⁴−1)
     */
    public Generator(long seed) {
        // The engine only stores the reference; no other thread can see this generator before the
        // constructor returns.
        engine = new Mt19937(seed, this);
    }

    /**
     * The process-wide default generator ({@code torch.default_generator}), seeded non-deterministically
     * when this class is initialised, as PyTorch does at start-up. {@code Torch.manualSeed} seeds it.
     *
     * @return the shared default generator
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * Reseeds the engine and clears both cached normal samples: {@code torch.Generator.manual_seed(seed)}.
     * A negative Java long is the two's-complement bit pattern of the uint64 seed, which matches PyTorch
     * ({@code manual_seed(-1)} stores 2⁶⁴−1).
     *
     * @param seed the 64-bit seed
     * @return this generator
     */
    public synchronized Generator manualSeed(long seed) {
        engine.manualSeed(seed);
        return this;
    }

    /**
     * Reseeds from a non-deterministic source and returns the new seed: {@code torch.Generator.seed()}.
     * Like c10's {@code getNonDeterministicRandom}, the seed has 53 random bits (exact as a double).
     *
     * @return the new seed
     */
    public synchronized long seed() {
        long s = nonDeterministicSeed();
        engine.manualSeed(s);
        return s;
    }

    /**
     * The seed last set ({@code torch.Generator.initial_seed()}), as the bit pattern of PyTorch's uint64
     * (use {@link Long#toUnsignedString(long)} to print it as PyTorch does).
     *
     * @return the initial seed
     */
    public synchronized long initialSeed() {
        return engine.initialSeed();
    }

    /**
     * One 32-bit draw ({@code CPUGeneratorImpl::random()}): the next tempered MT19937 output.
     *
     * @return a value in [0, 2³²)
     */
    public synchronized long random() {
        return engine.nextU32() & 0xffffffffL;
    }

    /**
     * One 64-bit draw ({@code CPUGeneratorImpl::random64()}): {@code (first << 32) | second} of two 32-bit
     * draws.
     *
     * @return the 64 random bits
     */
    public synchronized long random64() {
        return engine.nextU64();
    }

    /**
     * The generator's state in PyTorch's byte layout ({@code torch.Generator.get_state()}); see the class
     * documentation for the layout.
     *
     * @return a fresh array of {@link #STATE_SIZE} bytes
     */
    public synchronized byte[] getState() {
        return engine.getState();
    }

    /**
     * Restores a state from {@link #getState()} or from PyTorch's {@code get_state()} bytes
     * ({@code torch.Generator.set_state}). Accepts the current 5056-byte form and the legacy 5048-byte form.
     *
     * @param bytes the state bytes
     * @return this generator
     * @throws IllegalArgumentException if the size is wrong or the state is invalid (PyTorch's messages)
     */
    public synchronized Generator setState(byte[] bytes) {
        engine.setState(bytes);
        return this;
    }

    /**
     * A copy of this generator with the same state (PyTorch: a new generator given {@code get_state()}).
     *
     * @return an independent generator that will produce the same sequence
     */
    public synchronized Generator copy() {
        Generator g = new Generator(0);
        g.engine.copyFrom(engine);   // g is not yet visible to any other thread
        return g;
    }

    /**
     * A short description with the initial seed printed as PyTorch's uint64.
     *
     * @return {@code "Generator(initialSeed=…)"}
     */
    @Override
    public String toString() {
        return "Generator(initialSeed=" + Long.toUnsignedString(initialSeed()) + ")";
    }

    private static long nonDeterministicSeed() {
        return ENTROPY.nextLong() & ((1L << 53) - 1);
    }
}
