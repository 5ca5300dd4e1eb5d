package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code Tensor.index} and {@code Tensor.indexPut_} against PyTorch 1.13.1's {@code x[idx]} and
 * {@code x[idx] = v} ({@code goldens/indexing.txt}, from {@code tools/goldens/gen_indexing.py}, which documents the
 * format): shapes, view strides and offsets, grad_fn names and their next functions, values, the gradients of a
 * sum of squares, and every error message.
 */
class IndexingTest {
    static long[] shape(String s) {
        String t = s.substring(1, s.length() - 1);
        return t.isEmpty() ? new long[0] : Arrays.stream(t.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long v : shape) n *= v;
        return n;
    }

    /** One token of gen_indexing.py's index lists as what Tensor.index takes. */
    static Object token(String tok) {
        switch (tok) {
            case "E": return Torch.ELLIPSIS;
            case "N": return Torch.NEWAXIS;
            case "T": return Boolean.TRUE;
            case "F": return Boolean.FALSE;
            default: break;
        }
        String[] p = tok.split(":", -1);
        switch (p[0]) {
            case "i": return Integer.parseInt(p[1]);
            case "l": return Long.parseLong(p[1]);
            case "s": return Torch.slice(bound(p[1]), bound(p[2]), p[3].equals("None") ? null : Integer.parseInt(p[3]));
            case "L": return p[1].isEmpty() ? new long[0] : Arrays.stream(p[1].split(",")).mapToLong(Long::parseLong).toArray();
            default: break;
        }
        long[] sh = shape(p[1]);
        if (p[0].equals("m")) {
            boolean[] b = new boolean[p[2].length()];
            for (int i = 0; i < b.length; i++) b[i] = p[2].charAt(i) == '1';
            return Torch.tensor(b).reshape(sh);
        }
        double[] v = p[2].isEmpty() ? new double[0] : Arrays.stream(p[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        if (p[0].equals("t")) return Torch.tensor(v, DType.FLOAT64).to(DType.INT64).reshape(sh);
        return Torch.tensor(v, DType.FLOAT32).reshape(sh);
    }

    private static Integer bound(String s) {
        return s.equals("None") ? null : Integer.parseInt(s);
    }

    static Object[] indices(String text) {
        String t = text.trim();
        if (t.isEmpty()) return new Object[0];
        return Arrays.stream(t.split(" ")).map(IndexingTest::token).toArray();
    }

    /** x as the generator makes it: float64 arange(n) * 0.5 - 3, requiring grad. */
    static Tensor x(long[] shape) {
        return Torch.arange(0.0, numel(shape), 1.0, DType.FLOAT64).mul(0.5).sub(3.0).reshape(shape).requiresGrad_();
    }

    private static Tensor value(String spec) {
        String[] p = spec.split(":", 2);
        long[] sh = shape(p[1]);
        Tensor v = Torch.arange(0.0, numel(sh), 1.0, p[0].equals("V") ? DType.FLOAT64 : DType.FLOAT32).add(100.0).reshape(sh);
        return p[0].equals("V") ? v.requiresGrad_() : v;
    }

    private static double[] doubles(GoldenFile.Line line) {
        String[] t = line.tokens();
        double[] r = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) r[i - 1] = Double.parseDouble(t[i]);
        return r;
    }

    private static String fn(Tensor y) {
        if (y.gradFn() == null) return "fn None -";
        List<Edge> next = y.gradFn().nextFunctions();
        String nexts = next.stream().map(e -> e.node() == null ? "None" : e.node().typeName()).collect(Collectors.joining(","));
        return "fn " + y.gradFn().typeName() + " " + (nexts.isEmpty() ? "-" : nexts);
    }

    private static void expectError(GoldenFile.Line err, Runnable r) {
        RuntimeException e = assertThrows(RuntimeException.class, r::run, err.where());
        assertEquals(err.rest(2), e.getMessage(), err.where());
        if (err.token(1).equals("IndexError")) assertTrue(e instanceof IndexOutOfBoundsException, err.where() + ": " + e);
        else assertTrue(e instanceof IllegalArgumentException || e instanceof IllegalStateException, err.where() + ": " + e);
    }

    private static double[] grad(Tensor t) {
        return t.grad() == null ? new double[(int) t.numel()] : t.grad().toDoubleArray();
    }

    @TestFactory
    Stream<DynamicTest> indexingMatchesPyTorch() {
        List<GoldenFile.Line> lines = GoldenFile.read("indexing.txt").lines();
        List<DynamicTest> tests = new ArrayList<>();
        int gets = 0;
        for (int i = 0; i < lines.size(); ) {
            GoldenFile.Line head = lines.get(i++);
            List<GoldenFile.Line> body = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("get ") && !lines.get(i).startsWith("put ")) body.add(lines.get(i++));
            if (head.startsWith("get ")) gets++;
            tests.add(DynamicTest.dynamicTest(head.text(), () -> check(head, body)));
        }
        assertTrue(gets >= 150, "only " + gets + " index expressions");
        return tests.stream();
    }

    private static void check(GoldenFile.Line head, List<GoldenFile.Line> body) {
        String[] t = head.tokens();
        Tensor x = x(shape(t[1]));
        if (head.startsWith("get ")) {
            if (body.get(0).startsWith("err ")) {
                // the list is made inside: Torch.slice rejects a zero step when made, as the C++ frontend's Slice does
                expectError(body.get(0), () -> x.index(indices(head.after(" | "))));
                return;
            }
            Object[] idx = indices(head.after(" | "));
            Tensor y = x.index(idx);
            String[] sh = body.get(0).tokens();
            assertArrayEquals(shape(sh[1]), y.shape(), head.where());
            boolean view = sh[2].equals("1");
            assertEquals(view, y.base() != null, head.where() + " view");
            if (view) {
                assertArrayEquals(shape(sh[3]), y.stride(), head.where() + " strides");
                assertEquals(Long.parseLong(sh[4]), y.storageOffset(), head.where() + " offset");
            }
            assertEquals(body.get(1).text(), fn(y), head.where());
            assertArrayEquals(doubles(body.get(2)), y.toDoubleArray(), head.where());
            y.mul(y).sum().backward();
            assertArrayEquals(doubles(body.get(3)), grad(x), head.where());
            return;
        }
        boolean acc = t[2].equals("1"), leaf = t[2].equals("2");
        String spec = t[3];
        Tensor v = spec.startsWith("S:") ? null : value(spec);
        double s = spec.startsWith("S:") ? Double.parseDouble(spec.substring(2)) : 0;
        Object[] idx = indices(head.after(" | "));
        Tensor y = leaf ? x : x.clone();
        Runnable put = () -> {
            if (v == null) y.indexPut_(idx, s, acc);
            else y.indexPut_(idx, v, acc);
        };
        if (body.get(0).startsWith("err ")) {
            expectError(body.get(0), put);
            return;
        }
        put.run();
        assertEquals(body.get(0).text(), fn(y), head.where());
        assertArrayEquals(doubles(body.get(1)), y.toDoubleArray(), head.where());
        y.mul(y).sum().backward();
        assertArrayEquals(doubles(body.get(2)), grad(x), head.where());
        if (body.get(3).text().equals("gradv none")) {
            if (v != null && v.requiresGrad()) assertNull(v.grad(), head.where());
        } else {
            assertNotNull(v.grad(), head.where());
            assertArrayEquals(doubles(body.get(3)), v.grad().toDoubleArray(), head.where());
        }
    }
}
