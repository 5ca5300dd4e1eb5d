package org.autograd4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a safetensors header needs, both ways. The reader is for untrusted input: one pass over the
 * text (no backtracking), nesting at most {@link #MAX_DEPTH} deep, duplicate keys refused, numbers kept as
 * text until a caller asks for an integer. The writer escapes as serde_json does.
 */
final class Json {
    static final int MAX_DEPTH = 64;

    private final String s;
    private int at;

    private Json(String s) {
        this.s = s;
    }

    /** A JSON number, kept as its text. */
    record Num(String text) {}

    /**
     * Parses one JSON value that fills the text (whitespace aside): objects become insertion-ordered maps,
     * arrays lists, strings strings, numbers {@link Num}, true/false Boolean, null {@code Json.NULL}.
     */
    static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.at != text.length()) throw p.error("trailing characters");
        return v;
    }

    /** JSON's null, so that a map's missing key and a null value differ. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private SafetensorsException error(String what) {
        return new SafetensorsException("invalid JSON in header: " + what + " at character " + at);
    }

    private void skipSpace() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            at++;
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested more than " + MAX_DEPTH + " deep");
        if (at >= s.length()) throw error("unexpected end");
        char c = s.charAt(at);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, at)) throw error("unexpected token");
        at += word.length();
        return v;
    }

    private Map<String, Object> object(int depth) {
        at++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (at < s.length() && s.charAt(at) == '}') {
            at++;
            return m;
        }
        while (true) {
            skipSpace();
            if (at >= s.length() || s.charAt(at) != '"') throw error("expected a key");
            String key = string();
            skipSpace();
            if (at >= s.length() || s.charAt(at) != ':') throw error("expected ':'");
            at++;
            skipSpace();
            Object v = value(depth + 1);
            if (m.containsKey(key)) throw new SafetensorsException("invalid JSON in header: duplicate key `" + key + "`");
            m.put(key, v);
            skipSpace();
            if (at >= s.length()) throw error("unexpected end");
            char c = s.charAt(at++);
            if (c == '}') return m;
            if (c != ',') throw error("expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) {
        at++;
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (at < s.length() && s.charAt(at) == ']') {
            at++;
            return l;
        }
        while (true) {
            skipSpace();
            l.add(value(depth + 1));
            skipSpace();
            if (at >= s.length()) throw error("unexpected end");
            char c = s.charAt(at++);
            if (c == ']') return l;
            if (c != ',') throw error("expected ',' or ']'");
        }
    }

    private String string() {
        at++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (at >= s.length()) throw error("unterminated string");
            char c = s.charAt(at++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("control character in string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= s.length()) throw error("unterminated string");
            char e = s.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (at + 4 > s.length()) throw error("short \\u escape");
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(at++), 16);
                        if (d < 0) throw error("bad \\u escape");
                        v = v * 16 + d;
                    }
                    sb.append((char) v);
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private Num number() {
        int start = at;
        if (s.charAt(at) == '-') at++;
        int digits = at;
        while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
        if (at == digits) throw error("bad number");
        if (at < s.length() && s.charAt(at) == '.') {
            at++;
            int frac = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
            if (at == frac) throw error("bad number");
        }
        if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
            at++;
            if (at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-')) at++;
            int exp = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
            if (at == exp) throw error("bad number");
        }
        return new Num(s.substring(start, at));
    }

    /** A string as serde_json writes it: quotes, backslash and control characters escaped, the rest as is. */
    static void writeString(StringBuilder out, String v) {
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
