package org.autograd4j.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.ops.OpTable.In;
import org.autograd4j.ops.OpTable.Op;
import org.autograd4j.ops.OpTable.Sample;

/**
 * The op table's golden cases as data for {@code tools/goldens/gen_ops.py}: every row's PyTorch expression and
 * the samples PyTorch should run (the small ones, plus the golden-only extras) and the error inputs. So the
 * Java table is the one list of ops and inputs; {@link OpCasesTest} fails when the committed file lags it.
 *
 * <p>Regenerate after changing the table: {@code ./mvnw -q -pl core test-compile} then
 * {@code java -cp core/target/classes:core/target/test-classes org.autograd4j.ops.OpCases}, then
 * {@code /usr/bin/python3 tools/goldens/gen_ops.py}.
 */
final class OpCases {
    /** Where the file lives, relative to the repository root. */
    static final String PATH = "core/src/test/resources/goldens/op_cases.txt";
    /** Samples per row that go to PyTorch, and the largest input size among them. */
    static final int PER_ROW = 4, MAX_NUMEL = 48;

    private OpCases() {
    }

    private static String line(In in) {
        StringBuilder sb = new StringBuilder("in ");
        sb.append(switch (in.kind()) {
            case FLOAT -> "f";
            case F64 -> "d";
            case LONG -> "i";
            case BOOL -> "b";
        });
        sb.append(' ').append(java.util.Arrays.toString(in.shape()).replace(" ", "")).append(in.diff() ? " 1" : " 0");
        for (double v : in.data()) sb.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
        return sb.toString();
    }

    private static int numel(Sample s) {
        int n = 0;
        for (In in : s.inputs()) n = Math.max(n, in.data().length);
        return n;
    }

    /** The file's content. */
    static String dump() {
        StringBuilder sb = new StringBuilder("# The op table's cases for tools/goldens/gen_ops.py, written by org.autograd4j.ops.OpCases"
                + " (core tests) from OpTable; do not edit.\n# row <name> <PyTorch expression over a, b, c>; sample|error; in <f|d|i|b> "
                + "<shape> <requires grad> <float64 bits in hex>...; end\n");
        for (Op op : OpTable.OPS.values()) {
            sb.append("row ").append(op.name).append(' ').append(op.py).append('\n');
            List<Sample> chosen = new ArrayList<>();
            for (Sample s : op.samples()) {
                if (chosen.size() < PER_ROW && numel(s) <= MAX_NUMEL) chosen.add(s);
            }
            chosen.addAll(op.goldenExtra);
            for (Sample s : chosen) {
                sb.append("sample\n");
                for (In in : s.inputs()) sb.append(line(in)).append('\n');
                sb.append("end\n");
            }
            for (OpTable.ErrorInput e : op.errors) {
                sb.append("error\n");
                for (In in : e.sample().inputs()) sb.append(line(in)).append('\n');
                sb.append("end\n");
            }
        }
        return sb.toString();
    }

    /** Writes the file (run from the repository root). */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : PATH), dump(), StandardCharsets.UTF_8);
    }
}
