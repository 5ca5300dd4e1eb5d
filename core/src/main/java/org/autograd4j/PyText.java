package org.autograd4j;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.autograd4j.format.PyRepr;

/**
 * Python's {@code str} and {@code repr} of the Java values a translated script prints: what {@link Torch#str}
 * and {@link Torch#print} show. Inside containers Python prints each item's {@code repr}, so strings there are
 * quoted; at the top level {@code str} shows a string as it is.
 */
final class PyText {
    private PyText() {
    }

    /** Python's {@code str(o)}. */
    static String str(Object o) {
        if (o instanceof CharSequence || o instanceof Character) return o.toString();
        return repr(o);
    }

    /** Python's {@code repr(o)}: None, True/False, float repr, ints, quoted strings, tuples, lists, dicts, tensors. */
    static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        repr(o, sb);
        return sb.toString();
    }

    private static void repr(Object o, StringBuilder sb) {
        switch (o) {
            case null -> sb.append("None");
            case Boolean b -> sb.append(PyRepr.boolRepr(b));
            case Double d -> sb.append(PyRepr.floatRepr(d));
            case Float f -> sb.append(PyRepr.floatRepr(f.doubleValue()));
            case Number n -> sb.append(n);
            case CharSequence s -> sb.append(PyRepr.strRepr(s.toString()));
            case Character c -> sb.append(PyRepr.strRepr(c.toString()));
            case Size s -> sb.append(s);
            case Edge e -> {
                sb.append('(');
                repr(e.node(), sb);
                sb.append(", ").append(e.inputNr()).append(')');
            }
            case PyTuple<?> t -> {
                sb.append('(');
                items(t.iterator(), sb);
                sb.append(t.size() == 1 ? ",)" : ")");
            }
            case List<?> l -> {
                sb.append('[');
                items(l.iterator(), sb);
                sb.append(']');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(", ");
                    first = false;
                    repr(e.getKey(), sb);
                    sb.append(": ");
                    repr(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> {
                if (o.getClass().isArray()) {
                    // a Java array is the list it was written from
                    sb.append('[');
                    for (int i = 0, n = Array.getLength(o); i < n; i++) {
                        if (i > 0) sb.append(", ");
                        repr(Array.get(o, i), sb);
                    }
                    sb.append(']');
                } else {
                    sb.append(o); // Tensor, DType, Node, ValuesIndices print PyTorch's repr already
                }
            }
        }
    }

    private static void items(Iterator<?> it, StringBuilder sb) {
        boolean first = true;
        while (it.hasNext()) {
            if (!first) sb.append(", ");
            first = false;
            repr(it.next(), sb);
        }
    }
}
