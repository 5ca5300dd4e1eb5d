package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.T;
import static org.autograd4j.ops.OpTable.S;
import static org.autograd4j.ops.OpTable.binary;
import static org.autograd4j.ops.OpTable.c;
import static org.autograd4j.ops.OpTable.r;
import static org.autograd4j.ops.OpTable.row;
import static org.autograd4j.ops.OpTable.s;
import static org.autograd4j.ops.OpTable.u;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.Torch;

/**
 * The optimizers' fused updates in the op table: {@code add}/{@code sub} with alpha (one rounding,
 * {@code fma(other, alpha, self)}), {@code addcmul} ({@code fma(value·t1, t2, self)}) and {@code addcdiv}
 * ({@code self + (value·t1)/t2}); the goldens hold PyTorch's bits for them.
 */
final class FusedRows {
    private FusedRows() {
    }

    /** Three operands: same shapes, 0-d, broadcasting, views, empty, constants. */
    private static Function<Random, List<OpTable.Sample>> ternary(OpTable.Gen last) {
        return g -> List.of(s(r(g, 7), r(g, 7), last.make(g, 7)), s(r(g), r(g), last.make(g)),
                s(r(g, 3, 1), r(g, 1, 4), last.make(g, 4)), s(r(g, 2, 3), r(g, 3), last.make(g)),
                s(r(g), r(g, 2, 3), last.make(g, 2, 1)), s(T(r(g, 3, 4)), r(g, 3, 4), S(last.make(g, 3, 4))),
                s(r(g, 0, 3), r(g, 3), last.make(g, 1)), s(c(g, 5), r(g, 5), last.make(g, 5)),
                s(r(g, 13), c(g, 13), OpTable.constant(last.make(g, 13))));
    }

    static void rows() {
        // a sum of rounded terms with cancellation: float32 forwards against the double reference compare relatively
        // (the goldens hold PyTorch's bits exactly)
        row("add_alpha", "AddBackward0", xs -> xs.get(0).add(xs.get(1), -0.7),
                xs -> Arr.zip(xs.get(0), xs.get(1), (a, b) -> a + -0.7 * b), binary(OpTable::r, OpTable::r)).pointwise(0)
                .py("torch.add(a, b, alpha=-0.7)")
                .error("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
                        r(new Random(1), 2), r(new Random(2), 3));
        row("sub_alpha", "SubBackward0", xs -> xs.get(0).sub(xs.get(1), 2.5),
                xs -> Arr.zip(xs.get(0), xs.get(1), (a, b) -> a - 2.5 * b), binary(OpTable::r, OpTable::r)).pointwise(0)
                .py("torch.sub(a, b, alpha=2.5)");
        row("addcmul", "AddcmulBackward0", xs -> Torch.addcmul(xs.get(0), xs.get(1), xs.get(2), 0.3),
                xs -> Arr.zip(xs.get(0), Arr.zip(xs.get(1), xs.get(2), (a, b) -> 0.3 * a * b), Double::sum),
                ternary(OpTable::r)).pointwise(0)
                .py("torch.addcmul(a, b, c, value=0.3)")
                .relative()
                .error("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                        r(new Random(1), 3), r(new Random(2), 3), r(new Random(3), 2));
        row("addcmul_default", "AddcmulBackward0", xs -> xs.get(0).addcmul(xs.get(1), xs.get(2)),
                xs -> Arr.zip(xs.get(0), Arr.zip(xs.get(1), xs.get(2), (a, b) -> a * b), Double::sum),
                ternary(OpTable::r)).pointwise(0)
                .py("torch.addcmul(a, b, c)").relative();
        row("addcdiv", "AddcdivBackward0", xs -> Torch.addcdiv(xs.get(0), xs.get(1), xs.get(2), -1.5),
                xs -> Arr.zip(xs.get(0), Arr.zip(xs.get(1), xs.get(2), (a, b) -> -1.5 * a / b), Double::sum),
                ternary(OpTable::u)).pointwise(0)
                .py("torch.addcdiv(a, b, c, value=-1.5)").relative();
    }
}
