package org.autograd4j.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The goldens of {@code tools/goldens/gen_hooks.py} ({@code goldens/hooks.txt}) and the few formatting helpers
 * the hook tests share, printing as the generator prints: values as Python's {@code repr(float)} joined by commas,
 * event logs as {@code label:values} joined by {@code ;}.
 */
public final class HookGoldens {
    private HookGoldens() {
    }

    /** The golden of {@code key}. */
    public static String golden(String key) {
        String v = Goldens.all("hooks.txt").get(key);
        if (v == null) throw new IllegalArgumentException("no golden '" + key + "' in hooks.txt");
        return v;
    }

    /**
     * PyTorch's message with the Python hook's name replaced by {@code 'hook'}: a Java lambda has no name, so
     * this library's messages always say {@code hook 'hook'}.
     */
    public static String hookMessage(String key) {
        return golden(key).replaceFirst("^hook '[^']*'", "hook 'hook'");
    }

    /** The generator's {@code vals(t)}: every element as Python's repr of a float, comma-separated; None for null. */
    public static String vals(Tensor t) {
        if (t == null) return "None";
        StringBuilder b = new StringBuilder();
        for (double v : t.detach().toDoubleArray()) {
            if (b.length() > 0) b.append(',');
            b.append(Double.isNaN(v) ? "nan" : Double.toString(v));
        }
        return b.toString();
    }

    /** A float32 leaf that requires grad, as the generator's {@code leaf(*v)}. */
    public static Tensor leaf(double... v) {
        return Torch.tensor(v).requiresGrad_();
    }

    /** An event log as the generator writes it. */
    public static final class Log {
        private final List<String> events = new ArrayList<>();

        /** Records {@code label}. */
        public void add(String label) {
            events.add(label);
        }

        /** Records {@code label:vals(g)}. */
        public void add(String label, Tensor g) {
            events.add(label + ":" + vals(g));
        }

        /** A tensor hook that records {@code label:g} and returns {@code then.apply(g)} (null: keep). */
        public UnaryOperator<Tensor> hook(String label, UnaryOperator<Tensor> then) {
            return g -> {
                add(label, g);
                return then == null ? null : then.apply(g);
            };
        }

        /** Forgets every event. */
        public void clear() {
            events.clear();
        }

        @Override
        public String toString() {
            return String.join(";", events);
        }
    }

    /** Python's str of a bool. */
    public static String py(boolean b) {
        return b ? "True" : "False";
    }
}
