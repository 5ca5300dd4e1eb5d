package org.autograd4j.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The engine on its own: std::mt19937's sequence, the uniform draws, the normal cache, state bytes (both
 * forms), copies and the lock. The public face ({@code random.Generator}) and the goldens test it again
 * through the generator.
 */
class Mt19937Test {

    @Test
    void tenThousandthOutputOfTheDefaultSeedIsTheStandardsValue() {
        // std::mt19937 default-constructed (seed 5489): the C++ standard fixes its 10000th output
        Mt19937 e = new Mt19937(5489);
        int v = 0;
        for (int i = 0; i < 10000; i++) {
            v = e.nextU32();
        }
        assertEquals(4123659995L, v & 0xffffffffL);
    }

    @Test
    void uniformDrawsUseTheLowBitsOfOneOrTwoOutputs() {
        Mt19937 a = new Mt19937(11);
        Mt19937 b = new Mt19937(11);
        assertEquals((b.nextU32() & 0xffffff) * 0x1p-24f, a.nextFloat01());
        assertEquals((b.nextU64() & ((1L << 53) - 1)) * 0x1p-53, a.nextDouble01());
        long hi = b.nextU32() & 0xffffffffL;
        long lo = b.nextU32() & 0xffffffffL;
        assertEquals((hi << 32) | lo, a.nextU64());
    }

    @Test
    void manualSeedResetsEngineCacheAndInitialSeed() {
        Mt19937 e = new Mt19937(3);
        e.nextU64();
        e.setNextDoubleNormal(0.5);
        e.manualSeed(-1);
        assertEquals(-1, e.initialSeed());
        assertFalse(e.hasNextDoubleNormal());
        assertArrayEquals(new Mt19937(-1).getState(), e.getState());
        // only the low 32 bits seed the words
        assertEquals(new Mt19937(0xffffffffL).nextU32(), e.nextU32());
    }

    @Test
    void doubleNormalCacheIsTakenOnce() {
        Mt19937 e = new Mt19937(1);
        e.setNextDoubleNormal(-1.25);
        assertTrue(e.hasNextDoubleNormal());
        assertEquals(-1.25, e.takeNextDoubleNormal());
        assertFalse(e.hasNextDoubleNormal());
    }

    @Test
    void stateBytesRoundTripWithTheCache() {
        Mt19937 e = new Mt19937(77);
        for (int i = 0; i < 700; i++) {
            e.nextU32();   // past one twist
        }
        e.setNextDoubleNormal(0.75);
        byte[] st = e.getState();
        assertEquals(Mt19937.STATE_SIZE, st.length);
        assertEquals(1, st[5040]);
        Mt19937 f = new Mt19937(0);
        f.setState(st);
        assertArrayEquals(st, f.getState());
        assertEquals(77, f.initialSeed());
        assertEquals(0.75, f.takeNextDoubleNormal());
        assertEquals(e.nextU64(), f.nextU64());
    }

    @Test
    void legacyStateCarriesTheCacheAsRhoAndX() {
        byte[] cur = new Mt19937(9).getState();
        byte[] legacy = Arrays.copyOf(cur, Mt19937.LEGACY_STATE_SIZE);
        putLong(legacy, 5016, Double.doubleToRawLongBits(0.25));   // normal_x
        putLong(legacy, 5032, Double.doubleToRawLongBits(2.0));    // normal_rho
        legacy[5040] = 1;
        Mt19937 e = new Mt19937(0);
        e.setState(legacy);
        assertTrue(e.hasNextDoubleNormal());
        assertEquals(2.0, e.takeNextDoubleNormal());   // rho·sin(2π·x) = 2·sin(π/2)
        assertEquals(new Mt19937(9).nextU32(), e.nextU32());
    }

    @Test
    void rejectedStateChangesNothing() {
        Mt19937 e = new Mt19937(4);
        byte[] before = e.getState();
        assertEquals("Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of "
                + "size 5056 but found the input RNG state size to be 3",
                assertThrows(IllegalArgumentException.class, () -> e.setState(new byte[3])).getMessage());
        byte[] bad = e.getState();
        bad[16] = (byte) 625;   // next > 624
        bad[17] = 2;
        assertEquals("Invalid mt19937 state",
                assertThrows(IllegalArgumentException.class, () -> e.setState(bad)).getMessage());
        assertArrayEquals(before, e.getState());
    }

    @Test
    void copyIsIndependentAndLocksOnItself() {
        Object lock = new Object();
        Mt19937 e = new Mt19937(5, lock);
        e.nextU32();
        e.setNextDoubleNormal(3.0);
        Mt19937 c = e.copy();
        assertTrue(c.lock() == c);
        assertArrayEquals(e.getState(), c.getState());
        assertEquals(e.nextU32(), c.nextU32());
        c.nextU32();
        assertNotEquals(Arrays.toString(e.getState()), Arrays.toString(c.getState()));
        Mt19937 d = new Mt19937(0, lock);
        d.copyFrom(c);
        assertTrue(d.lock() == lock, "copyFrom keeps the target's lock");
        assertArrayEquals(c.getState(), d.getState());
    }

    @Test
    void lockIsTheGivenObjectOrTheEngine() {
        Mt19937 e = new Mt19937(1);
        assertTrue(e.lock() == e);
        Object lock = new Object();
        assertTrue(new Mt19937(1, lock).lock() == lock);
        assertThrows(NullPointerException.class, () -> new Mt19937(1, null));
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
