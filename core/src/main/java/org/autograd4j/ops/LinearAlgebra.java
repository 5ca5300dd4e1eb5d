package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.autograd4j.storage.Sizes;

/** Matrix products: mm, bmm, dot, mv as primitives with their derivatives; matmul dispatching as PyTorch's. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    private static String dims(int[] s) {
        return s[0] + "x" + s[1];
    }

    private static void sameType(TensorImpl a, TensorImpl b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
    }

    /** The storage of {@code a @ b} over 3-d layouts, row-major; the caller gives it the result's own layout. */
    private static Storage product(TensorImpl a, Layout al, TensorImpl b, Layout bl) {
        Layout l = Layout.contiguous(new int[] {al.size(0), al.size(1), bl.size(2)});
        Storage out = Storage.allocate(a.dtype(), l.numel());
        K.matmul(a.storage(), al, b.storage(), bl, out, l);
        return out;
    }

    /** The storage of {@code a @ b} for 2-d a, b, row-major, with no layout allocated on the way. */
    private static Storage product2d(TensorImpl a, TensorImpl b) {
        Layout al = a.layout(), bl = b.layout();
        int m = al.size(0), k = al.size(1), n = bl.size(1);
        int[] ast = al.strides(), bst = bl.strides();
        Storage out = Storage.allocate(a.dtype(), m * n);
        K.matmul(1, m, k, n, a.storage(), al.offset(), 0, ast[0], ast[1], b.storage(), bl.offset(), 0, bst[0], bst[1], out, 0);
        return out;
    }

    private static Layout as3d(TensorImpl t, int rows, int cols, int rowStride, int colStride) {
        return new Layout(new int[] {1, rows, cols}, new int[] {0, rowStride, colStride}, t.layout().offset());
    }

    /** mm's checks, in PyTorch's order: both matrices, inner sizes equal, one dtype. */
    private static void checkMm(TensorImpl a, TensorImpl b) {
        if (a.dim() != 2) throw new IllegalArgumentException("self must be a matrix");
        if (b.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix");
        int[] as = a.shape(), bs = b.shape();
        if (as[1] != bs[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + dims(as) + " and " + dims(bs) + ")");
        }
        sameType(a, b);
    }

    /** {@code a @ b} for 2-d a, b. Derivative: {@code (g @ bᵀ, aᵀ @ g)}. */
    public static TensorImpl mm(TensorImpl a, TensorImpl b) {
        checkMm(a, b);
        int[] as = a.shape(), bs = b.shape();
        TensorImpl out = TensorImpl.of(product2d(a, b), Layout.contiguous(new int[] {as[0], bs[1]}));
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Dual.Forward fw = DualLevels.open() == 0 ? null
                    : t -> Dual.plus(t[0] == null ? null : mm(t[0], b), t[1] == null ? null : mm(a, t[1]));
            Graph.record(out, "MmBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? mm(g, t(sb.get())) : null,
                n.needs(1) ? mm(t(sa.get()), g) : null}, new TensorImpl[] {a, b}, fw, sa, sb);
        }
        return out;
    }

    /**
     * {@code torch.mm(a, b, out=out)} through the one out= path ({@link Out}), as a structured kernel: out must have
     * the product's dtype; the GEMM writes straight into out when out is row-major (any offset) and shares no memory
     * with a or b, else the product is computed aside and copied through out's strides. Returns out.
     */
    public static TensorImpl mmOut(TensorImpl a, TensorImpl b, TensorImpl out) {
        return Out.write("mm", out, () -> {
            checkMm(a, b);
            int[] as = a.shape(), bs = b.shape();
            int m = as[0], k = as[1], n = bs[1];
            return new Out.Plan(new int[] {m, n}, a.dtype(), null, false, (os, ol) -> {
                int[] st = ol.strides();
                if ((m < 2 || st[0] == n) && (n < 2 || st[1] == 1)) {
                    Layout al = a.layout(), bl = b.layout();
                    int[] ast = al.strides(), bst = bl.strides();
                    K.matmul(1, m, k, n, a.storage(), al.offset(), 0, ast[0], ast[1], b.storage(), bl.offset(), 0, bst[0], bst[1],
                            os, ol.offset());
                } else {
                    K.copy(product2d(a, b), Layout.contiguous(new int[] {m, n}), os, ol);
                }
            });
        }, a, b);
    }

    /**
     * {@code beta·self + alpha·(mat1 @ mat2)}, self broadcast to the product's shape ({@code torch.addmm}), as
     * PyTorch: one matrix product, then the scaled input added (with beta = 0 self is not read, so its NaNs do
     * not propagate). Derivative ({@code AddmmBackward0}): {@code (beta·g, alpha·g @ mat2ᵀ, alpha·mat1ᵀ @ g)}.
     */
    public static TensorImpl addmm(TensorImpl self, TensorImpl mat1, TensorImpl mat2, double beta, double alpha) {
        if (mat1.dim() != 2) throw new IllegalArgumentException("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
        if (mat2.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
        int[] as = mat1.shape(), bs = mat2.shape();
        if (as[1] != bs[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + dims(as) + " and " + dims(bs) + ")");
        }
        TensorImpl bias = Shapes.expand(self.detach(), new long[] {as[0], bs[1]});
        if (self.dtype() != mat2.dtype()) throw new IllegalArgumentException("self and mat2 must have the same dtype");
        if (mat1.dtype() != mat2.dtype()) throw new IllegalArgumentException("mat1 and mat2 must have the same dtype");
        TensorImpl out;
        {
            boolean prev = GradMode.set(false);
            try {
                TensorImpl prod = TensorImpl.of(product2d(mat1, mat2), Layout.contiguous(new int[] {as[0], bs[1]}));
                if (alpha != 1) prod = mul(prod, alpha);
                if (beta == 0) out = prod;
                else out = Binary.ADD.apply_(prod, beta == 1 ? bias : mul(bias, beta)); // in place: prod is fresh
            } finally {
                GradMode.set(prev);
            }
        }
        if (Graph.needs(new TensorImpl[] {self, mat1, mat2})) {
            SavedTensor sa = mat2.requiresGrad() ? SavedTensor.input(mat1) : null;
            SavedTensor sb = mat1.requiresGrad() ? SavedTensor.input(mat2) : null;
            Graph.record(out, "AddmmBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? (beta == 1 ? g : mul(g, beta)) : null,
                n.needs(1) ? scaled(mm(g, t(sb.get())), alpha) : null,
                n.needs(2) ? scaled(mm(t(sa.get()), g), alpha) : null}, new TensorImpl[] {self, mat1, mat2},
                t -> Dual.plus(t[0] == null || beta == 0 ? null : scaled(t[0], beta), scaled(Dual.plus(
                        t[1] == null ? null : mm(t[1], mat2), t[2] == null ? null : mm(mat1, t[2])), alpha)), sa, sb);
        }
        return out;
    }

    private static TensorImpl scaled(TensorImpl t, double alpha) {
        return alpha == 1 ? t : mul(t, alpha);
    }

    /** Batched {@code a @ b} for 3-d tensors with equal batch sizes. Derivative: {@code (g @ bᵀ, aᵀ @ g)} per batch. */
    public static TensorImpl bmm(TensorImpl a, TensorImpl b) {
        if (a.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
        if (b.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
        int[] as = a.shape(), bs = b.shape();
        if (as[0] != bs[0] || as[2] != bs[1]) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [" + as[0] + ", "
                    + as[2] + "] but got: [" + bs[0] + ", " + bs[1] + "].");
        }
        sameType(a, b);
        TensorImpl out = TensorImpl.of(product(a, a.layout(), b, b.layout()), Layout.contiguous(new int[] {as[0], as[1], bs[2]}));
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Graph.record(out, "BmmBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? bmm(g, transpose(sb.get(), 1, 2)) : null,
                n.needs(1) ? bmm(transpose(sa.get(), 1, 2), g) : null}, new TensorImpl[] {a, b},
                t -> Dual.plus(t[0] == null ? null : bmm(t[0], b), t[1] == null ? null : bmm(a, t[1])), sa, sb);
        }
        return out;
    }

    /** Σ aᵢbᵢ for 1-d a, b. Derivative: {@code (g·b, g·a)}. */
    public static TensorImpl dot(TensorImpl a, TensorImpl b) {
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
        Storage c = product(a, as3d(a, 1, n1, 0, sa0), b, as3d(b, n1, 1, sb0, 0));
        TensorImpl out = TensorImpl.of(c, Layout.contiguous(new int[0]));
        if (Graph.needs(a, b)) {
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            Graph.record(out, "DotBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? mul(g, sb.get()) : null,
                n.needs(1) ? mul(g, sa.get()) : null}, new TensorImpl[] {a, b},
                t -> Dual.plus(t[0] == null ? null : dot(t[0], b), t[1] == null ? null : dot(a, t[1])), sa, sb);
        }
        return out;
    }

    /** {@code a @ v} for 2-d a and 1-d v. Derivative: {@code (g ⊗ v, aᵀ @ g)}, the outer product as {@code g.reshape(-1, 1) * v}. */
    public static TensorImpl mv(TensorImpl a, TensorImpl v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
        }
        int[] as = a.shape();
        int n1 = v.layout().size(0);
        if (as[1] != n1) {
            throw new IllegalArgumentException("size mismatch, got " + as[0] + ", " + as[0] + "x" + as[1] + "," + n1);
        }
        sameType(a, v);
        int[] ast = a.layout().strides();
        Storage c = product(a, as3d(a, as[0], as[1], ast[0], ast[1]), v, as3d(v, n1, 1, v.layout().strides()[0], 0));
        TensorImpl out = TensorImpl.of(c, Layout.contiguous(new int[] {as[0]}));
        if (Graph.needs(a, v)) {
            SavedTensor sa = v.requiresGrad() ? SavedTensor.input(a) : null;
            SavedTensor sv = a.requiresGrad() ? SavedTensor.input(v) : null;
            Graph.record(out, "MvBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? mul(reshape(g, new int[] {-1, 1}), sv.get()) : null, // PyTorch's grad.ger(vec): g as a column times vec
                n.needs(1) ? mv(t(sa.get()), g) : null}, new TensorImpl[] {a, v},
                t -> Dual.plus(t[0] == null ? null : mv(t[0], v), t[1] == null ? null : mv(a, t[1])), sa, sv);
        }
        return out;
    }

    /** PyTorch's {@code matmul}: dot, mv, mm, folded mm for batched @ matrix, else broadcast bmm. No derivative of its own. */
    public static TensorImpl matmul(TensorImpl a, TensorImpl b) {
        int da = a.dim(), db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da + "D and "
                    + db + "D");
        }
        if (da == 1 && db == 1) return dot(a, b);
        if (da == 2 && db == 1) return mv(a, b);
        // PyTorch squeezes in place here, hence SqueezeBackward3 (squeeze_.dim).
        if (da == 1 && db == 2) return Shapes.squeeze(mm(unsqueeze(a, 0), b), 0, "SqueezeBackward3");
        if (da == 2 && db == 2) return mm(a, b);
        int[] as = a.shape(), bs = b.shape();
        if ((da >= 3 && db <= 2) || (db >= 3 && da <= 2)) {
            // Fold the batch dims of the bigger operand into matrix rows: one mm (or mv), then an unsafe view
            // back. For a batched right operand PyTorch folds bᵀ and transposes the result back.
            boolean flipped = db > da;
            TensorImpl t1 = flipped ? transpose(b, -2, -1) : a;
            TensorImpl t2 = !flipped ? b : da == 2 ? t(a) : a;
            int[] s1 = t1.shape();
            TensorImpl folded = Shapes.reshape(t1, new long[] {-1, s1[s1.length - 1]});
            int[] outShape = java.util.Arrays.copyOf(s1, t2.dim() == 2 ? s1.length : s1.length - 1);
            if (t2.dim() == 1) return Shapes.unsafeView(mv(folded, t2), Sizes.toLongs(outShape));
            outShape[s1.length - 1] = t2.shape()[1];
            TensorImpl out = Shapes.unsafeView(mm(folded, t2), Sizes.toLongs(outShape));
            return flipped ? contiguous(transpose(out, -2, -1)) : out;
        }
        // General case: broadcast batch dims, flatten to 3-d, bmm, view back.
        int n = da >= 2 ? as[da - 2] : 1, m1 = as[da - 1];
        int m2 = db >= 2 ? bs[db - 2] : bs[0], p = bs[db - 1];
        int[] batchA = java.util.Arrays.copyOf(as, Math.max(da - 2, 0));
        int[] batchB = java.util.Arrays.copyOf(bs, Math.max(db - 2, 0));
        int[] batch = Ops.broadcast(batchA, batchB);
        int bprod = 1;
        for (int s : batch) bprod *= s;
        int nb = batch.length;
        int[] ea = java.util.Arrays.copyOf(batch, nb + 2), eb = java.util.Arrays.copyOf(batch, nb + 2);
        ea[nb] = n;
        ea[nb + 1] = m1;
        eb[nb] = m2;
        eb[nb + 1] = db == 1 ? 1 : p;
        TensorImpl a1 = da == 1 ? unsqueeze(a, 0) : a;
        TensorImpl b1 = db == 1 ? unsqueeze(b, -1) : b;
        TensorImpl a3 = reshape(expand(a1, ea), new int[] {bprod, n, m1});
        TensorImpl b3 = reshape(expand(b1, eb), new int[] {bprod, m2, db == 1 ? 1 : p});
        TensorImpl r = bmm(a3, b3);
        int[] outShape;
        if (da == 1) {
            outShape = java.util.Arrays.copyOf(batch, nb + 1);
            outShape[nb] = p;
        } else if (db == 1) {
            outShape = java.util.Arrays.copyOf(batch, nb + 1);
            outShape[nb] = n;
        } else {
            outShape = java.util.Arrays.copyOf(batch, nb + 2);
            outShape[nb] = n;
            outShape[nb + 1] = p;
        }
        return Shapes.unsafeView(r, Sizes.toLongs(outShape));
    }

    /** {@code t} itself if contiguous, else a contiguous copy ({@code tensor.contiguous()}). */
    private static TensorImpl contiguous(TensorImpl t) {
        // Shapes.clone, not clone: inside a class, Object.clone() would shadow the static import.
        return t.layout().isContiguous() ? t : Shapes.clone(t);
    }
}
