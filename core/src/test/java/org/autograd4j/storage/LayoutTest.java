package org.autograd4j.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.junit.jupiter.api.Test;

/** Layout, Sizes and Storage: PyTorch's stride and contiguity rules, element addressing, size-list texts. */
class LayoutTest {
    @Test
    void contiguousStridesTreatSizeZeroAsOne() {
        // torch.empty(2, 0, 3).stride() == (3, 3, 1)
        assertArrayEquals(new int[] {3, 3, 1}, Layout.contiguousStrides(new int[] {2, 0, 3}));
        assertArrayEquals(new int[] {12, 4, 1}, Layout.contiguousStrides(new int[] {2, 3, 4}));
        assertArrayEquals(new int[0], Layout.contiguousStrides(new int[0]));
    }

    @Test
    void contiguityAsPyTorchComputesIt() {
        assertTrue(new Layout(new int[] {2, 3}, new int[] {3, 1}, 0).isContiguous());
        assertFalse(new Layout(new int[] {2, 3}, new int[] {1, 2}, 0).isContiguous(), "transposed");
        // size-1 dims may have any stride
        assertTrue(new Layout(new int[] {1, 3}, new int[] {7, 1}, 5).isContiguous());
        // an empty tensor is contiguous whatever its strides (torch: x.transpose(0, 2).is_contiguous() on [5, 0, 2])
        assertTrue(new Layout(new int[] {2, 0, 5}, new int[] {1, 2, 2}, 0).isContiguous());
        assertFalse(new Layout(new int[] {3}, new int[] {0}, 0).isContiguous(), "expanded");
    }

    @Test
    void indexOfWalksRowMajorOverStrides() {
        Layout t = new Layout(new int[] {2, 3}, new int[] {1, 2}, 4);
        int[] expected = {4, 6, 8, 5, 7, 9};
        for (int i = 0; i < 6; i++) assertEquals(expected[i], t.indexOf(i), "element " + i);
        assertEquals(6, t.numel());
    }

    @Test
    void broadcastToGivesStrideZeroToNewAndSizeOneDims() {
        Layout l = Layout.contiguous(new int[] {3, 1}).broadcastTo(new int[] {2, 3, 4});
        assertArrayEquals(new int[] {2, 3, 4}, l.shape());
        assertArrayEquals(new int[] {0, 1, 0}, l.strides());
    }

    @Test
    void sizesConvertAndPrintAsPyTorch() {
        assertArrayEquals(new int[] {2, 3}, Sizes.toInts(new long[] {2, 3}));
        assertArrayEquals(new long[] {0, 5}, Sizes.toLongs(new int[] {0, 5}));
        assertEquals("[2, 3]", Sizes.list(new int[] {2, 3}));
        assertEquals("[]", Sizes.list(new long[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.toInts(new long[] {2, -1}));
        assertEquals("Trying to create tensor with negative dimension -1: [2, -1]", e.getMessage());
    }

    @Test
    void storageConvertsAsPyTorchsCopy() {
        Storage f = Storage.allocate(DType.FLOAT32, 2);
        f.setDouble(0, 0.1);
        assertEquals((double) 0.1f, f.getDouble(0));
        f.setDouble(1, -2.7);
        assertEquals(-2, f.getLong(1), "float to integer truncates toward zero");
        Storage b = Storage.allocate(DType.BOOL, 1);
        b.setDouble(0, 0.5);
        assertEquals(1, b.getLong(0), "nonzero is true");
        assertEquals(DType.INT64, Storage.allocate(DType.INT64, 0).dtype());
    }
}
