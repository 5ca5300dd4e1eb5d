package org.autograd4j.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An optional system BLAS for large matrix products, reached through the JDK's foreign-function API (no JNI,
 * nothing bundled or downloaded): {@code cblas_sgemm} and {@code cblas_dgemm} of a {@code libopenblas} (or any
 * CBLAS library) found on the machine. Opt-in with {@code -Dautograd4j.blas=openblas} (the usual library
 * paths) or {@code -Dautograd4j.blas=/path/to/libcblas.so}; the default, {@code off}, keeps the pure-Java GEMM,
 * whose bits do not depend on the machine. A BLAS sums in its own order, so its results differ from the Java
 * GEMM's in the last bits (PyTorch's own results depend on its BLAS the same way).
 *
 * <p>The arrays are passed without copying: the downcalls are {@linkplain Linker.Option#critical(boolean)
 * critical} with heap access. Java 25 prints a one-time warning for native access unless the JVM runs with
 * {@code --enable-native-access=org.autograd4j} (or {@code ALL-UNNAMED} on the class path).
 */
public final class NativeBlas {
    /** {@code -Dautograd4j.blas=off|openblas|<path>}. */
    public static final String PROPERTY = "autograd4j.blas";

    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;
    private static final List<String> OPENBLAS = List.of(
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0", "/usr/lib/libopenblas.so.0", "/usr/local/lib/libopenblas.so.0",
            "/opt/homebrew/opt/openblas/lib/libopenblas.dylib");

    private static final NativeBlas INSTANCE = load();

    private final String library;
    private final MethodHandle sgemm, dgemm, setThreads;

    private NativeBlas(String library, MethodHandle sgemm, MethodHandle dgemm, MethodHandle setThreads) {
        this.library = library;
        this.sgemm = sgemm;
        this.dgemm = dgemm;
        this.setThreads = setThreads;
    }

    /**
     * The BLAS in use, or null when none was asked for or found.
     *
     * @return the loaded library's wrapper, or null
     */
    public static NativeBlas get() {
        return INSTANCE;
    }

    /**
     * Where the library was loaded from, for {@code Torch.config()}.
     *
     * @return the library path
     */
    public String library() {
        return library;
    }

    private static NativeBlas load() {
        String want = System.getProperty(PROPERTY, "off").trim();
        if (want.isEmpty() || want.toLowerCase(Locale.ROOT).equals("off")) return null;
        List<String> candidates = want.toLowerCase(Locale.ROOT).equals("openblas") ? OPENBLAS : List.of(want);
        for (String path : candidates) {
            if (!Files.isReadable(Path.of(path))) continue;
            try {
                return open(path);
            } catch (RuntimeException | LinkageError e) {
                System.getLogger("org.autograd4j").log(System.Logger.Level.WARNING,
                        "autograd4j: cannot use the BLAS at " + path + " (" + e + "); using the Java GEMM");
                return null;
            }
        }
        System.getLogger("org.autograd4j").log(System.Logger.Level.WARNING,
                "autograd4j: -D" + PROPERTY + "=" + want + " but no such library was found; using the Java GEMM");
        return null;
    }

    /** Loads the CBLAS library at {@code path} (tests use this directly). */
    static NativeBlas open(String path) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(Path.of(path), Arena.global());
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        var critical = Linker.Option.critical(true);
        FunctionDescriptor s = FunctionDescriptor.ofVoid(i, i, i, i, i, i, ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, i,
                ValueLayout.ADDRESS, i, ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, i);
        FunctionDescriptor d = FunctionDescriptor.ofVoid(i, i, i, i, i, i, ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, i,
                ValueLayout.ADDRESS, i, ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, i);
        MethodHandle sg = linker.downcallHandle(lib.findOrThrow("cblas_sgemm"), s, critical);
        MethodHandle dg = linker.downcallHandle(lib.findOrThrow("cblas_dgemm"), d, critical);
        MethodHandle threads = lib.find("openblas_set_num_threads")
                .map(a -> linker.downcallHandle(a, FunctionDescriptor.ofVoid(i)))
                .orElse(null);
        return new NativeBlas(path, sg, dg, threads);
    }

    /** BLAS's view of a matrix with row stride rs and column stride cs: its transpose flag and leading dimension, or null. */
    private static int[] blasForm(int rows, int cols, int rs, int cs) {
        if (cs == 1 && (rows == 1 || rs >= Math.max(cols, 1))) return new int[] {NO_TRANS, rows == 1 ? Math.max(cols, 1) : rs};
        if (rs == 1 && (cols == 1 || cs >= Math.max(rows, 1))) return new int[] {TRANS, cols == 1 ? Math.max(rows, 1) : cs};
        return null;
    }

    /**
     * True when the BLAS can read matrices with these strides directly (one of the two strides is 1 and the
     * other at least the row length), as {@link #sgemm} needs.
     *
     * @param rows rows of the matrix
     * @param cols columns of the matrix
     * @param rs its row stride
     * @param cs its column stride
     * @return whether BLAS can take it
     */
    public static boolean accepts(int rows, int cols, int rs, int cs) {
        return blasForm(rows, cols, rs, cs) != null;
    }

    /**
     * {@code c = a @ b} for one float32 matrix product, c row-major with row stride ldc (overwritten).
     *
     * @param m rows of a and c
     * @param n columns of b and c
     * @param k columns of a, rows of b
     * @param a a's array
     * @param ao a's offset
     * @param ars a's row stride
     * @param acs a's column stride
     * @param b b's array
     * @param bo b's offset
     * @param brs b's row stride
     * @param bcs b's column stride
     * @param c c's array
     * @param co c's offset
     * @param ldc c's row stride
     */
    public void sgemm(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, int bcs,
                      float[] c, int co, int ldc) {
        int[] fa = blasForm(m, k, ars, acs), fb = blasForm(k, n, brs, bcs);
        try {
            sgemm.invokeExact(ROW_MAJOR, fa[0], fb[0], m, n, k, 1f, MemorySegment.ofArray(a).asSlice(4L * ao), fa[1],
                    MemorySegment.ofArray(b).asSlice(4L * bo), fb[1], 0f, MemorySegment.ofArray(c).asSlice(4L * co), ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    /**
     * {@code c = a @ b} for one float64 matrix product, as {@link #sgemm}.
     *
     * @param m rows of a and c
     * @param n columns of b and c
     * @param k columns of a, rows of b
     * @param a a's array
     * @param ao a's offset
     * @param ars a's row stride
     * @param acs a's column stride
     * @param b b's array
     * @param bo b's offset
     * @param brs b's row stride
     * @param bcs b's column stride
     * @param c c's array
     * @param co c's offset
     * @param ldc c's row stride
     */
    public void dgemm(int m, int n, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs,
                      double[] c, int co, int ldc) {
        int[] fa = blasForm(m, k, ars, acs), fb = blasForm(k, n, brs, bcs);
        try {
            dgemm.invokeExact(ROW_MAJOR, fa[0], fb[0], m, n, k, 1.0, MemorySegment.ofArray(a).asSlice(8L * ao), fa[1],
                    MemorySegment.ofArray(b).asSlice(8L * bo), fb[1], 0.0, MemorySegment.ofArray(c).asSlice(8L * co), ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_dgemm failed", t);
        }
    }

    /**
     * Sets the BLAS's own thread count (OpenBLAS's {@code openblas_set_num_threads}), where it has one.
     *
     * @param threads the thread count
     */
    public void setNumThreads(int threads) {
        if (setThreads == null) return;
        try {
            setThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }
}
