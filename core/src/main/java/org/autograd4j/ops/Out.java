package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.autograd4j.DType;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;
import org.autograd4j.storage.Storage;

/**
 * The one out= path: PyTorch's {@code torch.op(..., out=t)}, as its autograd layer, structured kernels and
 * {@code TensorIterator} handle the argument. An op declaration gives its out= form by describing its result as a
 * {@link Plan} (shape, dtype, the kernel that writes it into any destination); {@link #write} does the rest in
 * PyTorch 1.13.1's order:
 * <ol>
 * <li>no input nor out may require grad while grad mode is on ({@code throw_error_out_requires_grad}), out must be
 * writable (not an inference tensor outside inference mode);</li>
 * <li>the op's own checks and shapes (building the plan);</li>
 * <li>out has no internal overlap; for a pointwise op no input partially overlaps it
 * ({@code assert_no_partial_overlap}: an input that is out itself, same elements and strides, is fine);</li>
 * <li>for a pointwise op the result dtype can be cast to out's ({@code canCast}: no float into an integer, nothing
 * but bool into bool); any other op needs out of the result's exact dtype (a structured kernel's
 * {@code resize_out} check);</li>
 * <li>out takes the result's shape when it has another ({@code resize_output}, with PyTorch's deprecation warning
 * when out had elements), contiguous, over its own storage when that is large enough;</li>
 * <li>the kernel writes straight into out's storage through out's strides when out has the result's dtype and no
 * input shares out's memory in another layout; otherwise the result is computed aside and copied in (cast);</li>
 * <li>out's version counter is bumped; a forward-mode tangent on any operand then raises PyTorch's
 * "out= function" error (after the write, as PyTorch's generated code checks it).</li>
 * </ol>
 */
public final class Out {
    private Out() {
    }

    /** Writes an op's result, of the plan's shape and dtype, into {@code out} laid out as {@code ol}. */
    @FunctionalInterface
    public interface Kernel {
        /** Writes every element of the result into {@code out} through {@code ol}. */
        void write(Storage out, Layout ol);
    }

    /**
     * What an op's call produces: the result's shape and dtype, the layout a fresh result would follow (what the
     * functional form allocates; null: row-major), whether it is pointwise, and the kernel that writes the values.
     * A pointwise op follows {@code TensorIterator}'s rules (overlap checks, any castable out dtype, out may be an
     * input); any other ({@code mm}) follows a structured kernel's: out has the result's exact dtype, and an input
     * sharing out's memory is read from a copy of the result computed aside.
     */
    public record Plan(int[] shape, DType dtype, Layout like, boolean pointwise, Kernel kernel) {
    }

    /** Where PyTorch's {@code UserWarning}s go: the API layer installs its printer when it is initialised. */
    private static volatile Consumer<String> warnings = m -> { };

    /** Installs the sink of the resize warning (the API's Python-style warning printer). */
    public static void setWarnings(Consumer<String> sink) {
        warnings = sink;
    }

    /**
     * {@code torch.name(inputs..., out=out)}: runs PyTorch's checks, writes the result of {@code plan} (built only
     * after the autograd check, so the op's own errors come after it, as in PyTorch) into out and returns out.
     *
     * @param name PyTorch's function name, for the messages ({@code add})
     * @param out the destination
     * @param plan the op's checks and result
     * @param inputs the tensor operands (Java scalars included; they never overlap out)
     * @return out
     */
    public static TensorImpl write(String name, TensorImpl out, Supplier<Plan> plan, TensorImpl... inputs) {
        if (GradMode.isEnabled() && (out.requiresGrad() || anyRequiresGrad(inputs))) {
            throw new IllegalStateException(name + "(): functions with out=... arguments don't support automatic differentiation, "
                    + "but one of the arguments requires grad.");
        }
        if (out.isInference() && !GradMode.isInference()) InPlace.checkWritable(out);
        Plan p = plan.get();
        InPlace.checkNoInternalOverlap(out.layout());
        if (p.pointwise()) {
            for (TensorImpl in : inputs) checkNoPartialOverlap(out, in);
            if (Promotion.category(p.dtype()) > Promotion.category(out.dtype())) {
                throw new IllegalArgumentException("result type " + p.dtype().scalarTypeName()
                        + " can't be cast to the desired output type " + out.dtype().scalarTypeName());
            }
        } else if (p.dtype() != out.dtype()) {
            throw new IllegalArgumentException("Expected out tensor to have dtype " + typeMetaName(p.dtype()) + ", but got "
                    + typeMetaName(out.dtype()) + " instead");
        }
        if (!Sizes.same(out.shape(), p.shape())) resize(out, p.shape());
        if (out.dtype() == p.dtype() && !aliased(out, inputs, p.pointwise())) {
            // the fast path: the kernel writes out's own storage, no temporary, no copy
            p.kernel().write(out.storage(), out.layout());
        } else {
            TensorImpl tmp = p.like() == null ? Ops.empty(p.dtype(), p.shape()) : Ops.empty(p.dtype(), p.shape(), p.like());
            p.kernel().write(tmp.storage(), tmp.layout());
            K.copy(tmp.storage(), tmp.layout(), out.storage(), out.layout());
        }
        out.bumpVersion();
        if (DualLevels.open() != 0 && (Dual.has(out) || Dual.any(inputs))) {
            throw new UnsupportedOperationException("Trying to use forward AD with " + name
                    + "_out that does not support it because it is an out= function");
        }
        return out;
    }

    /** The C++ type name PyTorch's structured kernels print ({@code caffe2::TypeMeta}'s). */
    private static String typeMetaName(DType t) {
        return switch (t) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long int";
            case BOOL -> "bool";
        };
    }

    private static boolean anyRequiresGrad(TensorImpl[] inputs) {
        for (TensorImpl t : inputs) if (t.requiresGrad()) return true;
        return false;
    }

    /** PyTorch's resize warning (its {@code Resize.cpp} text; Python appends where in C++ it was raised). */
    static String resizeWarning(int[] had, int[] wanted) {
        return "An output with one or more elements was resized since it had shape " + Sizes.list(had) + ", which does not match "
                + "the required output shape " + Sizes.list(wanted) + ". This behavior is deprecated, and in a future PyTorch release "
                + "outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing "
                + "it, inplace, to zero elements with t.resize_(0).";
    }

    /**
     * {@code resize_output}: out becomes a row-major tensor of {@code shape} at its storage offset, over its storage
     * when that holds it (its base and other views then see the result, as in PyTorch), else over a new one.
     */
    private static void resize(TensorImpl out, int[] shape) {
        if (out.numel() != 0) warnings.accept(resizeWarning(out.shape(), shape));
        Layout c = Layout.contiguous(shape);
        int offset = out.layout().offset();
        Layout l = offset == 0 ? c : new Layout(c.shape(), c.strides(), offset);
        long need = (long) offset + l.numel();
        if (need > Integer.MAX_VALUE) throw new IllegalArgumentException("autograd4j: a tensor holds at most 2^31 - 1 elements");
        out.resize(l, need <= out.storage().size() ? null : Storage.allocate(out.dtype(), (int) need));
    }

    /**
     * PyTorch's {@code get_overlap_status} between out and an input, raising for a partial overlap: both dense and
     * non-overlapping, in the same storage, their element ranges intersect, and they are not the same elements with
     * the same strides. Layouts PyTorch cannot judge (not dense) pass, as there; {@link #aliased} then routes the
     * write through a temporary.
     */
    private static void checkNoPartialOverlap(TensorImpl out, TensorImpl in) {
        if (in == out || in.isWrappedNumber() || in.storage() != out.storage() || in.numel() == 0 || out.numel() == 0) return;
        Layout a = out.layout(), b = in.layout();
        if (!denseNonOverlapping(a) || !denseNonOverlapping(b)) return;
        long aBegin = a.offset(), aEnd = aBegin + a.numel(), bBegin = b.offset(), bEnd = bBegin + b.numel();
        boolean partial = aBegin == bBegin && aEnd == bEnd ? !java.util.Arrays.equals(a.strides(), b.strides())
                : aBegin < bEnd && bBegin < aEnd;
        if (partial) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the written-to tensor "
                    + "refer to a single memory location. Please clone() the tensor before performing the operation.");
        }
    }

    /** {@code is_non_overlapping_and_dense}: the strides, sorted, are the row-major strides of the sorted sizes. */
    static boolean denseNonOverlapping(Layout l) {
        int n = l.dim();
        int[] shape = l.shape(), strides = l.strides();
        Integer[] perm = new Integer[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        java.util.Arrays.sort(perm, (x, y) -> Integer.compare(strides[x], strides[y]));
        long expected = 1;
        for (int k = 0; k < n; k++) {
            int d = perm[k];
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /**
     * True when writing out directly could overwrite an element an input still has to read: some input shares
     * out's storage, for a pointwise op in a layout other than out's own (an input that is out, element for
     * element, is read at each position before that position is written, as in place).
     */
    private static boolean aliased(TensorImpl out, TensorImpl[] inputs, boolean pointwise) {
        for (TensorImpl in : inputs) {
            if (in.isWrappedNumber() || in.storage() != out.storage()) continue;
            if (!pointwise) return true;
            Layout a = out.layout(), b = in.layout();
            if (a.offset() != b.offset() || !Sizes.same(a.shape(), b.shape()) || !java.util.Arrays.equals(a.strides(), b.strides())) {
                return true;
            }
        }
        return false;
    }
}
