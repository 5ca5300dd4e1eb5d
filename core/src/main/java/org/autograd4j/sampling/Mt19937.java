package org.autograd4j.sampling;

import java.util.Objects;

import org.autograd4j.math.Libm;

/**
 * The engine of PyTorch's CPU generator (ATen's {@code CPUGeneratorImpl}): a 32-bit Mersenne Twister
 * (MT19937) plus the cached second Box–Muller normal samples, with PyTorch's state bytes. The public
 * {@code org.autograd4j.random.Generator} wraps one of these; the samplers of {@link Sampling} draw from it.
 * It lives here, not in the exported package, so that its raw draws and caches are not part of the API.
 *
 * <h2>Algorithm</h2>
 * Standard MT19937 (Matsumoto–Nishimura), identical to {@code std::mt19937} seeded with
 * {@code seed & 0xffffffff}:
 * <ul>
 *   <li>seeding: {@code s[0] = seed32}, {@code s[i] = 1812433253·(s[i−1] ^ (s[i−1] >>> 30)) + i} (mod 2³²),
 *       then {@code left = 1} so that the first draw regenerates (twists) the whole 624-word state;</li>
 *   <li>tempering: {@code y ^= y>>>11; y ^= (y<<7) & 0x9d2c5680; y ^= (y<<15) & 0xefc60000; y ^= y>>>18}.</li>
 * </ul>
 * The full 64-bit seed is remembered ({@link #initialSeed()}), but only its low 32 bits seed the engine,
 * exactly as in PyTorch.
 *
 * <h2>Locking</h2>
 * The engine itself is not synchronised: one sampling op makes thousands of draws, and PyTorch takes the
 * generator's mutex once per op, not per draw. Whoever draws holds {@link #lock()} for the whole op
 * ({@code synchronized (e.lock())}). The lock is the object given at construction: a
 * {@code Generator} passes itself, so its own {@code synchronized} methods and the samplers exclude each
 * other on one monitor, the Generator's, as before the engine was split out. A free-standing engine locks
 * on itself.
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
public final class Mt19937 {

    /** Size in bytes of {@link #getState()} (PyTorch's {@code sizeof(CPUGeneratorImplState)}). */
    public static final int STATE_SIZE = 5056;

    /** Size in bytes of PyTorch's legacy state form ({@code sizeof(THGeneratorState)}), accepted by setState. */
    public static final int LEGACY_STATE_SIZE = 5048;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UMASK = 0x80000000;
    private static final int LMASK = 0x7fffffff;

    private final Object lock;
    private final int[] state = new int[N];
    private long seed;
    private int left;
    private int next;

    // Box–Muller caches (c10::optional<double> / optional<float> in CPUGeneratorImpl). The float one is
    // never filled by PyTorch's CPU samplers, but it is part of the state bytes, so it round-trips.
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;

    /**
     * An engine seeded with {@code seed} that locks on itself.
     *
     * @param seed the 64-bit seed (read as unsigned)
     */
    public Mt19937(long seed) {
        this.lock = this;
        manualSeed(seed);
    }

    /**
     * An engine seeded with {@code seed} whose draws are guarded by {@code lock}'s monitor; a
     * {@code Generator} passes itself (see the class documentation).
     *
     * @param seed the 64-bit seed (read as unsigned)
     * @param lock the object whose monitor every user of this engine holds while drawing
     */
    public Mt19937(long seed, Object lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        manualSeed(seed);
    }

    /**
     * The object whose monitor guards this engine: hold it ({@code synchronized (e.lock())}) for the whole of
     * an op that draws, reads or writes the state.
     *
     * @return the lock given at construction, or this engine
     */
    public Object lock() {
        return lock;
    }

    /**
     * Reseeds the engine and clears both cached normal samples ({@code manual_seed}). Caller holds the lock.
     *
     * @param s the 64-bit seed; a negative long is the bit pattern of the uint64 seed
     */
    public void manualSeed(long s) {
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

    /**
     * The seed last set, as the bit pattern of PyTorch's uint64. Caller holds the lock.
     *
     * @return the initial seed
     */
    public long initialSeed() {
        return seed;
    }

    /**
     * The next tempered 32-bit output ({@code CPUGeneratorImpl::random()}). Caller holds the lock.
     *
     * @return the output as a Java int (unsigned bit pattern; {@code & 0xffffffffL} for its value)
     */
    public int nextU32() {
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

    /**
     * {@code (first << 32) | second} of two 32-bit draws ({@code CPUGeneratorImpl::random64()}). Caller
     * holds the lock.
     *
     * @return the 64 random bits
     */
    public long nextU64() {
        long hi = nextU32() & 0xffffffffL;
        long lo = nextU32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /**
     * A float32 uniform in [0, 1) as {@code uniform_real_distribution<float>} draws it: the 24 low bits of
     * one 32-bit draw times 2⁻²⁴. Caller holds the lock.
     *
     * @return the sample
     */
    public float nextFloat01() {
        return (nextU32() & 0xffffff) * 0x1p-24f;
    }

    /**
     * A float64 uniform in [0, 1) as {@code uniform_real_distribution<double>} draws it: the 53 low bits of a
     * 64-bit draw times 2⁻⁵³. Caller holds the lock.
     *
     * @return the sample
     */
    public double nextDouble01() {
        return (nextU64() & ((1L << 53) - 1)) * 0x1p-53;
    }

    /**
     * Whether a cached double normal sample is waiting (the second half of the last Box–Muller pair).
     * Caller holds the lock.
     *
     * @return true when {@link #takeNextDoubleNormal()} may be called
     */
    public boolean hasNextDoubleNormal() {
        return hasNextDoubleNormal;
    }

    /**
     * Takes (and clears) the cached double normal sample. Caller holds the lock and checked
     * {@link #hasNextDoubleNormal()}.
     *
     * @return the cached sample
     */
    public double takeNextDoubleNormal() {
        hasNextDoubleNormal = false;
        return nextDoubleNormal;
    }

    /**
     * Caches a double normal sample for the next {@link #takeNextDoubleNormal()}. Caller holds the lock.
     *
     * @param v the sample
     */
    public void setNextDoubleNormal(double v) {
        hasNextDoubleNormal = true;
        nextDoubleNormal = v;
    }

    /**
     * The engine's state in PyTorch's byte layout (see the class documentation). Caller holds the lock.
     *
     * @return a fresh array of {@link #STATE_SIZE} bytes
     */
    public byte[] getState() {
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
     * Restores a state from {@link #getState()} or from PyTorch's {@code get_state()} bytes, current
     * (5056-byte) or legacy (5048-byte) form. Nothing changes when the bytes are rejected. Caller holds the
     * lock.
     *
     * @param bytes the state bytes
     * @throws IllegalArgumentException if the size is wrong or the state is invalid (PyTorch's messages)
     */
    public void setState(byte[] bytes) {
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
    }

    /**
     * Makes this engine's state (words, position, seed, both caches) equal to {@code other}'s; the lock stays
     * this engine's. Caller holds both engines' locks, or owns an engine no other thread can reach yet.
     *
     * @param other the engine to copy
     */
    public void copyFrom(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, N);
        seed = other.seed;
        left = other.left;
        next = other.next;
        hasNextDoubleNormal = other.hasNextDoubleNormal;
        nextDoubleNormal = other.nextDoubleNormal;
        hasNextFloatNormal = other.hasNextFloatNormal;
        nextFloatNormal = other.nextFloatNormal;
    }

    /**
     * An independent engine with this one's state, locking on itself. Caller holds the lock.
     *
     * @return the copy, which will produce the same sequence
     */
    public Mt19937 copy() {
        Mt19937 c = new Mt19937(0);
        c.copyFrom(this);
        return c;
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
