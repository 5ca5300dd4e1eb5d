package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Vector API kernels and the plain kernels give the same bits, for every kernel method and op, over odd
 * sizes and contiguous, strided, transposed, broadcast and zero-stride layouts (float32, float64, int64 and
 * bool where the op takes them). Errors must agree too: same exception type and message. Any NaN equals any
 * NaN (the sign and payload of a NaN are the hardware's choice).
 */
class KernelParityTest {
    private static final int[] SIZES = {1, 4, 6, 8, 13, 16, 17, 25, 31, 64, 100, 1023, 4096, 4098};
    private static final Kernels PLAIN = ScalarKernels.INSTANCE;
    private static final Kernels VECTOR = vector();

    private static Kernels vector() {
        try {
            return (Kernels) Class.forName("org.autograd4j.kernels.vector.VectorKernels").getMethod("create").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** An input: its storage and layout. */
    private record Operand(Storage s, Layout l) {
    }

    /** Values over the whole range, with the special ones mixed in. */
    private static double value(Random r, DType t) {
        return switch (t) {
            case BOOL -> r.nextBoolean() ? 1 : 0;
            case INT64 -> r.nextInt(21) - 10;
            default -> switch (r.nextInt(20)) {
                case 0 -> Double.NaN;
                case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2 -> r.nextBoolean() ? 0.0 : -0.0;
                case 3 -> (r.nextDouble() - 0.5) * 1e-40;
                case 4 -> (r.nextDouble() - 0.5) * 200;
                case 5 -> r.nextInt(7) - 3 + (r.nextBoolean() ? 0.5 : 0);
                default -> (r.nextDouble() - 0.5) * 8;
            };
        };
    }

    private static Storage storage(Random r, DType t, int n) {
        Storage s = Storage.allocate(t, n);
        for (int i = 0; i < n; i++) s.setDouble(i, value(r, t));
        return s;
    }

    /** The layouts of n elements the kernels see: contiguous, sliced with an offset, transposed, broadcast. */
    private static List<String> layoutKinds(int n) {
        List<String> k = new ArrayList<>(List.of("contiguous", "strided"));
        if (rows(n) > 1) k.add("transposed");
        k.add("broadcast-row");
        k.add("scalar");
        return k;
    }

    private static int rows(int n) {
        for (int r = (int) Math.sqrt(n); r > 1; r--) if (n % r == 0) return r;
        return 1;
    }

    /** An operand of shape [rows, n/rows] in the given kind of layout. */
    private static Operand operand(Random r, DType t, int n, String kind) {
        int rows = rows(n), cols = n / rows;
        int[] shape = {rows, cols};
        return switch (kind) {
            case "contiguous" -> new Operand(storage(r, t, n), Layout.contiguous(shape));
            case "strided" -> new Operand(storage(r, t, 2 * n + 3), new Layout(shape, new int[] {2 * cols, 2}, 3));
            case "transposed" -> new Operand(storage(r, t, n), new Layout(shape, new int[] {1, rows}, 0));
            case "broadcast-row" -> new Operand(storage(r, t, cols), new Layout(shape, new int[] {0, 1}, 0));
            default -> new Operand(storage(r, t, 1), new Layout(shape, new int[] {0, 0}, 0));
        };
    }

    private static Operand output(DType t, int n, boolean strided) {
        int rows = rows(n), cols = n / rows;
        int[] shape = {rows, cols};
        return strided ? new Operand(Storage.allocate(t, 2 * n + 1), new Layout(shape, new int[] {2 * cols, 2}, 1))
                : new Operand(Storage.allocate(t, n), Layout.contiguous(shape));
    }

    /** Runs {@code call} on both kernels, each with its own copy of the output, and compares outputs and errors. */
    private static void same(String what, Storage out, java.util.function.BiConsumer<Kernels, Storage> call) {
        Storage a = copyOf(out), b = copyOf(out);
        String ea = error(() -> call.accept(PLAIN, a)), eb = error(() -> call.accept(VECTOR, b));
        assertEquals(ea, eb, what + ": errors");
        for (int i = 0; i < a.size(); i++) {
            if (!bitsEqual(a, b, i)) {
                throw new AssertionError(what + ": element " + i + " plain " + a.getDouble(i) + " vector " + b.getDouble(i));
            }
        }
    }

    private static boolean bitsEqual(Storage a, Storage b, int i) {
        return switch (a) {
            // any NaN equals any NaN: which operand's payload an x86 instruction propagates is not Java's to fix
            case Storage.F32 x -> Float.floatToIntBits(x.data[i]) == Float.floatToIntBits(((Storage.F32) b).data[i]);
            case Storage.F64 x -> Double.doubleToLongBits(x.data[i]) == Double.doubleToLongBits(((Storage.F64) b).data[i]);
            default -> a.getLong(i) == b.getLong(i);
        };
    }

    private static String error(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Storage copyOf(Storage s) {
        Storage c = Storage.allocate(s.dtype(), s.size());
        for (int i = 0; i < s.size(); i++) {
            if (s.dtype().isFloatingPoint()) c.setDouble(i, s.getDouble(i));
            else c.setLong(i, s.getLong(i));
        }
        return c;
    }

    private static double[] params(UnaryOp op) {
        return switch (op) {
            case POW -> new double[] {2.5, 0};
            case RPOW -> new double[] {1.7, 0};
            case CLAMP, HARDTANH -> new double[] {-0.5, 0.75};
            case SOFTPLUS -> new double[] {2, 20};
            case ELU -> new double[] {1.5, 0};
            case LEAKY_RELU -> new double[] {0.01, 0};
            case NAN_TO_NUM -> new double[] {3e38, -3e38};
            default -> new double[] {0, 0};
        };
    }

    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};

    @TestFactory
    Stream<DynamicTest> unary() {
        assertNotNull(VECTOR, "the surefire JVM has the Vector API");
        List<DynamicTest> tests = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            double[] p = params(op);
            for (DType t : DTYPES) {
                tests.add(DynamicTest.dynamicTest(op + " " + t, () -> {
                    Random r = new Random(op.ordinal() * 31 + t.ordinal());
                    DType outType = op.writesBool() ? DType.BOOL : t;
                    for (int n : SIZES) {
                        for (String kind : layoutKinds(n)) {
                            Operand x = operand(r, t, n, kind);
                            for (boolean strided : new boolean[] {false, true}) {
                                Operand o = output(outType, n, strided);
                                same(op + " " + t + " n=" + n + " " + kind + (strided ? " strided out" : ""), o.s(),
                                        (k, out) -> k.unary(op, p[0], p[1], x.s(), x.l(), out, o.l()));
                            }
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> addScaledAndAddcmul() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DType t : DTYPES) {
            tests.add(DynamicTest.dynamicTest("addScaled " + t, () -> {
                Random r = new Random(11 + t.ordinal());
                for (int n : SIZES) {
                    List<String> kinds = layoutKinds(n);
                    for (int i = 0; i < kinds.size(); i++) {
                        for (String other : List.of("contiguous", kinds.get((i + 1) % kinds.size()))) {
                            Operand a = operand(r, t, n, kinds.get(i)), b = operand(r, t, n, other);
                            for (double alpha : new double[] {-0.3, 1, 3}) {
                                Operand o = output(t, n, n % 2 == 1);
                                same("addScaled " + t + " n=" + n + " " + kinds.get(i) + "/" + other + " alpha=" + alpha, o.s(),
                                        (k, out) -> k.addScaled(alpha, a.s(), a.l(), b.s(), b.l(), out, o.l()));
                            }
                        }
                    }
                }
            }));
            for (boolean div : new boolean[] {false, true}) {
                String name = div ? "addcdiv " : "addcmul ";
                tests.add(DynamicTest.dynamicTest(name + t, () -> {
                    Random r = new Random(23 + t.ordinal() + (div ? 100 : 0));
                    for (int n : SIZES) {
                        List<String> kinds = layoutKinds(n);
                        for (int i = 0; i < kinds.size(); i++) {
                            String k1 = kinds.get((i + 1) % kinds.size()), k2 = kinds.get((i + 2) % kinds.size());
                            for (String[] ks : new String[][] {{kinds.get(i), "contiguous", "contiguous"}, {"contiguous", kinds.get(i), "contiguous"},
                                    {"contiguous", "contiguous", kinds.get(i)}, {kinds.get(i), k1, k2}}) {
                                Operand s = operand(r, t, n, ks[0]), a = operand(r, t, n, ks[1]), b = operand(r, t, n, ks[2]);
                                Operand o = output(t, n, n % 2 == 1);
                                same(name + t + " n=" + n + " " + String.join("/", ks), o.s(),
                                        (k, out) -> k.addcmul(div, -0.7, s.s(), s.l(), a.s(), a.l(), b.s(), b.l(), out, o.l()));
                            }
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> binary() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BinaryOp op : BinaryOp.values()) {
            for (DType t : DTYPES) {
                tests.add(DynamicTest.dynamicTest(op + " " + t, () -> {
                    Random r = new Random(op.ordinal() * 37 + t.ordinal());
                    DType outType = op.writesBool() ? DType.BOOL : t;
                    for (int n : SIZES) {
                        List<String> kinds = layoutKinds(n);
                        for (int i = 0; i < kinds.size(); i++) {
                            // every kind for a against contiguous b, and every kind for b against a contiguous a,
                            // plus a few mixed pairs
                            for (String other : List.of("contiguous", kinds.get((i + 1) % kinds.size()))) {
                                Operand a = operand(r, t, n, kinds.get(i)), b = operand(r, t, n, other);
                                for (boolean swap : new boolean[] {false, true}) {
                                    Operand x = swap ? b : a, y = swap ? a : b;
                                    Operand o = output(outType, n, n % 2 == 1);
                                    same(op + " " + t + " n=" + n + " " + kinds.get(i) + "/" + other + (swap ? " swapped" : ""), o.s(),
                                            (k, out) -> k.binary(op, x.s(), x.l(), y.s(), y.l(), out, o.l()));
                                }
                            }
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> whereCopyFill() {
        return Stream.of(
                DynamicTest.dynamicTest("where", () -> {
                    Random r = new Random(1);
                    for (DType t : DTYPES) {
                        for (int n : SIZES) {
                            for (String kind : layoutKinds(n)) {
                                Operand c = operand(r, DType.BOOL, n, kind), a = operand(r, t, n, "contiguous"), b = operand(r, t, n, kind);
                                Operand o = output(t, n, n % 2 == 0);
                                same("where " + t + " " + n + " " + kind, o.s(), (k, out) -> k.where(c.s(), c.l(), a.s(), a.l(), b.s(), b.l(), out, o.l()));
                            }
                        }
                    }
                }),
                DynamicTest.dynamicTest("copy", () -> {
                    Random r = new Random(2);
                    for (DType from : DTYPES) {
                        for (DType to : DTYPES) {
                            for (int n : SIZES) {
                                for (String kind : layoutKinds(n)) {
                                    Operand x = operand(r, from, n, kind);
                                    Operand o = output(to, n, n % 2 == 0);
                                    same("copy " + from + "→" + to + " " + n + " " + kind, o.s(), (k, out) -> k.copy(x.s(), x.l(), out, o.l()));
                                }
                            }
                        }
                    }
                }),
                DynamicTest.dynamicTest("fill", () -> {
                    for (DType t : DTYPES) {
                        for (int n : SIZES) {
                            for (boolean strided : new boolean[] {false, true}) {
                                Operand o = output(t, n, strided);
                                same("fill " + t + " " + n, o.s(), (k, out) -> k.fill(out, o.l(), 2.5));
                            }
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> reductionsAndScans() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReduceOp op : ReduceOp.values()) {
            tests.add(DynamicTest.dynamicTest("reduce " + op, () -> {
                Random r = new Random(op.ordinal());
                for (DType t : DTYPES) {
                    if ((op == ReduceOp.SUM || op == ReduceOp.PROD || op == ReduceOp.MAX || op == ReduceOp.MIN) && t == DType.BOOL) continue;
                    for (int n : SIZES) {
                        for (String kind : layoutKinds(n)) {
                            Operand x = operand(r, t, n, kind);
                            int rows = x.l().size(0);
                            for (int dims : new int[] {1, 2}) {
                                int outN = dims == 2 ? 1 : rows;
                                DType outType = op == ReduceOp.ALL || op == ReduceOp.ANY ? DType.BOOL
                                        : (t == DType.INT64 ? DType.INT64 : t);
                                same("reduce " + op + " " + t + " " + n + " " + kind + " dims=" + dims, Storage.allocate(outType, outN),
                                        (k, out) -> k.reduce(op, x.s(), x.l(), dims, out));
                            }
                        }
                    }
                }
            }));
        }
        for (ScanOp op : ScanOp.values()) {
            tests.add(DynamicTest.dynamicTest("scan " + op, () -> {
                Random r = new Random(op.ordinal() + 10);
                for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                    for (int n : SIZES) {
                        for (String kind : layoutKinds(n)) {
                            Operand x = operand(r, t, n, kind);
                            Operand o = output(t, n, n % 2 == 1);
                            same("scan " + op + " " + t + " " + n + " " + kind, o.s(), (k, out) -> k.scan(op, x.s(), x.l(), out, o.l()));
                        }
                    }
                }
            }));
        }
        for (boolean log : new boolean[] {false, true}) {
            tests.add(DynamicTest.dynamicTest(log ? "log_softmax" : "softmax", () -> {
                Random r = new Random(log ? 21 : 20);
                for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    for (int n : SIZES) {
                        for (String kind : layoutKinds(n)) {
                            Operand x = operand(r, t, n, kind), g = operand(r, t, n, "contiguous");
                            Operand o = output(t, n, n % 2 == 1);
                            same((log ? "log_softmax " : "softmax ") + t + " " + n + " " + kind, o.s(), (k, out) -> k.softmax(log, x.s(), x.l(), out, o.l()));
                            // the backward from a forward result (finite) and an arbitrary gradient
                            Operand y = output(t, n, false);
                            PLAIN.softmax(log, x.s(), x.l(), y.s(), y.l());
                            Operand gi = output(t, n, n % 3 == 0);
                            same((log ? "log_softmax" : "softmax") + " backward " + t + " " + n + " " + kind, gi.s(),
                                    (k, out) -> k.softmaxBackward(log, g.s(), g.l(), y.s(), y.l(), out, gi.l()));
                        }
                    }
                }
            }));
        }
        for (boolean log : new boolean[] {false, true}) {
            // Rows without NaN (a NaN makes a whole row NaN, and most long rows above hold one): spreads past
            // exp's underflow at -104, -inf and +inf elements, -0, and lengths around the vector and 8-lane tails
            tests.add(DynamicTest.dynamicTest((log ? "log_softmax" : "softmax") + " finite rows", () -> {
                Random r = new Random(log ? 23 : 22);
                for (int len : new int[] {8, 9, 15, 16, 17, 23, 24, 31, 33, 47, 64, 100, 1000, 1003}) {
                    int rows = 5;
                    Storage x = Storage.allocate(DType.FLOAT32, rows * len), g = Storage.allocate(DType.FLOAT32, rows * len);
                    for (int i = 0; i < rows * len; i++) {
                        int row = i / len;
                        double v = switch (r.nextInt(12)) {
                            case 0 -> row == 1 ? Double.NEGATIVE_INFINITY : -0.0;
                            case 1 -> row == 2 && r.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : (r.nextDouble() - 0.5) * 400;
                            default -> (r.nextDouble() - 0.5) * (row == 3 ? 1e-30 : row == 4 ? 250 : 8);
                        };
                        x.setDouble(i, v);
                        g.setDouble(i, r.nextInt(10) == 0 ? -0.0 : (r.nextDouble() - 0.5) * 8);
                    }
                    Layout l = Layout.contiguous(new int[] {rows, len});
                    same((log ? "log_softmax" : "softmax") + " finite rows " + len, Storage.allocate(DType.FLOAT32, rows * len),
                            (k, out) -> k.softmax(log, x, l, out, l));
                    Storage y = Storage.allocate(DType.FLOAT32, rows * len);
                    PLAIN.softmax(log, x, l, y, l);
                    same((log ? "log_softmax" : "softmax") + " backward finite rows " + len, Storage.allocate(DType.FLOAT32, rows * len),
                            (k, out) -> k.softmaxBackward(log, g, l, y, l, out, l));
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("argReduce", () -> {
            Random r = new Random(3);
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                for (int n : SIZES) {
                    for (String kind : layoutKinds(n)) {
                        Operand x = operand(r, t, n, kind);
                        int rows = x.l().size(0);
                        for (boolean max : new boolean[] {true, false}) {
                            Storage values = Storage.allocate(t, rows);
                            same("argReduce " + max + " " + t + " " + n + " " + kind, Storage.allocate(DType.INT64, rows), (k, idx) -> {
                                Storage v = copyOf(values);
                                k.argReduce(max, x.s(), x.l(), v, idx);
                            });
                        }
                    }
                }
            }
        }));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> matmulGatherScatter() {
        return Stream.of(
                DynamicTest.dynamicTest("matmul", () -> {
                    Random r = new Random(4);
                    int[] dims = {1, 3, 8, 13, 17, 33};
                    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                        for (int m : dims) {
                            for (int kk : dims) {
                                int nn = dims[(m + kk) % dims.length];
                                for (boolean transA : new boolean[] {false, true}) {
                                    Storage as = storage(r, t, 2 * m * kk), bs = storage(r, t, kk * nn);
                                    Layout al = transA ? new Layout(new int[] {2, m, kk}, new int[] {m * kk, 1, m}, 0)
                                            : Layout.contiguous(new int[] {2, m, kk});
                                    Layout bl = new Layout(new int[] {2, kk, nn}, new int[] {0, nn, 1}, 0); // batch-broadcast b
                                    Layout cl = Layout.contiguous(new int[] {2, m, nn});
                                    same("matmul " + t + " " + m + "x" + kk + "x" + nn + (transA ? " Aᵀ" : ""), Storage.allocate(t, 2 * m * nn),
                                            (k, c) -> k.matmul(as, al, bs, bl, c, cl));
                                }
                            }
                        }
                    }
                }),
                DynamicTest.dynamicTest("gather and scatterAdd", () -> {
                    Random r = new Random(5);
                    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                        for (int n : SIZES) {
                            Operand x = operand(r, t, n, "contiguous");
                            int rows = x.l().size(0), cols = x.l().size(1);
                            Storage idx = Storage.allocate(DType.INT64, n);
                            for (int i = 0; i < n; i++) idx.setLong(i, r.nextInt(cols));
                            Layout il = Layout.contiguous(new int[] {rows, cols});
                            Operand o = output(t, n, n % 2 == 0);
                            same("gather " + t + " " + n, o.s(), (k, out) -> k.gather(x.s(), x.l(), 1, idx, il, out, o.l()));
                            Operand src = operand(r, t, n, "transposed".equals(layoutKinds(n).get(2)) ? "transposed" : "strided");
                            same("scatterReduce sum " + t + " " + n, storage(new Random(n), t, n),
                                    (k, out) -> k.scatterReduce(out, Layout.contiguous(new int[] {rows, cols}), 1, idx, il, src.s(), src.l(), Kernels.SCATTER_SUM));
                        }
                    }
                }));
    }
}
