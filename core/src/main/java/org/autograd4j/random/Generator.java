package org.autograd4j.random;

import java.security.SecureRandom;

import org.autograd4j.math.Libm;

/**
 * A CPU random number generator bit-identical to PyTorch's {@code torch.Generator} (ATen's
 * {@code CPUGeneratorImpl}): a 32-bit Mersenne Twister (MT19937) plus the cached second Box–Muller normal
 * sample.
 *
 * <h2>Engine</h2>
 * Standard MT19937 (Matsumoto–Nishimura), identical to {@code std::mt19937} seeded with
 * {@code seed & 0xffffffff}:
 * <ul>
 *   <li>seeding: {@code s[0] = seed32}, {@code s[i] = 1812433253·(s[i−1] ^ (s[i−1] >>> 30)) + i} (mod 2³²),
 *       then {@code left = 1} so that the first draw regenerates (twists) the whole 624-word state;</li>
 *   <li>tempering: {@code y ^= y>>>11; y ^= (y<<7) & 0x9d2c5680; y ^= (y<<15) & 0xefc60000; y ^= y>>>18}.</li>
 * </ul>
 * The full 64-bit seed is remembered (returned by {@link #initialSeed()}), but only its low 32 bits seed the
 * engine, exactly as in PyTorch.
 *
 * <h2>Thread safety</h2>
 * PyTorch takes the generator's mutex for the whole of each sampling op; likewise every public method here,
 * and every method of {@link Sampling}, holds this object's monitor ({@code synchronized (g)}) for the whole
 * call, so concurrent ops on one generator never interleave their draws.
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

    /** The seed of {@code torch.Generator()} created without a seed ({@code default_rng_seed_val}). */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** Size in bytes of {@link #getState()} (PyTorch's {@code sizeof(CPUGeneratorImplState)}). */
    public static final int STATE_SIZE = 5056;

    /** Size in bytes of PyTorch's legacy state form ({@code sizeof(THGeneratorState)}), accepted by setState. */
    public static final int LEGACY_STATE_SIZE = 5048;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UMASK = 0x80000000;
    private static final int LMASK = 0x7fffffff;

    private static final SecureRandom ENTROPY = new SecureRandom();

    private static final Generator DEFAULT = new Generator(nonDeterministicSeed());

    private final int[] state = new int[N];
    private long seed;
    private int left;
    private int next;

    // Box–Muller caches (c10::optional<double> / optional<float> in CPUGeneratorImpl).
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;

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
        initEngine(seed);
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
        initEngine(seed);
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
        initEngine(s);
        return s;
    }

    /**
     * The seed last set ({@code torch.Generator.initial_seed()}), as the bit pattern of PyTorch's uint64
     * (use {@link Long#toUnsignedString(long)} to print it as PyTorch does).
     *
     * @return the initial seed
     */
    public synchronized long initialSeed() {
        return seed;
    }

    /**
     * One 32-bit draw ({@code CPUGeneratorImpl::random()}): the next tempered MT19937 output.
     *
     * @return a value in [0, 2³²)
     */
    public synchronized long random() {
        return nextU32() & 0xffffffffL;
    }

    /**
     * One 64-bit draw ({@code CPUGeneratorImpl::random64()}): {@code (first << 32) | second} of two 32-bit
     * draws.
     *
     * @return the 64 random bits
     */
    public synchronized long random64() {
        return nextU64();
    }

    /**
     * The generator's state in PyTorch's byte layout ({@code torch.Generator.get_state()}); see the class
     * documentation for the layout.
     *
     * @return a fresh array of {@link #STATE_SIZE} bytes
     */
    public synchronized byte[] getState() {
        byte[] b = new byte[STATE_SIZE];
        putLong(b, 0, seed);
        putInt(b, 8, left);
        putInt(b, 12, 1);
        putLong(b, 16, next);
        for (int i = 0; i < N; i++) {
            putLong(b, 24 + 8 * i, state[i] & 0xffffffffL);
        }
        if (hasNextDoubleNormal) {
            putLong(b, 5024, Double.doubleToRawLongBits(nextDoubleNormal));
            putInt(b, 5040, 1);
        }
        if (hasNextFloatNormal) {
            putInt(b, 5048, Float.floatToRawIntBits(nextFloatNormal));
            b[5052] = 1;
        }
        return b;
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
        if (bytes.length != STATE_SIZE && bytes.length != LEGACY_STATE_SIZE) {
            throw new IllegalArgumentException("Expected either a CPUGeneratorImplStateLegacy of size "
                    + LEGACY_STATE_SIZE + " or a CPUGeneratorImplState of size " + STATE_SIZE
                    + " but found the input RNG state size to be " + bytes.length);
        }
        long newSeed = getLong(bytes, 0);
        int newLeft = getInt(bytes, 8);
        int seeded = getInt(bytes, 12);
        long newNext = getLong(bytes, 16) & 0xffffffffL;   // PyTorch casts to uint32
        boolean seededFlag = (seeded & 0xff) != 0;          // stored from a C++ bool
        if (!seededFlag || newLeft <= 0 || newLeft > N || newNext > N) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        boolean hasD = getInt(bytes, 5040) != 0;
        double d = 0;
        boolean hasF = false;
        float f = 0;
        if (bytes.length == STATE_SIZE) {
            if (hasD) {
                d = Double.longBitsToDouble(getLong(bytes, 5024));
            }
            hasF = bytes[5052] != 0;
            if (hasF) {
                f = Float.intBitsToFloat(getInt(bytes, 5048));
            }
        } else if (hasD) {
            // Legacy form: the cached sample is rho·sin(2π·x).
            double rho = Double.longBitsToDouble(getLong(bytes, 5032));
            double x = Double.longBitsToDouble(getLong(bytes, 5016));
            d = rho * Libm.sin(2.0 * Math.PI * x);
        }
        for (int i = 0; i < N; i++) {
            state[i] = (int) getLong(bytes, 24 + 8 * i);
        }
        seed = newSeed;
        left = newLeft;
        next = (int) newNext;
        hasNextDoubleNormal = hasD;
        nextDoubleNormal = d;
        hasNextFloatNormal = hasF;
        nextFloatNormal = f;
        return this;
    }

    /**
     * A copy of this generator with the same state (PyTorch: a new generator given {@code get_state()}).
     *
     * @return an independent generator that will produce the same sequence
     */
    public synchronized Generator copy() {
        Generator g = new Generator(0);
        g.setState(getState());
        return g;
    }

    @Override
    public String toString() {
        return "Generator(initialSeed=" + Long.toUnsignedString(initialSeed()) + ")";
    }

    // ------------------------------------------------------------------------------------------------------
    // Unsynchronised internals: callers in this package hold the monitor for the whole op.

    /** The next tempered 32-bit output, as a Java int (unsigned bit pattern). Caller holds the lock. */
    int nextU32() {
        if (--left == 0) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code (first << 32) | second}. Caller holds the lock. */
    long nextU64() {
        long hi = nextU32() & 0xffffffffL;
        long lo = nextU32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** Uniform float in [0,1): 24 low bits of one draw times 2⁻²⁴. Caller holds the lock. */
    float nextFloat01() {
        return (nextU32() & 0xffffff) * 0x1p-24f;
    }

    /** Uniform double in [0,1): 53 low bits of a 64-bit draw times 2⁻⁵³. Caller holds the lock. */
    double nextDouble01() {
        return (nextU64() & ((1L << 53) - 1)) * 0x1p-53;
    }

    boolean hasNextDoubleNormal() {
        return hasNextDoubleNormal;
    }

    /** Takes (and clears) the cached double normal sample. Caller holds the lock and checked it exists. */
    double takeNextDoubleNormal() {
        hasNextDoubleNormal = false;
        return nextDoubleNormal;
    }

    void setNextDoubleNormal(double v) {
        hasNextDoubleNormal = true;
        nextDoubleNormal = v;
    }

    private void initEngine(long s) {
        seed = s;
        state[0] = (int) s;
        for (int j = 1; j < N; j++) {
            int p = state[j - 1];
            state[j] = 1812433253 * (p ^ (p >>> 30)) + j;
        }
        left = 1;
        next = 0;
        hasNextDoubleNormal = false;
        nextDoubleNormal = 0;
        hasNextFloatNormal = false;
        nextFloatNormal = 0;
    }

    private static int twist(int u, int v) {
        return (((u & UMASK) | (v & LMASK)) >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    private void twist() {
        int[] s = state;
        left = N;
        next = 0;
        int p = 0;
        for (; p < N - M; p++) {
            s[p] = s[p + M] ^ twist(s[p], s[p + 1]);
        }
        for (; p < N - 1; p++) {
            s[p] = s[p + M - N] ^ twist(s[p], s[p + 1]);
        }
        s[p] = s[p + M - N] ^ twist(s[p], s[0]);
    }

    private static long nonDeterministicSeed() {
        return ENTROPY.nextLong() & ((1L << 53) - 1);
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static int getInt(byte[] b, int off) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
