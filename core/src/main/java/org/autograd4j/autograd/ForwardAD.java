package org.autograd4j.autograd;

import org.autograd4j.Tensor;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.Facade;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.ops.Dual;

/**
 * Forward-mode automatic differentiation, PyTorch's {@code torch.autograd.forward_ad}. Inside a dual level, a
 * tensor made by {@link #makeDual} carries a tangent {@code t}, and every op's result carries the tangent
 * {@code J·t} (its Jacobian times the input tangents), computed alongside the values by each op's forward formula:
 *
 * <pre>{@code
 * try (ForwardAD.DualLevel level = ForwardAD.dualLevel()) {      // with fwAD.dual_level():
 *     Tensor d = ForwardAD.makeDual(x, v);                        //     d = fwAD.make_dual(x, v)
 *     Tensor jvp = ForwardAD.unpackDual(f.apply(d)).tangent();    //     jvp = fwAD.unpack_dual(f(d)).tangent
 * }
 * }</pre>
 *
 * <p>As in PyTorch 1.13 one level is open at a time, and leaving it drops every tangent set in it. An op
 * without a forward formula raises PyTorch's "Trying to use forward AD with … that does not support it".
 */
public final class ForwardAD {
    private ForwardAD() {
    }

    /** An open dual level ({@code fwAD.dual_level()}); closing it exits the level. */
    public static final class DualLevel implements AutoCloseable {
        private final int id;
        private boolean closed;

        private DualLevel(int id) {
            this.id = id;
        }

        /**
         * The level's index as PyTorch reports it ({@code with fwAD.dual_level() as l}: 0).
         *
         * @return the index
         */
        public int index() {
            return DualLevels.index();
        }

        /** Exits the level ({@code fwAD.exit_dual_level()}); the tangents set in it are gone. */
        @Override
        public void close() {
            if (closed) return;
            closed = true;
            DualLevels.exit(id);
        }
    }

    /**
     * Enters a new dual level, {@code fwAD.dual_level()} / {@code enter_dual_level()}; use it in
     * try-with-resources.
     *
     * @return the open level
     * @throws IllegalStateException "Nested forward mode AD is not supported at the moment" when one is open
     */
    public static DualLevel dualLevel() {
        return new DualLevel(DualLevels.enter());
    }

    /**
     * {@code fwAD.make_dual(primal, tangent)}: a view of {@code primal} whose tangent at the open level is
     * {@code tangent} (kept as given, not copied).
     *
     * @param primal a floating tensor
     * @param tangent a floating tensor of primal's shape
     * @return the dual tensor
     * @throws IllegalStateException outside a dual level, or when primal already has a tangent (PyTorch's messages)
     * @throws IllegalArgumentException for a non-floating primal or tangent, or a tangent of another shape
     */
    public static Tensor makeDual(Tensor primal, Tensor tangent) {
        return wrap(Dual.makeDual(impl(primal), impl(tangent)));
    }

    /**
     * {@code fwAD.unpack_dual(t)}: the primal (a view without tangent) and the tangent at the open level (null
     * when it has none, or outside a level).
     *
     * @param t any tensor
     * @return primal and tangent
     */
    public static UnpackedDualTensor unpackDual(Tensor t) {
        TensorImpl i = impl(t);
        return new UnpackedDualTensor(wrap(Dual.primal(i)), wrap(Dual.tangent(i)));
    }

    /**
     * PyTorch's {@code UnpackedDualTensor} named tuple.
     *
     * @param primal the value, without tangent
     * @param tangent the tangent, or null ({@code None})
     */
    public record UnpackedDualTensor(Tensor primal, Tensor tangent) {
        /**
         * As PyTorch prints it: {@code UnpackedDualTensor(primal=tensor(...), tangent=None)}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "UnpackedDualTensor(primal=" + primal + ", tangent=" + (tangent == null ? "None" : tangent.toString()) + ")";
        }
    }

    static TensorImpl impl(Tensor t) {
        return Facade.access().impl(t);
    }

    static Tensor wrap(TensorImpl t) {
        return (Tensor) Facade.access().wrap(t);
    }
}
