package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safetensors files byte for byte as the format's Rust crate writes them (goldens/safetensors.txt from
 * tools/goldens/gen_safetensors.py, whose writer is checked against the crate's own test bytes; Python's
 * safetensors package is not installable here), F16/BF16 reading, and the reader's refusals of malformed files
 * (hand-made from the format's rules).
 */
class SafetensorsTest {
    static final GoldenFile GOLDEN = GoldenFile.read("safetensors.txt");
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    static String utf8(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }

    static Tensor tensor(String dtype, String shape, String values) {
        long[] dims = shape.equals("-") ? new long[0] : GoldenFile.shape("[" + shape + "]");
        String[] v = values.equals("-") ? new String[0] : values.split(",");
        Tensor flat = switch (dtype) {
            case "F32" -> {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) d[i] = GoldenFile.float32(v[i]);
                yield Torch.tensor(d, DType.FLOAT32);
            }
            case "F64" -> {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) d[i] = GoldenFile.float64(v[i]);
                yield Torch.tensor(d, DType.FLOAT64);
            }
            case "I64" -> {
                long[] d = new long[v.length];
                for (int i = 0; i < v.length; i++) d[i] = Long.parseLong(v[i]);
                yield Torch.tensor(d);
            }
            case "BOOL" -> {
                boolean[] d = new boolean[v.length];
                for (int i = 0; i < v.length; i++) d[i] = v[i].equals("1");
                yield Torch.tensor(d);
            }
            default -> throw new IllegalArgumentException(dtype);
        };
        return flat.reshape(dims);
    }

    static Map<String, Tensor> tensors(String field) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        if (field.equals("-")) return m;
        for (String entry : field.split(" ")) {
            String[] p = entry.split("\\|", -1);
            m.put(utf8(p[0]), tensor(p[1], p[2], p[3]));
        }
        return m;
    }

    static Map<String, String> metadata(String field) {
        if (field.equals("-")) return null;
        Map<String, String> m = new LinkedHashMap<>();
        if (field.equals("{}")) return m;
        for (String kv : field.split(",")) {
            String[] p = kv.split("=", -1);
            m.put(utf8(p[0]), utf8(p[1]));
        }
        return m;
    }

    static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual, String where) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), where + " names in data order");
        for (var e : expected.entrySet()) {
            Tensor a = actual.get(e.getKey()), x = e.getValue();
            assertEquals(x.dtype(), a.dtype(), where + " " + e.getKey());
            assertArrayEquals(x.shape(), a.shape(), where + " " + e.getKey());
            assertArrayEquals(GoldenFile.bitsOf(x), GoldenFile.bitsOf(a), where + " " + e.getKey());
        }
    }

    @TestFactory
    Stream<DynamicTest> savesTheCratesBytes() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("save\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, Tensor> ts = tensors(f[2]);
                Map<String, String> meta = metadata(f[3]);
                assertEquals(f[4], HEX.formatHex(Safetensors.serialize(ts, meta)), line.where());
                Path p = dir.resolve(f[1] + ".safetensors");
                Safetensors.save(ts, meta, p);
                assertEquals(f[4], HEX.formatHex(Files.readAllBytes(p)), line.where() + " file");
                // reading back gives the same tensors, in data order (dtype alignment, then name)
                Map<String, Tensor> back = Safetensors.load(p);
                Map<String, Tensor> inFileOrder = new LinkedHashMap<>();
                for (String name : back.keySet()) inFileOrder.put(name, ts.get(name));
                assertEquals(ts.keySet(), back.keySet(), line.where());
                assertSameTensors(inFileOrder, back, line.where());
                assertEquals(meta == null ? Map.of() : meta, Safetensors.metadata(p), line.where());
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> loadsHalfAndBfloat16AsFloat32() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("load\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, Tensor> expected = new LinkedHashMap<>();
                for (String entry : f[3].split(" ")) {
                    String[] p = entry.split("\\|", -1);
                    expected.put(utf8(p[0]), tensor(p[1].equals("F16") || p[1].equals("BF16") ? "F32" : p[1], p[2], p[3]));
                }
                assertSameTensors(expected, Safetensors.deserialize(HEX.parseHex(f[2])), line.where());
            });
        });
    }

    /** A file with the given header text (padded to 8 with spaces) and data bytes. */
    static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int n = (h.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + n + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n).put(h);
        for (int i = h.length; i < n; i++) b.put((byte) ' ');
        return b.array();
    }

    static byte[] withLength(long n, int total) {
        return ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    static void refuses(String message, byte[] data) throws IOException {
        var e = assertThrows(SafetensorsException.class, () -> Safetensors.deserialize(data));
        assertEquals(message, e.getMessage().replaceAll(" at character \\d+$", ""));
        Path p = Files.createTempFile("bad", ".safetensors");
        try {
            Files.write(p, data);
            var e2 = assertThrows(SafetensorsException.class, () -> Safetensors.load(p));
            assertEquals(e.getMessage(), e2.getMessage());
        } finally {
            Files.delete(p);
        }
    }

    static String t(String name, String dtype, String shape, long s, long e) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + shape + "],\"data_offsets\":[" + s + "," + e + "]}";
    }

    @Test
    void refusesMalformedFilesNamingTheProblem() throws IOException {
        refuses("header too small", new byte[5]);
        refuses("header too large", withLength(100_000_001L, 16));
        refuses("header too large", withLength(-1L, 16)); // 2^64 - 1 as the file's u64
        refuses("invalid header length", withLength(99_999_999L, 64));
        refuses("invalid header length", withLength(16, 20));
        refuses("invalid UTF-8 in header: Input length = 1",
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(8).put(new byte[] {'{', (byte) 0xff, '}', ' ', ' ', ' ', ' ', ' '}).array());
        refuses("invalid JSON in header: the header is not a JSON object", file("[]", 0));
        refuses("invalid JSON in header: unterminated string", file("{\"a", 0));
        refuses("invalid JSON in header: trailing characters", file("{}x", 0));
        refuses("invalid JSON in header: nested more than 64 deep", file("{\"a\":" + "[".repeat(100_000), 0));
        refuses("invalid JSON in header: duplicate key `w`", file("{" + t("w", "F32", "1", 0, 4) + "," + t("w", "F32", "1", 4, 8) + "}", 8));
        refuses("invalid JSON in header: missing field `shape` in tensor `w`", file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4));
        refuses("invalid JSON in header: unknown dtype `F33` of tensor `w`", file("{" + t("w", "F33", "1", 0, 4) + "}", 4));
        refuses("unsupported dtype I32 of tensor `w`", file("{" + t("w", "I32", "1", 0, 4) + "}", 4));
        refuses("invalid JSON in header: shape of tensor `w` holds something other than a non-negative integer",
                file("{" + t("w", "F32", "-1", 0, 4) + "}", 4));
        refuses("invalid JSON in header: shape of tensor `w` holds something other than a non-negative integer",
                file("{" + t("w", "F32", "1.0", 0, 4) + "}", 4));
        refuses("invalid JSON in header: data_offsets of tensor `w` is not two numbers",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4));
        refuses("invalid JSON in header: __metadata__ value `k` is not a string", file("{\"__metadata__\":{\"k\":1}}", 0));
        // offsets: a gap, an overlap, a start past the end, ends before start
        refuses("invalid offset for tensor `b`", file("{" + t("a", "F32", "1", 0, 4) + "," + t("b", "F32", "1", 8, 12) + "}", 12));
        refuses("invalid offset for tensor `b`", file("{" + t("a", "F32", "2", 0, 8) + "," + t("b", "F32", "1", 4, 8) + "}", 8));
        refuses("invalid offset for tensor `a`", file("{" + t("a", "F32", "1", 4, 8) + "}", 8));
        refuses("invalid offset for tensor `c`", file("{" + t("a", "F32", "1", 0, 4) + "," + t("c", "F32", "0", 4, 2) + "}", 4));
        refuses("invalid shape, data type, or offset for tensor `w`", file("{" + t("w", "F32", "2,2", 0, 12) + "}", 12));
        refuses("invalid shape, data type, or offset for tensor `w`", file("{" + t("w", "F64", "1", 0, 4) + "}", 4));
        refuses("overflow computing buffer size from shape and/or element type",
                file("{" + t("w", "F32", "4294967296,4294967296,4294967296", 0, 4) + "}", 4));
        refuses("invalid JSON in header: shape of tensor `w` holds a number above 2^63 - 1",
                file("{" + t("w", "F32", "99999999999999999999", 0, 4) + "}", 4));
        // a header that claims a huge tensor the file does not hold: refused before any allocation
        refuses("incomplete metadata, file not fully covered", file("{" + t("w", "F32", "250000000000", 0, 1_000_000_000_000L) + "}", 16));
        refuses("incomplete metadata, file not fully covered", file("{" + t("w", "F32", "1", 0, 4) + "}", 5));
        refuses("incomplete metadata, file not fully covered", file("{" + t("w", "F32", "1", 0, 4) + "}", 3));
    }

    @Test
    void readsWhatTheCrateReads() {
        // the crate's test_empty_shapes_allowed, with F32 for its I32: a 0-d tensor of 4 bytes
        Map<String, Tensor> m = Safetensors.deserialize(file("{" + t("test", "F32", "", 0, 4) + "}", 4));
        assertArrayEquals(new long[0], m.get("test").shape());
        assertEquals(0.0, m.get("test").item());
        // offsets in any order in the JSON; entries come back in data order; null metadata is none
        Map<String, Tensor> two = Safetensors.deserialize(file("{\"__metadata__\":null," + t("b", "I64", "1", 8, 16) + "," + t("a", "I64", "1", 0, 8) + "}", 16));
        assertEquals(List.of("a", "b"), new ArrayList<>(two.keySet()));
    }
}
