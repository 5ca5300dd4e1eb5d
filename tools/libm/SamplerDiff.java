import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * How many float64 samples the optional autograd4j-glibc-math artifact changes: {@code write FILE} draws
 * 100,000 float64 samples of each sampler (each after {@code manualSeed(0)}) with whatever Libm finds on the
 * class path and stores their bits; {@code compare A B} counts the samples that differ between two such
 * files: their share, the largest absolute and relative difference, and a histogram of the distance in
 * ulps. See compare-samplers.sh, which runs both with and without
 * the jar.
 */
public class SamplerDiff {

    static final int N = 100_000;

    static Map<String, Supplier<Tensor>> samplers() {
        long[] shape = {N};
        Map<String, Supplier<Tensor>> m = new LinkedHashMap<>();
        m.put("randn(100000, float64)", () -> Torch.randn(shape, DType.FLOAT64));
        m.put("normal_(2, 3)", () -> Torch.zeros(shape, DType.FLOAT64).normal_(2, 3));
        m.put("log_normal_(1, 2)", () -> Torch.zeros(shape, DType.FLOAT64).logNormal_(1, 2));
        m.put("exponential_(1)", () -> Torch.zeros(shape, DType.FLOAT64).exponential_(1));
        m.put("cauchy_(0, 1)", () -> Torch.zeros(shape, DType.FLOAT64).cauchy_(0, 1));
        m.put("geometric_(0.3)", () -> Torch.zeros(shape, DType.FLOAT64).geometric_(0.3));
        return m;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("write")) {
            write(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("compare")) {
            compare(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: SamplerDiff write FILE | compare FILE_A FILE_B");
            System.exit(2);
        }
    }

    static void write(Path file) throws Exception {
        String impl;
        try {
            // Libm is internal; on the class path its public methods are reachable by reflection.
            impl = (String) Class.forName("org.autograd4j.math.Libm").getMethod("implementation").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            impl = "?";
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeUTF(impl);
            for (Map.Entry<String, Supplier<Tensor>> e : samplers().entrySet()) {
                Torch.manualSeed(0);
                double[] v = e.getValue().get().toDoubleArray();
                out.writeUTF(e.getKey());
                out.writeInt(v.length);
                for (double d : v) out.writeLong(Double.doubleToRawLongBits(d));
            }
        }
        System.out.println("wrote " + file + " (Libm: " + impl + ")");
    }

    static void compare(Path a, Path b) throws IOException {
        try (DataInputStream x = new DataInputStream(Files.newInputStream(a));
             DataInputStream y = new DataInputStream(Files.newInputStream(b))) {
            System.out.println("A: " + x.readUTF());
            System.out.println("B: " + y.readUTF());
            System.out.printf("%-24s %12s %8s %10s %11s  %s%n", "sampler", "differ", "share", "max |a-b|", "max rel",
                    "ulps: count");
            while (x.available() > 0) {
                String name = x.readUTF();
                if (!name.equals(y.readUTF())) throw new IOException("files of different samplers");
                int n = x.readInt();
                if (n != y.readInt()) throw new IOException("different lengths");
                TreeMap<Long, Integer> hist = new TreeMap<>();
                int bad = 0;
                double maxAbs = 0;
                double maxRel = 0;
                for (int i = 0; i < n; i++) {
                    long xa = x.readLong();
                    long yb = y.readLong();
                    long u = ulps(xa, yb);
                    if (u != 0) {
                        bad++;
                        hist.merge(u, 1, Integer::sum);
                        double da = Double.longBitsToDouble(xa);
                        double db = Double.longBitsToDouble(yb);
                        maxAbs = Math.max(maxAbs, Math.abs(da - db));
                        maxRel = Math.max(maxRel, Math.abs(da - db) / Math.max(Math.abs(da), Math.abs(db)));
                    }
                }
                StringBuilder h = new StringBuilder();
                hist.forEach((u, c) -> h.append(h.isEmpty() ? "" : ", ").append(u).append(": ").append(c));
                System.out.printf("%-24s %12s %7.3f%% %10.2g %11.2g  %s%n", name, bad + "/" + n, 100.0 * bad / n,
                        maxAbs, maxRel, h);
            }
        }
    }

    static long ulps(long a, long b) {
        if (a == b) return 0;
        if (Double.isNaN(Double.longBitsToDouble(a)) && Double.isNaN(Double.longBitsToDouble(b))) return 0;
        long ia = a < 0 ? Long.MIN_VALUE - a : a;
        long ib = b < 0 ? Long.MIN_VALUE - b : b;
        return Math.abs(ia - ib);
    }
}
