package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.binary;
import static org.autograd4j.ops.OpTable.f1;
import static org.autograd4j.ops.OpTable.f2;
import static org.autograd4j.ops.OpTable.fixed;
import static org.autograd4j.ops.OpTable.fromDomain;
import static org.autograd4j.ops.OpTable.index;
import static org.autograd4j.ops.OpTable.map;
import static org.autograd4j.ops.OpTable.row;
import static org.autograd4j.ops.OpTable.s;
import static org.autograd4j.ops.OpTable.sh;
import static org.autograd4j.ops.OpTable.unary;
import static org.autograd4j.ops.OpTable.zip;

import org.autograd4j.ops.OpTable.In;
import org.autograd4j.ops.OpTable.Kind;

/**
 * The double-backward task's rows: {@code torch.div(a, b, rounding_mode='trunc' | 'floor')} (DivBackward2, zero
 * gradients: values, integer dtypes, Python's floor-division signs, PyTorch's messages), and {@code a ** -2}, which
 * PyTorch computes as {@code 1 / (a·a)} in the dtype (bit-exact goldens).
 */
final class DblRows {
    private DblRows() {
    }

    static void rows() {
        In bools = new In(new double[] {1, 0, 1}, sh(3), Kind.BOOL, false, OpTable.Style.CONTIG);
        for (String mode : new String[] {"trunc", "floor"}) {
            boolean trunc = mode.equals("trunc");
            row("div_" + mode, "DivBackward2", f2((x, y) -> x.div(y, mode)),
                    zip((a, b) -> trunc ? (a / b < 0 ? Math.ceil(a / b) : Math.floor(a / b)) : Math.floor(a / b)),
                    binary(fromDomain(Unary.Domain.ALL, Kind.FLOAT), fromDomain(Unary.Domain.NONZERO, Kind.FLOAT)))
                    .pointwise(0).py("torch.div(a, b, rounding_mode='" + mode + "')")
                    // signs, exact quotients, a zero divisor, a signed zero quotient; integers keep int64
                    .golden(s(fixed(sh(6), 5, -5, 5, -5, 6, -0.5), fixed(sh(6), 3, 3, -3, -3, 3, 4)),
                            s(fixed(sh(3), 1, -1, 0), fixed(sh(3), 0, 0, 0)),
                            s(index(sh(4), -7, 7, -7, 7), index(sh(4), 2, 2, -2, -2)),
                            s(fixed(sh(2), 0.7, -0.3), fixed(sh(2), 0.1, 0.1)))
                    .error("ZeroDivisionError", index(sh(2), 1, 2), index(sh(2), 1, 0))
                    .error("\"div_" + mode + "_cpu\" not implemented for 'Bool'", bools, bools);
        }
        row("pow_neg2", "PowBackward0", f1(x -> x.pow(-2L)), map(x -> 1 / (x * x)), unary(OpTable::u)).pointwise(0).py("a ** -2");
    }
}
