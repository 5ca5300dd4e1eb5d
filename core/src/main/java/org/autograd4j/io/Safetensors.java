package org.autograd4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The safetensors format ({@code safetensors.torch.save_file} / {@code load_file}): an 8-byte little-endian
 * header length N, N bytes of JSON header, then the tensors' bytes, little-endian and row-major, back to back.
 *
 * <p>Writing produces the bytes the Rust crate writes: tensors ordered by dtype alignment, largest first
 * (I64, F64, F32, BOOL), then by name (byte-wise UTF-8); compact JSON ({@code {"__metadata__":{...},
 * "name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},...}}), {@code __metadata__} first when given;
 * the header padded with spaces to a multiple of 8 bytes. The crate writes metadata from a hash map, in no fixed
 * order; here its entries are sorted by key, so files with two or more metadata entries may differ from
 * Python's in that order only.
 *
 * <p>Reading checks what the crate checks, before it allocates anything sized by the file: the header length
 * (at most 100,000,000 and inside the file), strict UTF-8, the JSON (no duplicate keys, nesting at most 64
 * deep), every entry's dtype, shape and offsets (contiguous from 0 without gaps or overlap, dtype size × shape
 * = byte length, no overflow), and that the data fills the file exactly. F32, F64, I64 and BOOL tensors load
 * as such; F16 and BF16 load converted to float32. A bad file throws {@link SafetensorsException} naming the
 * problem and returns nothing.
 */
public final class Safetensors {
    /** The crate's {@code MAX_HEADER_SIZE}. */
    public static final int MAX_HEADER_SIZE = 100_000_000;

    private Safetensors() {}

    /** The file dtypes read, with their element size and alignment rank (the crate's Dtype order). */
    private enum FileType {
        BOOL(1, 0), F16(2, 13), BF16(2, 14), F32(4, 17), F64(8, 19), I64(8, 20);

        final int size, rank;

        FileType(int size, int rank) {
            this.size = size;
            this.rank = rank;
        }

        static FileType of(DType t) {
            return switch (t) {
                case FLOAT32 -> F32;
                case FLOAT64 -> F64;
                case INT64 -> I64;
                case BOOL -> BOOL;
            };
        }
    }

    /** The crate's other dtype names: valid in a file, but not loadable here. */
    private static final List<String> OTHER_TYPES = List.of("F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2",
            "F8_E4M3", "F8_E8M0", "F8_E4M3FNUZ", "F8_E5M2FNUZ", "I16", "U16", "I32", "U32", "C64", "U64");

    /**
     * {@code save_file(tensors, path)}.
     *
     * @param tensors the tensors by name
     * @param path the file to write (replaced if it exists)
     * @throws IOException when the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, null, path);
    }

    /**
     * {@code save_file(tensors, path, metadata=metadata)}.
     *
     * @param tensors the tensors by name
     * @param metadata the {@code __metadata__} entries, or null for none
     * @param path the file to write (replaced if it exists)
     * @throws IOException when the file cannot be written
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            write(tensors, metadata, out);
        }
    }

    /**
     * {@code safetensors.torch.save(tensors, metadata)}: the file's bytes.
     *
     * @param tensors the tensors by name
     * @param metadata the {@code __metadata__} entries, or null for none
     * @return the bytes of the file
     */
    public static byte[] serialize(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(tensors, metadata, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Map<String, Tensor> tensors, Map<String, String> metadata, OutputStream out) throws IOException {
        List<Map.Entry<String, Tensor>> order = new ArrayList<>(tensors.entrySet());
        order.sort(Comparator.<Map.Entry<String, Tensor>>comparingInt(e -> -FileType.of(e.getValue().dtype()).rank)
                .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.getKey()), utf8(b.getKey()))));
        StringBuilder json = new StringBuilder("{");
        if (metadata != null) {
            json.append("\"__metadata__\":{");
            boolean first = true;
            for (String k : metadata.keySet().stream().sorted().toList()) {
                if (!first) json.append(',');
                first = false;
                Json.writeString(json, k);
                json.append(':');
                Json.writeString(json, metadata.get(k));
            }
            json.append('}');
        }
        long offset = 0;
        for (var e : order) {
            if (json.length() > 1) json.append(',');
            Tensor t = e.getValue();
            long n = t.numel() * FileType.of(t.dtype()).size;
            Json.writeString(json, e.getKey());
            json.append(":{\"dtype\":\"").append(FileType.of(t.dtype()).name()).append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) json.append(i == 0 ? "" : ",").append(shape[i]);
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + n).append("]}");
            offset += n;
        }
        json.append('}');
        byte[] header = utf8(json.toString());
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(len.array());
        out.write(header);
        for (int i = header.length; i < padded; i++) out.write(' ');
        for (var e : order) out.write(bytes(e.getValue()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(t.numel() * FileType.of(t.dtype()).size)).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> { for (float v : t.toFloatArray()) b.putFloat(v); }
            case FLOAT64 -> { for (double v : t.toDoubleArray()) b.putDouble(v); }
            case INT64 -> { for (long v : t.toLongArray()) b.putLong(v); }
            case BOOL -> { for (boolean v : t.toBooleanArray()) b.put((byte) (v ? 1 : 0)); }
        }
        return b.array();
    }

    /**
     * {@code load_file(path)}: every tensor of the file, by name, in the file's data order.
     *
     * @param path the file
     * @return a new map
     * @throws IOException when the file cannot be read
     * @throws SafetensorsException when the file is not valid safetensors
     */
    public static Map<String, Tensor> load(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Header h = header(ch);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Entry e : h.entries) {
                ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(e.end - e.start)).order(ByteOrder.LITTLE_ENDIAN);
                long pos = h.dataStart + e.start;
                while (b.hasRemaining()) {
                    int r = ch.read(b, pos + b.position());
                    if (r < 0) throw new SafetensorsException("file ended early while reading tensor `" + e.name + "`");
                }
                out.put(e.name, tensor(e, b.flip()));
            }
            return out;
        }
    }

    /**
     * {@code safetensors.torch.load(data)}: every tensor of the file's bytes, by name, in data order.
     *
     * @param data the bytes of a safetensors file
     * @return a new map
     * @throws SafetensorsException when the bytes are not valid safetensors
     */
    public static Map<String, Tensor> deserialize(byte[] data) {
        Header h = header(ByteBuffer.wrap(data), data.length);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Entry e : h.entries) {
            ByteBuffer b = ByteBuffer.wrap(data, Math.toIntExact(h.dataStart + e.start), Math.toIntExact(e.end - e.start))
                    .slice().order(ByteOrder.LITTLE_ENDIAN);
            out.put(e.name, tensor(e, b));
        }
        return out;
    }

    /**
     * The {@code __metadata__} entries of a file ({@code safe_open(path).metadata()}), after the same checks as
     * {@link #load(Path)}'s header checks.
     *
     * @param path the file
     * @return the entries, empty when the file has none
     * @throws IOException when the file cannot be read
     * @throws SafetensorsException when the file is not valid safetensors
     */
    public static Map<String, String> metadata(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return header(ch).metadata;
        }
    }

    private record Entry(String name, FileType type, long[] shape, long numel, long start, long end) {}

    private record Header(Map<String, String> metadata, List<Entry> entries, long dataStart) {}

    private static Header header(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (len.hasRemaining() && ch.read(len, len.position()) >= 0) {
            // read until 8 bytes or the end
        }
        if (len.hasRemaining()) throw new SafetensorsException("header too small");
        long n = len.getLong(0);
        checkLength(n, size);
        ByteBuffer head = ByteBuffer.allocate((int) n);
        while (head.hasRemaining()) {
            if (ch.read(head, 8 + head.position()) < 0) throw new SafetensorsException("invalid header length");
        }
        return parse(head.array(), n, size);
    }

    private static Header header(ByteBuffer data, long size) {
        if (size < 8) throw new SafetensorsException("header too small");
        long n = data.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        checkLength(n, size);
        byte[] head = new byte[(int) n];
        data.get(8, head);
        return parse(head, n, size);
    }

    private static void checkLength(long n, long size) {
        // unsigned in the file: a length of 2^63 or more reads as negative here
        if (n < 0 || n > MAX_HEADER_SIZE) throw new SafetensorsException("header too large");
        if (8 + n > size) throw new SafetensorsException("invalid header length");
    }

    @SuppressWarnings("unchecked")
    private static Header parse(byte[] head, long n, long size) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException("invalid UTF-8 in header: " + e.getMessage());
        }
        Object root = Json.parse(text);
        if (!(root instanceof Map)) throw new SafetensorsException("invalid JSON in header: the header is not a JSON object");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (var e : ((Map<String, Object>) root).entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (e.getValue() == Json.NULL) continue;
                if (!(e.getValue() instanceof Map)) throw new SafetensorsException("invalid JSON in header: __metadata__ is not an object");
                for (var m : ((Map<String, Object>) e.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String v)) {
                        throw new SafetensorsException("invalid JSON in header: __metadata__ value `" + m.getKey() + "` is not a string");
                    }
                    metadata.put(m.getKey(), v);
                }
                continue;
            }
            entries.add(entry(e.getKey(), e.getValue()));
        }
        // as the crate: sorted by offsets, then contiguous from 0
        entries.sort(Comparator.comparingLong(Entry::start).thenComparingLong(Entry::end));
        long start = 0;
        for (Entry e : entries) {
            if (e.start != start || e.end < e.start) throw new SafetensorsException("invalid offset for tensor `" + e.name + "`");
            start = e.end;
            long bytes;
            try {
                bytes = Math.multiplyExact(e.numel, (long) e.type.size);
            } catch (ArithmeticException x) {
                throw new SafetensorsException("overflow computing buffer size from shape and/or element type");
            }
            if (e.end - e.start != bytes) {
                throw new SafetensorsException("invalid shape, data type, or offset for tensor `" + e.name + "`");
            }
        }
        if (start + 8 + n != size) throw new SafetensorsException("incomplete metadata, file not fully covered");
        for (Entry e : entries) {
            if (e.numel > Integer.MAX_VALUE - 8) {
                throw new SafetensorsException("tensor `" + e.name + "` has " + e.numel + " elements, more than one Java array holds");
            }
        }
        return new Header(metadata, List.copyOf(entries), 8 + n);
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String name, Object v) {
        if (!(v instanceof Map)) throw new SafetensorsException("invalid JSON in header: entry `" + name + "` is not an object");
        Map<String, Object> m = (Map<String, Object>) v;
        for (String field : List.of("dtype", "shape", "data_offsets")) {
            if (!m.containsKey(field)) throw new SafetensorsException("invalid JSON in header: missing field `" + field + "` in tensor `" + name + "`");
        }
        if (!(m.get("dtype") instanceof String dt)) throw new SafetensorsException("invalid JSON in header: dtype of tensor `" + name + "` is not a string");
        FileType type;
        try {
            type = FileType.valueOf(dt);
        } catch (IllegalArgumentException x) {
            if (OTHER_TYPES.contains(dt)) throw new SafetensorsException("unsupported dtype " + dt + " of tensor `" + name + "`");
            throw new SafetensorsException("invalid JSON in header: unknown dtype `" + dt + "` of tensor `" + name + "`");
        }
        long[] shape = naturals(m.get("shape"), "shape", name);
        long[] offsets = naturals(m.get("data_offsets"), "data_offsets", name);
        if (offsets.length != 2) throw new SafetensorsException("invalid JSON in header: data_offsets of tensor `" + name + "` is not two numbers");
        long numel = 1;
        for (long d : shape) {
            try {
                numel = Math.multiplyExact(numel, d);
            } catch (ArithmeticException x) {
                throw new SafetensorsException("overflow computing buffer size from shape and/or element type");
            }
        }
        return new Entry(name, type, shape, numel, offsets[0], offsets[1]);
    }

    private static long[] naturals(Object v, String field, String name) {
        if (!(v instanceof List<?> l)) throw new SafetensorsException("invalid JSON in header: " + field + " of tensor `" + name + "` is not an array");
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Json.Num num) || !num.text().matches("0|[1-9][0-9]*")) {
                throw new SafetensorsException("invalid JSON in header: " + field + " of tensor `" + name + "` holds something other than a non-negative integer");
            }
            try {
                out[i] = Long.parseLong(num.text());
            } catch (NumberFormatException x) {
                throw new SafetensorsException("invalid JSON in header: " + field + " of tensor `" + name + "` holds a number above 2^63 - 1");
            }
        }
        return out;
    }

    private static Tensor tensor(Entry e, ByteBuffer b) {
        int n = (int) e.numel;
        Tensor flat = switch (e.type) {
            case F32 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = b.getFloat(i * 4);
                yield Torch.tensor(v, DType.FLOAT32);
            }
            case F64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = b.getDouble(i * 8);
                yield Torch.tensor(v, DType.FLOAT64);
            }
            case I64 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = b.getLong(i * 8);
                yield Torch.tensor(v);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = b.get(i) != 0;
                yield Torch.tensor(v);
            }
            case F16 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = Float.float16ToFloat(b.getShort(i * 2));
                yield Torch.tensor(v, DType.FLOAT32);
            }
            case BF16 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                yield Torch.tensor(v, DType.FLOAT32);
            }
        };
        return flat.reshape(e.shape);
    }
}
