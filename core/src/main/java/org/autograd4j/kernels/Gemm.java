package org.autograd4j.kernels;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Batched general matrix product {@code c[b] = a[b] @ b[b]} in plain Java (PyTorch's {@code torch.bmm} /
 * {@code torch.mm}, which call BLAS {@code sgemm}/{@code dgemm}), blocked as Goto's algorithm: panels of B
 * ({@link #KC}×{@link #NC}) and blocks of A ({@link #MC}×{@link #KC}) are packed into contiguous slivers (read
 * through any row, column and batch strides, so transposed and broadcast operands are never copied whole),
 * and a register tile ({@link F32Tile}, {@link F64Tile}) runs over them. Small products skip the packing.
 *
 * <p>The bits are fixed by one rule, whatever the tiling, the path or the thread count: every output element
 * is {@code acc = 0; for p = 0..k-1: acc = fma(a[i,p], b[p,j], acc)}, in the operands' own precision (float32
 * accumulates in float32, as BLAS does). Across K blocks the chain continues from the partial sum in C. A
 * vector implementation that keeps this rule gives the same bits as this one.
 *
 * <p>Layouts: {@code a} element {@code [bi,i,p]} is at {@code ao + bi*abs + i*ars + p*acs}, {@code b} element
 * {@code [bi,p,j]} at {@code bo + bi*bbs + p*brs + j*bcs} (strides are
 * any non-negative ints: 0 broadcasts, a unit row stride is a transposed view), and {@code c} is a contiguous {@code [batch,m,n]} at {@code co}, overwritten.
 */
public final class Gemm {
    /** Depth of a K block: a packed B sliver ({@code KC × nr}) stays in L1 while A slivers stream past it. */
    public static final int KC = 256;
    /** Rows of a packed A block (rounded down to the tile's rows): the block stays in L2. */
    public static final int MC = 192;
    /** Columns of a packed B panel. */
    public static final int NC = 4096;
    /** At most this many multiply-adds ({@code m·n·k}) take the path without packing. */
    public static final int SMALL = 24 * 24 * 24;
    /**
     * At least this many multiply-adds in all before the product is split over threads: about 15-25 µs on one
     * core, well above the cost of waking a parked pool worker (a few µs).
     */
    public static final long PARALLEL_MIN = 64L * 64 * 64;

    private Gemm() {
    }

    /** A float32 register tile over packed slivers. */
    public interface F32Tile {
        /**
         * The tile's rows.
         *
         * @return rows of the tile
         */
        int mr();

        /**
         * The tile's columns.
         *
         * @return columns of the tile
         */
        int nr();

        /**
         * For {@code r < mr}, {@code j < nr}: continues {@code c[co + r*ldc + j]} (or starts from 0 when
         * {@code !load}) with {@code acc = fma(pa[pao + p*mr + r], pb[pbo + p*nr + j], acc)} for p = 0..kc-1,
         * and stores it back.
         *
         * @param kc   depth
         * @param pa   packed A ({@link #packA})
         * @param pao  the sliver's start in pa
         * @param pb   packed B ({@link #packB})
         * @param pbo  the sliver's start in pb
         * @param c    output
         * @param co   the tile's first element in c
         * @param ldc  row stride of c
         * @param load continue from c's values (else start from 0)
         */
        void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load);
    }

    /** A float64 register tile over packed slivers. */
    public interface F64Tile {
        /**
         * The tile's rows.
         *
         * @return rows of the tile
         */
        int mr();

        /**
         * The tile's columns.
         *
         * @return columns of the tile
         */
        int nr();

        /**
         * As {@link F32Tile#run}, in double.
         *
         * @param kc   depth
         * @param pa   packed A
         * @param pao  the sliver's start in pa
         * @param pb   packed B
         * @param pbo  the sliver's start in pb
         * @param c    output
         * @param co   the tile's first element in c
         * @param ldc  row stride of c
         * @param load continue from c's values (else start from 0)
         */
        void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load);
    }

    // ---------------------------------------------------------------- entry points (plain)

    /**
     * float32 {@code c[bi] = a[bi] @ b[bi]} for {@code bi < batch} ({@code torch.bmm}); see the class comment
     * for the layouts and the bits.
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     */
    public static void sgemm(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co) {
        if (trivial(batch, m, n, k)) {
            Arrays.fill(c, co, co + batch * m * n, 0f);
            return;
        }
        if ((long) m * n * k <= SMALL) {
            for (int bi = 0; bi < batch; bi++) smallF32(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, bcs, c, co + bi * m * n);
            return;
        }
        blocked(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co, PLAIN_F32);
    }

    /**
     * float64 {@code c[bi] = a[bi] @ b[bi]}; as {@link #sgemm} in double.
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     */
    public static void dgemm(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co) {
        if (trivial(batch, m, n, k)) {
            Arrays.fill(c, co, co + batch * m * n, 0d);
            return;
        }
        if ((long) m * n * k <= SMALL) {
            for (int bi = 0; bi < batch; bi++) smallF64(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, bcs, c, co + bi * m * n);
            return;
        }
        blocked(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co, PLAIN_F64);
    }

    /**
     * True when nothing is left to multiply: no output, or {@code k == 0} (then c is all zeros, the empty
     * chain; the caller fills it).
     *
     * @param batch number of products
     * @param m     rows
     * @param n     columns
     * @param k     depth
     * @return whether the product is all zeros or empty
     */
    public static boolean trivial(int batch, int m, int n, int k) {
        return batch == 0 || m == 0 || n == 0 || k == 0;
    }

    /** The unpacked path: one fma chain per output element, straight from the strided operands. */
    static void smallF32(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, int bcs, float[] c, int co) {
        for (int i = 0; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                int ap = ai, bp = bo + j * bcs;
                for (int p = 0; p < k; p++, ap += acs, bp += brs) acc = Math.fma(a[ap], b[bp], acc);
                c[ci + j] = acc;
            }
        }
    }

    /** As {@link #smallF32} in double. */
    static void smallF64(int m, int n, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs, double[] c, int co) {
        for (int i = 0; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < n; j++) {
                double acc = 0d;
                int ap = ai, bp = bo + j * bcs;
                for (int p = 0; p < k; p++, ap += acs, bp += brs) acc = Math.fma(a[ap], b[bp], acc);
                c[ci + j] = acc;
            }
        }
    }

    // ---------------------------------------------------------------- the blocked driver

    /** Splitting of the output into tasks: batch × row chunks × column chunks, each done by one thread. */
    private record Split(int rowChunk, int rowChunks, int colChunk, int colChunks, int tasks, int grain) {
        static Split of(int batch, int m, int n, int k, int mr, int nr) {
            int threads = Parallel.numThreads();
            int rowChunk = m, colChunk = n;
            boolean parallel = splits(batch, m, n, k);
            if (parallel && splitsEach(batch, threads)) {
                // every batch element split threads ways (balanced); each task packs its own panels, so the
                // split goes across the larger dimension and repacks the smaller operand
                if (splitsRows(m, n, mr, nr, threads)) {
                    rowChunk = roundUp((m + threads - 1) / threads, mr);
                } else {
                    colChunk = roundUp((n + threads - 1) / threads, nr);
                }
            }
            int rc = (m + rowChunk - 1) / rowChunk, cc = (n + colChunk - 1) / colChunk;
            int tasks = batch * rc * cc;
            return new Split(rowChunk, rc, colChunk, cc, tasks, parallel ? 1 : tasks);
        }
    }

    /** Whether each product is split over the threads (else whole products go to threads). */
    private static boolean splitsEach(int batch, int threads) {
        return batch % threads != 0 && batch < 8 * threads;
    }

    /**
     * Whether a product split over threads is split by rows (each task then packs all of B) rather than by
     * columns (each task packs all of A): rows when A is the larger operand ({@code m >= n}), unless that
     * dimension has fewer than two tiles per thread.
     */
    private static boolean splitsRows(int m, int n, int mr, int nr, int threads) {
        boolean rowsFit = m >= 2 * threads * mr, colsFit = n >= 2 * threads * nr;
        return m >= n ? rowsFit || !colsFit : !colsFit;
    }

    /**
     * Whether products this large are split over threads ({@link #PARALLEL_MIN}, more than one thread).
     *
     * @param batch number of products
     * @param m     rows of each
     * @param n     columns of each
     * @param k     depth
     * @return whether {@link #forRows} and the blocked product split the work
     */
    public static boolean splits(int batch, int m, int n, int k) {
        return Parallel.numThreads() > 1 && (long) batch * m * n * k >= PARALLEL_MIN;
    }

    /** The body of {@link #forRows}: rows {@code [i0, i1)} of product {@code bi}. */
    @FunctionalInterface
    public interface RowsBody {
        /**
         * Computes rows {@code [i0, i1)} of product {@code bi}.
         *
         * @param bi the product's index in the batch
         * @param i0 first row, inclusive
         * @param i1 last row, exclusive
         */
        void run(int bi, int i0, int i1);
    }

    /**
     * Runs {@code body} over all rows of all {@code batch} products (each m×n, depth k): on one thread when
     * small, else split over the threads by whole products or by chunks of rows (a multiple of {@code step}).
     * For kernels without packing, whose tasks share nothing, so the split costs one hand-off and one join.
     *
     * @param batch number of products
     * @param m     rows of each
     * @param n     columns of each
     * @param k     depth
     * @param step  the rows of the kernel's block, so that chunks hold whole blocks
     * @param body  the kernel
     */
    public static void forRows(int batch, int m, int n, int k, int step, RowsBody body) {
        int threads = Parallel.numThreads();
        boolean parallel = splits(batch, m, n, k);
        int chunk = m;
        if (parallel && splitsEach(batch, threads) && m >= 2 * step) {
            chunk = roundUp((m + threads - 1) / threads, step);
        }
        int chunks = (m + chunk - 1) / chunk, tasks = batch * chunks, rows = chunk;
        Parallel.forRange(tasks, parallel ? 1 : tasks, (from, to) -> {
            for (int t = from; t < to; t++) {
                int i0 = t % chunks * rows;
                body.run(t / chunks, i0, Math.min(m, i0 + rows));
            }
        });
    }

    /**
     * The depth of the K blocks for depth k: at most {@link #KC}, all of about the same depth (784 as 4×196, not
     * 3×256 + 16: a thin last block reloads and stores every C tile for a few steps).
     */
    private static int kBlock(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    private static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }

    /** Per-thread packing buffers, grown on demand. */
    private static final class F32Buffers {
        float[] pa = new float[0], pb = new float[0], tile = new float[0];
        /** The packed operands a split product's tasks share ({@link #sharedPanels}), owned by its caller. */
        float[] sharedA = new float[0], sharedB = new float[0];
    }

    private static final class F64Buffers {
        double[] pa = new double[0], pb = new double[0], tile = new double[0];
    }

    private static final ThreadLocal<F32Buffers> F32_BUFFERS = ThreadLocal.withInitial(F32Buffers::new);
    private static final ThreadLocal<F64Buffers> F64_BUFFERS = ThreadLocal.withInitial(F64Buffers::new);

    /**
     * The packed, blocked float32 product with the register tile {@code tile}, split over threads when large
     * (the split never changes the bits: each output element is computed whole by one task).
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     * @param tile  the register tile
     */
    public static void blocked(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co, F32Tile tile) {
        int mr = tile.mr(), nr = tile.nr();
        int threads = Parallel.numThreads();
        if (splits(batch, m, n, k) && splitsEach(batch, threads)
                && (long) k * (roundUp(m, mr) + roundUp(n, nr)) <= SHARED_MAX) {
            for (int bi = 0; bi < batch; bi++) {
                sharedPanels(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, bcs, c, co + bi * m * n, tile, threads);
            }
            return;
        }
        Split s = Split.of(batch, m, n, k, mr, nr);
        Parallel.forRange(s.tasks, s.grain, (from, to) -> {
            F32Buffers buf = F32_BUFFERS.get();
            for (int t = from; t < to; t++) {
                int bi = t / (s.rowChunks * s.colChunks), rest = t % (s.rowChunks * s.colChunks);
                int i0 = rest / s.colChunks * s.rowChunk, j0 = rest % s.colChunks * s.colChunk;
                task(Math.min(s.rowChunk, m - i0), Math.min(s.colChunk, n - j0), k,
                        a, ao + bi * abs + i0 * ars, ars, acs, b, bo + bi * bbs + j0 * bcs, brs, bcs,
                        c, co + bi * m * n + i0 * n + j0, n, tile, buf);
            }
        });
    }

    /** At most this many packed elements (A and B together) are kept for {@link #sharedPanels}; larger go per task. */
    private static final long SHARED_MAX = 1L << 24;

    /** Tasks per thread in {@link #sharedPanels}: claimed one by one, so a slow thread does fewer of them. */
    private static final int CHUNKS_PER_THREAD = 4;

    /** States of a shared panel. */
    private static final int FREE = 0, PACKING = 1, READY = 2;

    /**
     * One product c (m×n, contiguous) = a @ b split over threads without barriers: into rectangles of C (row
     * chunks, or column chunks when there are fewer row tiles than column tiles), several per thread, claimed one
     * by one. The operand panels that several rectangles need (B's, per K block, for row chunks; A's for column
     * chunks) are packed once, into arrays of the calling thread, by the first task that needs each; a task that
     * finds one being packed waits about as long as packing it takes, then packs a copy of its own (so a
     * descheduled packer holds no one up). Each output element is one chain computed by one task: the bits are
     * those of one thread.
     */
    private static void sharedPanels(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, int bcs,
            float[] c, int co, F32Tile tile, int threads) {
        int mr = tile.mr(), nr = tile.nr();
        int kcStep = kBlock(k), kBlocks = (k + kcStep - 1) / kcStep;
        int mcMax = Math.max(mr, MC / mr * mr), ncMax = Math.max(nr, NC / nr * nr);
        boolean byRows = (m + mr - 1) / mr >= (n + nr - 1) / nr;
        int chunks = CHUNKS_PER_THREAD * threads;
        int rowChunk = byRows ? Math.min(mcMax, roundUp((m + chunks - 1) / chunks, mr)) : mcMax;
        int colChunk = byRows ? ncMax : Math.min(ncMax, roundUp((n + chunks - 1) / chunks, nr));
        int rc = (m + rowChunk - 1) / rowChunk, cc = (n + colChunk - 1) / colChunk;
        int mPad = roundUp(m, mr), nPad = roundUp(n, nr);
        // packed A: per K block (from pc*mPad) the row chunks' blocks (from i0*kc); packed B likewise
        F32Buffers own = F32_BUFFERS.get();
        boolean shareA = cc > 1, shareB = rc > 1;
        if (shareA && own.sharedA.length < k * mPad) own.sharedA = new float[k * mPad];
        if (shareB && own.sharedB.length < k * nPad) own.sharedB = new float[k * nPad];
        float[] sa = own.sharedA, sb = own.sharedB;
        AtomicIntegerArray stateA = new AtomicIntegerArray(shareA ? kBlocks * rc : 0);
        AtomicIntegerArray stateB = new AtomicIntegerArray(shareB ? kBlocks * cc : 0);
        Parallel.forChunks(rc * cc, t -> {
            F32Buffers buf = F32_BUFFERS.get();
            int ii = t / cc, jj = t % cc, i0 = ii * rowChunk, j0 = jj * colChunk;
            int mc = Math.min(rowChunk, m - i0), nc = Math.min(colChunk, n - j0);
            int paLen = roundUp(mc, mr) * kcStep, pbLen = roundUp(nc, nr) * kcStep;
            if (buf.pa.length < paLen) buf.pa = new float[paLen];
            if (buf.pb.length < pbLen) buf.pb = new float[pbLen];
            if (buf.tile.length < mr * nr) buf.tile = new float[mr * nr];
            for (int q = 0, pc = 0; pc < k; q++, pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                int srcA = ao + i0 * ars + pc * acs, srcB = bo + pc * brs + j0 * bcs;
                int pa0 = panel(shareA, stateA, q * rc + ii, (long) mc * kc, sa, pc * mPad + i0 * kc, buf.pa,
                        (dst, at) -> packA(a, srcA, ars, acs, mc, kc, mr, dst, at));
                int pb0 = panel(shareB, stateB, q * cc + jj, (long) nc * kc, sb, pc * nPad + j0 * kc, buf.pb,
                        (dst, at) -> packB(b, srcB, brs, bcs, kc, nc, nr, dst, at));
                float[] pa = pa0 < 0 ? buf.pa : sa, pb = pb0 < 0 ? buf.pb : sb;
                pa0 = Math.max(pa0, 0);
                pb0 = Math.max(pb0, 0);
                macro(mc, nc, kc, pa, pa0, pb, pb0, c, co + i0 * n + j0, n, pc > 0, tile, buf.tile);
            }
        });
    }

    /** Packs one operand's panel into {@code dst} from {@code at}. */
    @FunctionalInterface
    private interface Packer {
        void pack(float[] dst, int at);
    }

    /**
     * Packs one task's panel {@code i} of an operand ({@code size} elements) where it will read it: with
     * {@code share}, into the shared copy at {@code sharedAt} in {@code shared} if this task is the first to need
     * it, or not at all if another has packed it ({@link #obtain}); else, or when that packer is late, into the
     * task's own buffer {@code own} from 0.
     *
     * @return the panel's offset in {@code shared}, or -1 when it lies in {@code own}
     */
    private static int panel(boolean share, AtomicIntegerArray state, int i, long size, float[] shared, int sharedAt,
            float[] own, Packer pack) {
        int use = share ? obtain(state, i, size) : OWN;
        if (use == OWN) {
            pack.pack(own, 0);
            return -1;
        }
        if (use == PACK) {
            pack.pack(shared, sharedAt);
            state.set(i, READY);
        }
        return sharedAt;
    }

    /** What {@link #obtain} tells a task: use the shared panel, pack it there (then mark it ready), or pack its own. */
    private static final int USE = 0, PACK = 1, OWN = 2;

    /**
     * How a task gets shared panel {@code i} of {@code size} elements: {@link #USE} when it is ready, {@link #PACK}
     * when this task claims it, {@link #OWN} when another task has been packing it for longer than that should
     * take.
     */
    private static int obtain(AtomicIntegerArray state, int i, long size) {
        int st = state.get(i);
        if (st == READY) return USE;
        if (st == FREE && state.compareAndSet(i, FREE, PACKING)) return PACK;
        long deadline = System.nanoTime() + PACK_NS_PER_ELEMENT * size;
        while (state.get(i) != READY) {
            if (System.nanoTime() > deadline) return OWN;
            Thread.onSpinWait();
        }
        return USE;
    }

    /** A generous bound on packing one element (a copy from L3 runs at well under 1 ns). */
    private static final long PACK_NS_PER_ELEMENT = 2;

    /** One task: c (mt×nt, row stride ldc) = a (mt×k) @ b (k×nt), blocked by NC, KC, MC. */
    private static void task(int mt, int nt, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, int bcs,
            float[] c, int co, int ldc, F32Tile tile, F32Buffers buf) {
        int mr = tile.mr(), nr = tile.nr();
        int mcStep = Math.max(mr, MC / mr * mr);
        int paLen = roundUp(Math.min(mcStep, mt), mr) * Math.min(KC, k);
        int pbLen = roundUp(Math.min(NC, nt), nr) * Math.min(KC, k);
        if (buf.pa.length < paLen) buf.pa = new float[paLen];
        if (buf.pb.length < pbLen) buf.pb = new float[pbLen];
        if (buf.tile.length < mr * nr) buf.tile = new float[mr * nr];
        float[] pa = buf.pa, pb = buf.pb, tmp = buf.tile;
        int kcStep = kBlock(k);
        for (int jc = 0; jc < nt; jc += NC) {
            int nc = Math.min(NC, nt - jc);
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                packB(b, bo + pc * brs + jc * bcs, brs, bcs, kc, nc, nr, pb);
                for (int ic = 0; ic < mt; ic += mcStep) {
                    int mc = Math.min(mcStep, mt - ic);
                    packA(a, ao + ic * ars + pc * acs, ars, acs, mc, kc, mr, pa);
                    macro(mc, nc, kc, pa, pb, c, co + ic * ldc + jc, ldc, pc > 0, tile, tmp);
                }
            }
        }
    }

    /** All tiles of one packed block; edge tiles go through {@code tmp} so the tile always runs whole. */
    private static void macro(int mc, int nc, int kc, float[] pa, float[] pb, float[] c, int co, int ldc, boolean load,
            F32Tile tile, float[] tmp) {
        macro(mc, nc, kc, pa, 0, pb, 0, c, co, ldc, load, tile, tmp);
    }

    /** As above, with the packed block at {@code pa0} in pa and the packed panel at {@code pb0} in pb. */
    private static void macro(int mc, int nc, int kc, float[] pa, int pa0, float[] pb, int pb0, float[] c, int co, int ldc,
            boolean load, F32Tile tile, float[] tmp) {
        int mr = tile.mr(), nr = tile.nr();
        for (int jr = 0; jr < nc; jr += nr) {
            int nw = Math.min(nr, nc - jr), pbo = pb0 + jr * kc;
            for (int ir = 0; ir < mc; ir += mr) {
                int mh = Math.min(mr, mc - ir), pao = pa0 + ir * kc, ct = co + ir * ldc + jr;
                if (mh == mr && nw == nr) {
                    tile.run(kc, pa, pao, pb, pbo, c, ct, ldc, load);
                } else {
                    if (load) for (int r = 0; r < mh; r++) System.arraycopy(c, ct + r * ldc, tmp, r * nr, nw);
                    tile.run(kc, pa, pao, pb, pbo, tmp, 0, nr, load);
                    for (int r = 0; r < mh; r++) System.arraycopy(tmp, r * nr, c, ct + r * ldc, nw);
                }
            }
        }
    }

    /**
     * Packs an {@code mc × kc} block of A (element {@code [i,p]} at {@code a[ao + i*ars + p*acs]}) into slivers
     * of {@code mr} rows: {@code dst[(i/mr)*mr*kc + p*mr + i%mr]}, rows past mc zero.
     *
     * @param a   source
     * @param ao  the block's first element
     * @param ars row stride
     * @param acs column stride
     * @param mc  rows
     * @param kc  columns
     * @param mr  rows per sliver
     * @param dst destination, at least {@code roundUp(mc, mr) * kc} long
     */
    public static void packA(float[] a, int ao, int ars, int acs, int mc, int kc, int mr, float[] dst) {
        packA(a, ao, ars, acs, mc, kc, mr, dst, 0);
    }

    /** As {@link #packA(float[], int, int, int, int, int, int, float[])}, into dst from {@code dOff}. */
    private static void packA(float[] a, int ao, int ars, int acs, int mc, int kc, int mr, float[] dst, int dOff) {
        for (int i0 = 0; i0 < mc; i0 += mr) {
            int h = Math.min(mr, mc - i0), d = dOff + i0 * kc, src = ao + i0 * ars;
            if (acs == 1 && h == mr && (mr == 12 || mr == 6 || mr == 8 || mr == 4 || mr == 3)) {
                // the common case (row-major A, a whole sliver): the sliver height as a constant lets C2 drop
                // the bounds checks and unroll the copy (a variable stride keeps a check on every element)
                switch (mr) {
                    case 12 -> { for (int r = 0; r < 12; r++) rowToSliver(a, src + r * ars, dst, d + r, kc, 12); }
                    case 8 -> { for (int r = 0; r < 8; r++) rowToSliver(a, src + r * ars, dst, d + r, kc, 8); }
                    case 6 -> { for (int r = 0; r < 6; r++) rowToSliver(a, src + r * ars, dst, d + r, kc, 6); }
                    case 4 -> { for (int r = 0; r < 4; r++) rowToSliver(a, src + r * ars, dst, d + r, kc, 4); }
                    default -> { for (int r = 0; r < 3; r++) rowToSliver(a, src + r * ars, dst, d + r, kc, 3); }
                }
            } else if (acs == 1 || ars != 1) {
                // rows are (nearly) contiguous: walk each row along p
                for (int r = 0; r < h; r++) {
                    int s = src + r * ars, dd = d + r;
                    for (int p = 0; p < kc; p++, s += acs, dd += mr) dst[dd] = a[s];
                }
            } else {
                // transposed A: columns are contiguous, walk down them
                for (int p = 0; p < kc; p++) {
                    int s = src + p * acs, dd = d + p * mr;
                    for (int r = 0; r < h; r++) dst[dd + r] = a[s + r];
                }
            }
            if (h < mr) for (int p = 0; p < kc; p++) Arrays.fill(dst, d + p * mr + h, d + p * mr + mr, 0f);
        }
    }

    /**
     * Packs a {@code kc × nc} panel of B (element {@code [p,j]} at {@code b[bo + p*brs + j*bcs]}) into slivers
     * of {@code nr} columns: {@code dst[(j/nr)*nr*kc + p*nr + j%nr]}, columns past nc zero.
     *
     * @param b   source
     * @param bo  the panel's first element
     * @param brs row stride
     * @param bcs column stride
     * @param kc  rows
     * @param nc  columns
     * @param nr  columns per sliver
     * @param dst destination, at least {@code kc * roundUp(nc, nr)} long
     */
    public static void packB(float[] b, int bo, int brs, int bcs, int kc, int nc, int nr, float[] dst) {
        packB(b, bo, brs, bcs, kc, nc, nr, dst, 0);
    }

    /** As {@link #packB(float[], int, int, int, int, int, int, float[])}, into dst from {@code dOff}. */
    private static void packB(float[] b, int bo, int brs, int bcs, int kc, int nc, int nr, float[] dst, int dOff) {
        int whole = 0;
        if (bcs == 1 && (nr == 32 || nr == 16 || nr == 48 || nr == 24 || nr == 4)) {
            // whole slivers of row-major B, PACK_ROWS rows of B at a time across all of them: each of those rows
            // is read front to back, which the hardware prefetches (one sliver at a time read its kc rows a page
            // apart, one cache miss after another: 10% of a 1024² product). A constant row length lets C2
            // vectorize the copy (a call to System.arraycopy per short row cost more than the copy).
            whole = nc / nr * nr;
            for (int p0 = 0; p0 < kc; p0 += PACK_ROWS) {
                int p1 = Math.min(kc, p0 + PACK_ROWS);
                for (int j0 = 0; j0 < whole; j0 += nr) {
                    int d = dOff + j0 * kc, src = bo + j0;
                    switch (nr) {
                        case 32 -> { for (int p = p0; p < p1; p++) copyRow(b, src + p * brs, dst, d + p * 32, 32); }
                        case 16 -> { for (int p = p0; p < p1; p++) copyRow(b, src + p * brs, dst, d + p * 16, 16); }
                        case 48 -> { for (int p = p0; p < p1; p++) copyRow(b, src + p * brs, dst, d + p * 48, 48); }
                        case 24 -> { for (int p = p0; p < p1; p++) copyRow(b, src + p * brs, dst, d + p * 24, 24); }
                        default -> { for (int p = p0; p < p1; p++) copyRow(b, src + p * brs, dst, d + p * 4, 4); }
                    }
                }
            }
        }
        for (int j0 = whole; j0 < nc; j0 += nr) {
            int w = Math.min(nr, nc - j0), d = dOff + j0 * kc, src = bo + j0 * bcs;
            if (bcs == 1) {
                for (int p = 0; p < kc; p++) System.arraycopy(b, src + p * brs, dst, d + p * nr, w);
            } else {
                // transposed or strided B: walk down each column
                for (int j = 0; j < w; j++) {
                    int s = src + j * bcs, dd = d + j;
                    for (int p = 0; p < kc; p++, s += brs, dd += nr) dst[dd] = b[s];
                }
            }
            if (w < nr) for (int p = 0; p < kc; p++) Arrays.fill(dst, d + p * nr + w, d + p * nr + nr, 0f);
        }
    }

    /** Rows of B that {@link #packB} copies across all slivers before it moves down. */
    private static final int PACK_ROWS = 8;

    /** {@code dst[dd + p*mr] = a[s + p]} for p < kc; called with a literal mr, which C2 folds in. */
    private static void rowToSliver(float[] a, int s, float[] dst, int dd, int kc, int mr) {
        for (int p = 0; p < kc; p++) dst[dd + p * mr] = a[s + p];
    }

    /** {@code dst[d + q] = b[s + q]} for q < len; called with a literal len, which C2 folds in. */
    private static void copyRow(float[] b, int s, float[] dst, int d, int len) {
        for (int q = 0; q < len; q++) dst[d + q] = b[s + q];
    }

    // ---------------------------------------------------------------- float64 driver (the same, in double)

    /**
     * As {@link #blocked(int, int, int, int, float[], int, int, int, int, float[], int, int, int, int, float[], int, F32Tile)}
     * in double.
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     * @param tile  the register tile
     */
    public static void blocked(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co, F64Tile tile) {
        int mr = tile.mr(), nr = tile.nr();
        Split s = Split.of(batch, m, n, k, mr, nr);
        Parallel.forRange(s.tasks, s.grain, (from, to) -> {
            F64Buffers buf = F64_BUFFERS.get();
            for (int t = from; t < to; t++) {
                int bi = t / (s.rowChunks * s.colChunks), rest = t % (s.rowChunks * s.colChunks);
                int i0 = rest / s.colChunks * s.rowChunk, j0 = rest % s.colChunks * s.colChunk;
                task(Math.min(s.rowChunk, m - i0), Math.min(s.colChunk, n - j0), k,
                        a, ao + bi * abs + i0 * ars, ars, acs, b, bo + bi * bbs + j0 * bcs, brs, bcs,
                        c, co + bi * m * n + i0 * n + j0, n, tile, buf);
            }
        });
    }

    private static void task(int mt, int nt, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs,
            double[] c, int co, int ldc, F64Tile tile, F64Buffers buf) {
        int mr = tile.mr(), nr = tile.nr();
        int mcStep = Math.max(mr, MC / mr * mr);
        int kcMax = Math.min(KC, k);
        int paLen = roundUp(Math.min(mcStep, mt), mr) * kcMax;
        int pbLen = roundUp(Math.min(NC, nt), nr) * kcMax;
        if (buf.pa.length < paLen) buf.pa = new double[paLen];
        if (buf.pb.length < pbLen) buf.pb = new double[pbLen];
        if (buf.tile.length < mr * nr) buf.tile = new double[mr * nr];
        double[] pa = buf.pa, pb = buf.pb, tmp = buf.tile;
        int kcStep = kBlock(k);
        for (int jc = 0; jc < nt; jc += NC) {
            int nc = Math.min(NC, nt - jc);
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                packB(b, bo + pc * brs + jc * bcs, brs, bcs, kc, nc, nr, pb);
                for (int ic = 0; ic < mt; ic += mcStep) {
                    int mc = Math.min(mcStep, mt - ic);
                    packA(a, ao + ic * ars + pc * acs, ars, acs, mc, kc, mr, pa);
                    macro(mc, nc, kc, pa, pb, c, co + ic * ldc + jc, ldc, pc > 0, tile, tmp);
                }
            }
        }
    }

    private static void macro(int mc, int nc, int kc, double[] pa, double[] pb, double[] c, int co, int ldc, boolean load,
            F64Tile tile, double[] tmp) {
        int mr = tile.mr(), nr = tile.nr();
        for (int jr = 0; jr < nc; jr += nr) {
            int nw = Math.min(nr, nc - jr), pbo = jr * kc;
            for (int ir = 0; ir < mc; ir += mr) {
                int mh = Math.min(mr, mc - ir), pao = ir * kc, ct = co + ir * ldc + jr;
                if (mh == mr && nw == nr) {
                    tile.run(kc, pa, pao, pb, pbo, c, ct, ldc, load);
                } else {
                    if (load) for (int r = 0; r < mh; r++) System.arraycopy(c, ct + r * ldc, tmp, r * nr, nw);
                    tile.run(kc, pa, pao, pb, pbo, tmp, 0, nr, load);
                    for (int r = 0; r < mh; r++) System.arraycopy(tmp, r * nr, c, ct + r * ldc, nw);
                }
            }
        }
    }

    /**
     * As {@link #packA(float[], int, int, int, int, int, int, float[])} in double.
     *
     * @param a   source
     * @param ao  the block's first element
     * @param ars row stride
     * @param acs column stride
     * @param mc  rows
     * @param kc  columns
     * @param mr  rows per sliver
     * @param dst destination
     */
    public static void packA(double[] a, int ao, int ars, int acs, int mc, int kc, int mr, double[] dst) {
        for (int i0 = 0; i0 < mc; i0 += mr) {
            int h = Math.min(mr, mc - i0), d = i0 * kc, src = ao + i0 * ars;
            if (acs == 1 || ars != 1) {
                for (int r = 0; r < h; r++) {
                    int s = src + r * ars, dd = d + r;
                    for (int p = 0; p < kc; p++, s += acs, dd += mr) dst[dd] = a[s];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int s = src + p * acs, dd = d + p * mr;
                    for (int r = 0; r < h; r++) dst[dd + r] = a[s + r];
                }
            }
            if (h < mr) for (int p = 0; p < kc; p++) Arrays.fill(dst, d + p * mr + h, d + p * mr + mr, 0d);
        }
    }

    /**
     * As {@link #packB(float[], int, int, int, int, int, int, float[])} in double.
     *
     * @param b   source
     * @param bo  the panel's first element
     * @param brs row stride
     * @param bcs column stride
     * @param kc  rows
     * @param nc  columns
     * @param nr  columns per sliver
     * @param dst destination
     */
    public static void packB(double[] b, int bo, int brs, int bcs, int kc, int nc, int nr, double[] dst) {
        for (int j0 = 0; j0 < nc; j0 += nr) {
            int w = Math.min(nr, nc - j0), d = j0 * kc, src = bo + j0 * bcs;
            if (bcs == 1) {
                for (int p = 0; p < kc; p++) System.arraycopy(b, src + p * brs, dst, d + p * nr, w);
            } else {
                for (int j = 0; j < w; j++) {
                    int s = src + j * bcs, dd = d + j;
                    for (int p = 0; p < kc; p++, s += brs, dd += nr) dst[dd] = b[s];
                }
            }
            if (w < nr) for (int p = 0; p < kc; p++) Arrays.fill(dst, d + p * nr + w, d + p * nr + nr, 0d);
        }
    }

    // ---------------------------------------------------------------- plain register tiles (4×4)

    private static final F32Tile PLAIN_F32 = new F32Tile() {
        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 4;
        }

        @Override
        public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
            tile4x4(kc, pa, pao, pb, pbo, c, co, ldc, load);
        }
    };

    private static final F64Tile PLAIN_F64 = new F64Tile() {
        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 4;
        }

        @Override
        public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
            tile4x4(kc, pa, pao, pb, pbo, c, co, ldc, load);
        }
    };

    private static void tile4x4(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        if (load) {
            int r0 = co, r1 = co + ldc, r2 = co + 2 * ldc, r3 = co + 3 * ldc;
            c00 = c[r0]; c01 = c[r0 + 1]; c02 = c[r0 + 2]; c03 = c[r0 + 3];
            c10 = c[r1]; c11 = c[r1 + 1]; c12 = c[r1 + 2]; c13 = c[r1 + 3];
            c20 = c[r2]; c21 = c[r2 + 1]; c22 = c[r2 + 2]; c23 = c[r2 + 3];
            c30 = c[r3]; c31 = c[r3 + 1]; c32 = c[r3 + 2]; c33 = c[r3 + 3];
        }
        for (int p = 0; p < kc; p++) {
            int ai = pao + 4 * p, bi = pbo + 4 * p;
            float a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
            float b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02); c03 = Math.fma(a0, b3, c03);
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12); c13 = Math.fma(a1, b3, c13);
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22); c23 = Math.fma(a2, b3, c23);
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32); c33 = Math.fma(a3, b3, c33);
        }
        int r0 = co, r1 = co + ldc, r2 = co + 2 * ldc, r3 = co + 3 * ldc;
        c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
        c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
        c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
        c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }

    private static void tile4x4(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        if (load) {
            int r0 = co, r1 = co + ldc, r2 = co + 2 * ldc, r3 = co + 3 * ldc;
            c00 = c[r0]; c01 = c[r0 + 1]; c02 = c[r0 + 2]; c03 = c[r0 + 3];
            c10 = c[r1]; c11 = c[r1 + 1]; c12 = c[r1 + 2]; c13 = c[r1 + 3];
            c20 = c[r2]; c21 = c[r2 + 1]; c22 = c[r2 + 2]; c23 = c[r2 + 3];
            c30 = c[r3]; c31 = c[r3 + 1]; c32 = c[r3 + 2]; c33 = c[r3 + 3];
        }
        for (int p = 0; p < kc; p++) {
            int ai = pao + 4 * p, bi = pbo + 4 * p;
            double a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
            double b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02); c03 = Math.fma(a0, b3, c03);
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12); c13 = Math.fma(a1, b3, c13);
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22); c23 = Math.fma(a2, b3, c23);
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32); c33 = Math.fma(a3, b3, c33);
        }
        int r0 = co, r1 = co + ldc, r2 = co + 2 * ldc, r3 = co + 3 * ldc;
        c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
        c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
        c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
        c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }
}
