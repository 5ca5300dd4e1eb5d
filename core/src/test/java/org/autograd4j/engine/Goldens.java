package org.autograd4j.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.GoldenFile;

/**
 * Goldens printed by PyTorch 1.13.1 through {@code tools/goldens/gen_engine.py}: one case per line,
 * {@code key<TAB>value}, with backslash and newline escaped as {@code \\} and {@code \n}.
 */
final class Goldens {
    private static final Map<String, Map<String, String>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private Goldens() {
    }

    /** The value of {@code key} in {@code engine.txt}. */
    static String engine(String key) {
        return get("engine.txt", key);
    }

    /** PyTorch's message for case {@code key} in {@code errors.txt}. */
    static String error(String key) {
        return get("errors.txt", key);
    }

    static Map<String, String> all(String file) {
        return CACHE.computeIfAbsent(file, Goldens::load);
    }

    private static String get(String file, String key) {
        String v = all(file).get(key);
        if (v == null) throw new IllegalArgumentException("no golden '" + key + "' in " + file);
        return v;
    }

    private static Map<String, String> load(String file) {
        Map<String, String> m = new LinkedHashMap<>();
        for (GoldenFile.Line line : GoldenFile.read(file).lines()) {
            m.put(line.before("\t"), GoldenFile.unescape(line.after("\t")));
        }
        return m;
    }

    /** {@code repr(t)} of a Java result, or Python's {@code None} for null. */
    static String repr(Object t) {
        return t == null ? "None" : t.toString();
    }
}
