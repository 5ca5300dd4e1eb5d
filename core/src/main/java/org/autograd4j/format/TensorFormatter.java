package org.autograd4j.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.autograd4j.DType;

/**
 * PyTorch 1.13.1's tensor {@code repr} (which is also its {@code str}), character for character.
 *
 * <p>Follows {@code torch/_tensor_str.py} with the default print options: precision 4, threshold 1000
 * (summarize above it, keeping 3 edge items per dimension), line width 80. It works on a shape, a dtype
 * and row-major element access, so it does not depend on the tensor class.
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";
    private static final int INDENT = PREFIX.length();
    private static final int LINE_WIDTH = 80;
    private static final long THRESHOLD = 1000;

    private TensorFormatter() {}

    /**
     * Full PyTorch repr: "tensor(...)" with suffixes dtype=..., grad_fn=&lt;Name&gt; (if gradFnName != null)
     * else requires_grad=True (if requiresGrad).
     *
     * <p>Examples: {@code tensor([1., 2., 3.])}, {@code tensor(2.5000, dtype=torch.float64, requires_grad=True)},
     * {@code tensor([], size=(0, 3))}. An empty tensor shows {@code size=(...)} unless it is 1-d, and its
     * dtype unless float32; a non-empty one shows its dtype only for float64.
     *
     * @param shape        the sizes (empty for a 0-d tensor); not modified
     * @param dtype        the element type, which selects the {@link Elements} accessor that is called
     * @param data         row-major element access; only the shown elements are read
     * @param gradFnName   the grad_fn's class name, e.g. {@code "MulBackward0"}, or null for none
     * @param requiresGrad whether to print {@code requires_grad=True} (when there is no grad_fn)
     * @return the repr, lines separated by {@code '\n'}
     */
    public static String repr(long[] shape, DType dtype, Elements data, String gradFnName, boolean requiresGrad) {
        return repr(shape, dtype, data, gradFnName, requiresGrad, null);
    }

    /**
     * {@link #repr(long[], DType, Elements, String, boolean)} of a dual tensor (forward-mode AD): the tangent's
     * repr follows as the last suffix, {@code tangent=tensor(...)}, as PyTorch prints it.
     *
     * @param shape        the sizes
     * @param dtype        the element type
     * @param data         row-major element access
     * @param gradFnName   the grad_fn's class name, or null
     * @param requiresGrad whether to print {@code requires_grad=True} (when there is no grad_fn)
     * @param tangent      the tangent's repr, or null for none
     * @return the repr
     */
    public static String repr(long[] shape, DType dtype, Elements data, String gradFnName, boolean requiresGrad, String tangent) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        long numel = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative size in shape: " + java.util.Arrays.toString(shape));
            }
            numel = Math.multiplyExact(numel, s);
        }

        StringBuilder sb = new StringBuilder(PREFIX);
        List<String> suffixes = new ArrayList<>(3);
        if (numel == 0) {
            sb.append("[]");
            if (shape.length != 1) {
                suffixes.add("size=" + tupleString(shape));
            }
            // nothing shows the dtype of an empty tensor, so any non-default one is printed
            if (dtype != DType.FLOAT32) {
                suffixes.add("dtype=" + dtype);
            }
        } else {
            Objects.requireNonNull(data, "data");
            // float32 is the default dtype; int64 and bool are recognisable from their elements
            if (dtype == DType.FLOAT64) {
                suffixes.add("dtype=" + dtype);
            }
            boolean summarize = numel > THRESHOLD;
            ElementFormatter f = ElementFormatter.build(shape, dtype, data, summarize);
            if (shape.length == 0) {
                sb.append(f.format(0));
            } else {
                appendBody(sb, shape, Shown.strides(shape), 0, 0, INDENT, summarize, f);
            }
        }
        if (gradFnName != null) {
            suffixes.add("grad_fn=<" + gradFnName + ">");
        } else if (requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        if (tangent != null) {
            suffixes.add("tangent=" + tangent);
        }
        appendSuffixes(sb, suffixes);
        return sb.toString();
    }

    /** Python's {@code str(tuple(shape))} for dim != 1: {@code (2, 0, 4)}. */
    private static String tupleString(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) {
            if (d > 0) {
                sb.append(", ");
            }
            sb.append(shape[d]);
        }
        return sb.append(')').toString();
    }

    /** PyTorch's _tensor_str_with_formatter for dimension d onwards, starting at row-major position offset. */
    private static void appendBody(StringBuilder sb, long[] shape, long[] strides, int d, long offset, int indent,
                                   boolean summarize, ElementFormatter f) {
        long n = shape[d];
        boolean elide = summarize && n > 2L * Shown.EDGE_ITEMS;
        sb.append('[');
        if (d == shape.length - 1) {
            // the " ..." of a summarized vector counts as an item when breaking lines
            int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, f.width() + 2));
            String lineBreak = ",\n" + " ".repeat(indent + 1);
            int item = 0;
            for (long k = 0; k < n; k++, item++) {
                if (item > 0) {
                    sb.append(item % perLine == 0 ? lineBreak : ", ");
                }
                if (elide && k == Shown.EDGE_ITEMS) {
                    sb.append(" ...");
                    k = n - Shown.EDGE_ITEMS - 1;
                    continue;
                }
                sb.append(f.format(offset + k));
            }
        } else {
            String sep = "," + "\n".repeat(shape.length - d - 1) + " ".repeat(indent + 1);
            for (long k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(sep);
                }
                if (elide && k == Shown.EDGE_ITEMS) {
                    sb.append("...");
                    k = n - Shown.EDGE_ITEMS - 1;
                    continue;
                }
                appendBody(sb, shape, strides, d + 1, offset + k * strides[d], indent + 1, summarize, f);
            }
        }
        sb.append(']');
    }

    /**
     * PyTorch's _add_suffixes, including its quirk: the starting length is the last line's length + 2, and a
     * wrapped suffix restarts the count at the indent (7) plus its own length.
     */
    private static void appendSuffixes(StringBuilder sb, List<String> suffixes) {
        int lastLineLen = sb.length() - sb.lastIndexOf("\n") + 1;
        for (String s : suffixes) {
            if (lastLineLen + s.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(INDENT)).append(s);
                lastLineLen = INDENT + s.length();
            } else {
                sb.append(", ").append(s);
                lastLineLen += s.length() + 2;
            }
        }
        sb.append(')');
    }
}
