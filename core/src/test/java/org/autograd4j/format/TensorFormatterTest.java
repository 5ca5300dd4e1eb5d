package org.autograd4j.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.autograd4j.DType;
import org.junit.jupiter.api.Test;

/** Hand-written checks of the formatter: number formatting, edge cases and cost. */
class TensorFormatterTest {

    /** Elements backed by a function of the index, counting reads. */
    static final class Fn implements Elements {
        final java.util.function.LongToDoubleFunction f;
        final AtomicLong reads = new AtomicLong();

        Fn(java.util.function.LongToDoubleFunction f) {
            this.f = f;
        }

        @Override
        public double getDouble(long i) {
            reads.incrementAndGet();
            return f.applyAsDouble(i);
        }

        @Override
        public long getLong(long i) {
            reads.incrementAndGet();
            return (long) f.applyAsDouble(i);
        }

        @Override
        public boolean getBool(long i) {
            reads.incrementAndGet();
            return f.applyAsDouble(i) != 0;
        }
    }

    private static String repr(DType dtype, long[] shape, double... v) {
        return TensorFormatter.repr(shape, dtype, new Fn(i -> v[(int) i]), null, false);
    }

    @Test
    void fixedRoundsHalfEvenOnTheExactValue() {
        assertEquals("0.0312", PyFloatFormat.formatFixed(0.03125, 4));
        assertEquals("0.0938", PyFloatFormat.formatFixed(0.09375, 4));
        assertEquals("2", PyFloatFormat.formatFixed(2.5, 0));
        assertEquals("-0", PyFloatFormat.formatFixed(-0.0, 0));
        assertEquals("-0.0000", PyFloatFormat.formatFixed(-0.00001, 4));
        // 1.00005 is really 1.00005000000000010551..., so it rounds up
        assertEquals("1.0001", PyFloatFormat.formatFixed(1.00005, 4));
        assertEquals("nan", PyFloatFormat.formatFixed(-Double.NaN, 4));
        assertEquals("-inf", PyFloatFormat.formatFixed(Double.NEGATIVE_INFINITY, 4));
    }

    @Test
    void scientificMatchesPython() {
        assertEquals("1.0000e-05", PyFloatFormat.formatScientific(1e-5, 4));
        assertEquals("1.0000e+05", PyFloatFormat.formatScientific(100005, 4));
        assertEquals("1.0002e+05", PyFloatFormat.formatScientific(100015, 4));
        assertEquals("1.0000e+01", PyFloatFormat.formatScientific(9.99995, 4));
        assertEquals("0.0000e+00", PyFloatFormat.formatScientific(0.0, 4));
        assertEquals("-0.0000e+00", PyFloatFormat.formatScientific(-0.0, 4));
        assertEquals("4.9407e-324", PyFloatFormat.formatScientific(Double.MIN_VALUE, 4));
        assertEquals("1.7977e+308", PyFloatFormat.formatScientific(Double.MAX_VALUE, 4));
        assertEquals("1.0000e-04", PyFloatFormat.formatScientific(0.0001f, 4));
        assertEquals("2e+00", PyFloatFormat.formatScientific(2.5, 0));
    }

    @Test
    void specExamples() {
        assertEquals("tensor([1., 2., 3.])", repr(DType.FLOAT32, new long[] {3}, 1, 2, 3));
        assertEquals("tensor(-0.)", repr(DType.FLOAT32, new long[0], -0.0));
        assertEquals("tensor([1.5000,    nan])", repr(DType.FLOAT32, new long[] {2}, 1.5, Double.NaN));
        assertEquals("tensor([1.0000e-04, 1.0000e+00])", repr(DType.FLOAT32, new long[] {2}, 0.0001f, 1));
        assertEquals("tensor([   1,    2, -300])", repr(DType.INT64, new long[] {3}, 1, 2, -300));
        assertEquals("tensor([ True, False])", repr(DType.BOOL, new long[] {2}, 1, 0));
        assertEquals("tensor([], size=(2, 0, 4), dtype=torch.bool)", repr(DType.BOOL, new long[] {2, 0, 4}));
        assertEquals("tensor([], dtype=torch.int64)", repr(DType.INT64, new long[] {0}));
        assertEquals("tensor(2.5000, dtype=torch.float64, requires_grad=True)",
                TensorFormatter.repr(new long[0], DType.FLOAT64, new Fn(i -> 2.5), null, true));
        assertEquals("tensor([2., 2.], grad_fn=<AddBackward0>)",
                TensorFormatter.repr(new long[] {2}, DType.FLOAT32, new Fn(i -> 2), "AddBackward0", true));
    }

    @Test
    void summarizedPrintReadsOnlyTheShownElements() {
        long n = 1_000_000;
        Fn data = new Fn(i -> i);
        String s = TensorFormatter.repr(new long[] {n}, DType.INT64, data, null, false);
        assertEquals("tensor([     0,      1,      2,  ..., 999997, 999998, 999999])", s);
        // built from the 6 shown values, then the 6 printed: never numel reads
        assertTrue(data.reads.get() <= 12, "reads: " + data.reads.get());

        Fn data2 = new Fn(i -> Math.sin(i));
        String s2 = TensorFormatter.repr(new long[] {1000, 1000}, DType.FLOAT32, data2, null, false);
        assertEquals(7, s2.split("\n").length);
        assertTrue(data2.reads.get() <= 3 * 36, "reads: " + data2.reads.get());
    }

    @Test
    void rejectsNegativeSizes() {
        // library-specific: PyTorch cannot make such a tensor (torch.empty(-1): "Trying to create tensor with
        // negative dimension -1: [-1]"), so it never formats one
        assertEquals("negative size in shape: [-1]",
                assertThrows(IllegalArgumentException.class, () -> repr(DType.FLOAT32, new long[] {-1})).getMessage());
    }
}
