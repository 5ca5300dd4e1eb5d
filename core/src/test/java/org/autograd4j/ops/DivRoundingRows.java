package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.binary;
import static org.autograd4j.ops.OpTable.f2;
import static org.autograd4j.ops.OpTable.fixed;
import static org.autograd4j.ops.OpTable.fromDomain;
import static org.autograd4j.ops.OpTable.index;
import static org.autograd4j.ops.OpTable.row;
import static org.autograd4j.ops.OpTable.s;
import static org.autograd4j.ops.OpTable.sh;
import static org.autograd4j.ops.OpTable.zip;

import org.autograd4j.ops.OpTable.In;
import org.autograd4j.ops.OpTable.Kind;

/**
 * {@code torch.div(a, b, rounding_mode='trunc' | 'floor')} in the op table (DivBackward2, zero gradients): values,
 * integer dtypes, Python's floor-division ties and signs, and PyTorch's messages.
 */
final class DivRoundingRows {
    private DivRoundingRows() {
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
    }
}
