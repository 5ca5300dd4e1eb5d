package org.autograd4j.autograd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
        String res = "/goldens/" + file;
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = Goldens.class.getResourceAsStream(res)) {
            if (in == null) throw new IOException("missing test resource " + res);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                m.put(line.substring(0, tab), unescape(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code repr(t)} of a Java result, or Python's {@code None} for null. */
    static String repr(Object t) {
        return t == null ? "None" : t.toString();
    }
}
