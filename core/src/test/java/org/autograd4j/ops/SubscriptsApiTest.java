package org.autograd4j.ops;

import static org.autograd4j.Torch.ELLIPSIS;
import static org.autograd4j.Torch.NEWAXIS;
import static org.autograd4j.Torch.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * What the Java form of indexing adds to PyTorch's: entries of Java types Python has no twin for, and the
 * forms that must mean the same (a null array for a bare {@code null}, {@code long[]} beside an int64 tensor).
 * The values each compares against come from the library's own golden-checked paths.
 */
class SubscriptsApiTest {
    private static Tensor x() {
        return Torch.arange(0.0, 24.0, 1.0, DType.FLOAT64).reshape(2, 3, 4);
    }

    @Test
    void anIndexOfAnotherJavaTypeIsRejectedNamingItsClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x().index(1.5));
        assertTrue(e.getMessage().startsWith("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                + "valid indices"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(got java.lang.Double)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x().index("1"));
        assertThrows(IllegalArgumentException.class, () -> x().indexPut_(new Object[] {List.of(1)}, 0.0));
    }

    @Test
    void aNullArrayIsNone() {
        Tensor x = x();
        Tensor a = x.index((Object[]) null), b = x.index(NEWAXIS);
        assertArrayEquals(b.shape(), a.shape());
        assertArrayEquals(new long[] {1, 2, 3, 4}, a.shape());
        assertEquals(b.gradFn() == null, a.gradFn() == null);
    }

    @Test
    void javaArraysOfIntegersIndexAsInt64Tensors() {
        Tensor x = x();
        Tensor idx = Torch.tensor(new long[] {1, 0, 1});
        assertArrayEquals(x.index(slice(null, null), idx).toDoubleArray(), x.index(slice(null, null), new long[] {1, 0, 1}).toDoubleArray());
        assertArrayEquals(x.index(idx).toDoubleArray(), x.index((Object) new int[] {1, 0, 1}).toDoubleArray());
    }

    @Test
    void basicIndexingWritesThroughTheView() {
        Tensor x = x();
        Tensor v = x.index(ELLIPSIS, slice(1, null, 2));
        v.fill_(-1.0);
        assertEquals(-1.0, x.index(0, 0, 1).item());
        assertEquals(2.0, x.index(0, 0, 2).item());
        assertSame(x.base(), v.base());
    }
}
