package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import org.autograd4j.Tensor;
import org.autograd4j.autograd.SavedTensor;
import org.autograd4j.storage.Layout;

/** Matrix products: mm, bmm, dot, mv as primitives with their derivatives; matmul dispatching as PyTorch's. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    private static String dims(int[] s) {
        return s[0] + "x" + s[1];
    }

    private static void sameType(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + Ops.scalarTypeName(a.dtype()) + " but found "
                    + Ops.scalarTypeName(b.dtype()));
        }
    }

    /** {@code c[b] = a[b] @ b[b]} over 3-d layouts (no graph). */
    private static Tensor product(Tensor a, Layout al, Tensor b, Layout bl) {
        int[] shape = {al.size(0), al.size(1), bl.size(2)};
        Tensor out = Ops.empty(a.dtype(), shape);
        K.matmul(a.storage(), al, b.storage(), bl, out.storage(), out.layout());
        return out;
    }

    private static Layout as3d(Tensor t, int rows, int cols, int rowStride, int colStride) {
        return new Layout(new int[] {1, rows, cols}, new int[] {0, rowStride, colStride}, t.layout().offset());
    }

    /** {@code a @ b} for 2-d a, b. Derivative: {@code (g @ bᵀ, aᵀ @ g)}. */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) throw new IllegalArgumentException("self must be a matrix");
        if (b.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix");
        int[] as = a.layout().shape(), bs = b.layout().shape();
        if (as[1] != bs[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + dims(as) + " and " + dims(bs) + ")");
        }
        sameType(a, b);
        int[] ast = a.layout().strides(), bst = b.layout().strides();
        Tensor c = product(a, as3d(a, as[0], as[1], ast[0], ast[1]), b, as3d(b, bs[0], bs[1], bst[0], bst[1]));
        Tensor out = Tensor.wrap(c.storage(), Layout.contiguous(new int[] {as[0], bs[1]}));
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Graph.record(out, "MmBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g.mm(sb.get().t()) : null,
                n.needs(1) ? sa.get().t().mm(g) : null}, new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** Batched {@code a @ b} for 3-d tensors with equal batch sizes. Derivative: {@code (g @ bᵀ, aᵀ @ g)} per batch. */
    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
        if (b.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
        int[] as = a.layout().shape(), bs = b.layout().shape();
        if (as[0] != bs[0] || as[2] != bs[1]) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [" + as[0] + ", "
                    + as[2] + "] but got: [" + bs[0] + ", " + bs[1] + "].");
        }
        sameType(a, b);
        Tensor out = product(a, a.layout(), b, b.layout());
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Graph.record(out, "BmmBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g.bmm(sb.get().transpose(1, 2)) : null,
                n.needs(1) ? sa.get().transpose(1, 2).bmm(g) : null}, new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** Σ aᵢbᵢ for 1-d a, b. Derivative: {@code (g·b, g·a)}. */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        int n1 = a.layout().size(0), n2 = b.layout().size(0);
        if (n1 != n2) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + n1 + "] and src [" + n2
                    + "] to have the same number of elements, but got " + n1 + " and " + n2 + " elements respectively");
        }
        sameType(a, b);
        int sa0 = a.layout().strides()[0], sb0 = b.layout().strides()[0];
        Tensor c = product(a, as3d(a, 1, n1, 0, sa0), b, as3d(b, n1, 1, sb0, 0));
        Tensor out = Tensor.wrap(c.storage(), Layout.contiguous(new int[0]));
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Graph.record(out, "DotBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g.mul(sb.get()) : null,
                n.needs(1) ? g.mul(sa.get()) : null}, new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** {@code a @ v} for 2-d a and 1-d v. Derivative: {@code (g ⊗ v, aᵀ @ g)}. */
    public static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
        }
        int[] as = a.layout().shape();
        int n1 = v.layout().size(0);
        if (as[1] != n1) {
            throw new IllegalArgumentException("size mismatch, got input (" + as[0] + "), mat (" + as[0] + "x" + as[1]
                    + "), vec (" + n1 + ")");
        }
        sameType(a, v);
        int[] ast = a.layout().strides();
        Tensor c = product(a, as3d(a, as[0], as[1], ast[0], ast[1]), v, as3d(v, n1, 1, v.layout().strides()[0], 0));
        Tensor out = Tensor.wrap(c.storage(), Layout.contiguous(new int[] {as[0]}));
        if (Graph.needs(a, v)) {
            SavedTensor sa = v.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sv = a.requiresGrad() ? SavedTensor.input(v) : null;
            Graph.record(out, "MvBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g.unsqueeze(1).mul(sv.get().unsqueeze(0)) : null,
                n.needs(1) ? sa.get().t().mv(g) : null}, new Tensor[] {a, v}, sa, sv);
        }
        return out;
    }

    /** PyTorch's {@code matmul}: dot, mv, mm, folded mm for batched @ matrix, else broadcast bmm. No derivative of its own. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim(), db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da + "D and "
                    + db + "D");
        }
        if (da == 1 && db == 1) return dot(a, b);
        if (da == 2 && db == 1) return mv(a, b);
        // PyTorch squeezes in place here, hence SqueezeBackward3 (squeeze_.dim).
        if (da == 1 && db == 2) return Shapes.squeeze(a.unsqueeze(0).mm(b), 0, "SqueezeBackward3");
        if (da == 2 && db == 2) return mm(a, b);
        long[] as = a.shape(), bs = b.shape();
        if ((da >= 3 && db <= 2) || (db >= 3 && da <= 2)) {
            // Fold the batch dims of the bigger operand into matrix rows: one mm (or mv), then an unsafe view
            // back. For a batched right operand PyTorch folds bᵀ and transposes the result back.
            boolean transpose = db > da;
            Tensor t1 = transpose ? b.transpose(-2, -1) : a;
            Tensor t2 = !transpose ? b : da == 2 ? a.t() : a;
            long[] s1 = t1.shape();
            Tensor folded = t1.reshape(-1, s1[s1.length - 1]);
            long[] outShape = java.util.Arrays.copyOf(s1, t2.dim() == 2 ? s1.length : s1.length - 1);
            if (t2.dim() == 1) return Shapes.unsafeView(folded.mv(t2), outShape);
            outShape[s1.length - 1] = t2.shape()[1];
            Tensor out = Shapes.unsafeView(folded.mm(t2), outShape);
            return transpose ? out.transpose(-2, -1).contiguous() : out;
        }
        // General case: broadcast batch dims, flatten to 3-d, bmm, view back.
        long n = da >= 2 ? as[da - 2] : 1, m1 = as[da - 1];
        long m2 = db >= 2 ? bs[db - 2] : bs[0], p = bs[db - 1];
        long[] batchA = java.util.Arrays.copyOf(as, Math.max(da - 2, 0));
        long[] batchB = java.util.Arrays.copyOf(bs, Math.max(db - 2, 0));
        int[] batch = Ops.broadcast(Ops.toInts(batchA), Ops.toInts(batchB));
        long bprod = 1;
        for (int s : batch) bprod *= s;
        long[] ea = new long[batch.length + 2], eb = new long[batch.length + 2];
        for (int i = 0; i < batch.length; i++) ea[i] = eb[i] = batch[i];
        ea[batch.length] = n;
        ea[batch.length + 1] = m1;
        eb[batch.length] = m2;
        eb[batch.length + 1] = db == 1 ? 1 : p;
        Tensor a1 = da == 1 ? a.unsqueeze(0) : a;
        Tensor b1 = db == 1 ? b.unsqueeze(-1) : b;
        Tensor a3 = a1.expand(ea).reshape(bprod, n, m1);
        Tensor b3 = b1.expand(eb).reshape(bprod, m2, db == 1 ? 1 : p);
        Tensor r = a3.bmm(b3);
        long[] outShape;
        int nb = batch.length;
        if (da == 1) {
            outShape = new long[nb + 1];
            outShape[nb] = p;
        } else if (db == 1) {
            outShape = new long[nb + 1];
            outShape[nb] = n;
        } else {
            outShape = new long[nb + 2];
            outShape[nb] = n;
            outShape[nb + 1] = p;
        }
        for (int i = 0; i < nb; i++) outShape[i] = batch[i];
        return Shapes.unsafeView(r, outShape);
    }
}
