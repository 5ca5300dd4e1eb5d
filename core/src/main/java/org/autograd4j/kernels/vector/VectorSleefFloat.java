package org.autograd4j.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.SleefFloat;

/**
 * {@link SleefFloat}'s functions on {@code FloatVector}s at the preferred species: the same SLEEF 3.5.1 steps
 * in the same order ({@code fma} where the plain code calls {@code Math.fma}, the same emulation of x86's
 * {@code roundps}, {@code cvtps2dq} and {@code cvttps2dq}), so every span gives the plain span's bits, which are
 * PyTorch 1.13.1's. Span methods: whole vectors, then the tail through a zero-padded copy (the padding
 * computes on zeros and is not stored), each vector one allocation-free block method; with PyTorch's grouping:
 * {@code sin}, {@code cos}, {@code tan} decide their reduction per 8 lanes from the span's start (a step of
 * max(L, 8) lanes with a lane of |x| ≥ 125 or NaN goes through the plain span);
 * {@code sigmoid}, {@code sinh}, {@code cosh}, {@code atan2} take the vector formula on the first
 * {@code n - n % 16} elements and the plain scalar formula on the rest.
 */
public final class VectorSleefFloat {

    private VectorSleefFloat() {
    }

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    static final int L = F.length();

    private static final int SIGN = 0x80000000;
    private static final float PI_A2F = 3.1414794921875f;
    private static final float PI_B2F = 0.00011315941810607910156f;
    private static final float PI_C2F = 1.9841872589410058936e-09f;
    private static final float L2UF = 0.693145751953125f;
    private static final float L2LF = 1.428606765330187045e-06f;
    private static final float R_LN2F = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private static final float M_1_PI_F = (float) 0.318309886183790671537767526745028724;
    private static final float M_2_PI_F = (float) (2 * 0.318309886183790671537767526745028724);
    private static final float TWO64 = (float) (1L << 32) * (float) (1L << 32);
    private static final float ALL_ONES_NAN = Float.intBitsToFloat(0xffffffff);
    /**
     * 1.5·2^23: for |t| &lt; 2^22, t + RINT_MAGIC lies in [2^23, 2^24), where the float spacing is 1, so the add
     * rounds t to the nearest integer, ties to even (cvtps2dq's rounding) and exactly; subtracting it again
     * gives rint(t) and the bits minus {@link #RINT_MAGIC_BITS} give it as an int. Three operations where the
     * sign-safe emulation of roundps takes seven plus two conversions.
     */
    private static final float RINT_MAGIC = 0x1.8p23f;
    private static final int RINT_MAGIC_BITS = Float.floatToRawIntBits(RINT_MAGIC);
    /** SleefFloat.TRIGRANGEMAX2F: below it (in every lane of a group) sin, cos, tan take the Cody–Waite path. */
    private static final float TRIGRANGEMAX2F = 125.0f;

    // ---------------------------------------------------------------------------------------------------
    // Lane primitives

    static FloatVector c(float f) {
        return FloatVector.broadcast(F, f);
    }

    /** o ? x : y. */
    static FloatVector sel(VectorMask<Float> o, FloatVector x, FloatVector y) {
        return y.blend(x, o);
    }

    static IntVector sel(VectorMask<Float> o, IntVector x, IntVector y) {
        return y.blend(x, o.cast(I));
    }

    // ---------------------------------------------------------------------------------------------------
    // Helpers of the blocks

    static FloatVector sel4(VectorMask<Float> o0, VectorMask<Float> o1, VectorMask<Float> o2, float d0, float d1,
            float d2, float d3) {
        return sel(o0, c(d0), sel(o1, c(d1), sel(o2, c(d2), c(d3))));
    }

    // ---------------------------------------------------------------------------------------------------
    // Blocks: one vector read from an array, computed and stored, every step written out in one method.
    // Why: C2 stops inlining our own helpers once a compilation passes its node budget, and a helper it
    // compiled on its own first is "already compiled into a big method"; either way FloatVectors (and double-float pair
    // records) then cross calls as heap objects, hundreds of bytes per vector. Only Vector API methods
    // (force-inlined by the JDK) appear below, so nothing is boxed, and a block that C2 leaves as a call
    // still passes only arrays and ints.

    /** A block: o[oi..oi+L) = f(x[xi..xi+L)). */
    interface Block {
        void apply(float[] x, int xi, float[] o, int oi);
    }

    /** The last m &lt; L elements: through a zero-padded copy, as PyTorch's zero-padded tail vector. */
    static void tail(Block b, float[] x, int xi, float[] o, int oi, int m) {
        float[] t = new float[L];
        System.arraycopy(x, xi, t, 0, m);
        b.apply(t, 0, t, 0);
        System.arraycopy(t, 0, o, oi, m);
    }

    /*
     * exp's steps, as exp(FloatVector). q = rint(d/ln 2) by the magic-number round (see RINT_MAGIC), exact where
     * |d/ln 2| < 2^22; elsewhere (|d| > 104 or NaN) the final selects overwrite the lane, or s is already d's
     * NaN whatever finite q is, so the bits are those of rintToInt's emulation of cvtps2dq.
     */
    static void expBlock(float[] x, int xi, float[] o, int oi) {
        exp(FloatVector.fromArray(F, x, xi), false).intoArray(o, oi);
    }

    /**
     * expBlock's steps on a vector d (lanes below -104 give 0, above 100 give +inf); softmax's fused rows
     * ({@link Rows}) call it inside their loops. With {@code shifted} the caller promises d = x - max(row)
     * (never above 0, or NaN), and the +inf select is left out: it changes no such lane.
     */
    static FloatVector exp(FloatVector d, boolean shifted) {
        // every lane in [-87, 87] (NaN fails the test): q = rint(d / ln 2) lies in [-126, 126], so 2^q is a
        // normal float and ldexp2's u·2^(q>>1) is exact; its second multiply then rounds the exact u·2^q once,
        // as a single multiply by 2^q does (same bits), and neither of expOutOfRange's selects changes such a lane
        boolean inRange = (shifted ? d.compare(VectorOperators.GE, -87f) : d.abs().compare(VectorOperators.LE, 87f)).allTrue();
        FloatVector m = d.mul(R_LN2F).add(RINT_MAGIC);
        FloatVector qf = m.sub(RINT_MAGIC);
        FloatVector s = qf.fma(FloatVector.broadcast(F, -L2UF), d);
        s = qf.fma(FloatVector.broadcast(F, -L2LF), s);
        FloatVector u = FloatVector.broadcast(F, (float) 0.000198527617612853646278381);
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.00139304355252534151077271));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.00833336077630519866943359));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.0416664853692054748535156));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.166666671633720397949219));
        u = u.fma(s, FloatVector.broadcast(F, 0.5f));
        u = s.mul(s).fma(u, s).add(1.0f);
        // 2^q's bits: (q + 127) << 23, where q + 127 = bits(m) - (RINT_MAGIC_BITS - 127)
        if (inRange) return u.mul(m.reinterpretAsInts().sub(RINT_MAGIC_BITS - 0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        return expOutOfRange(d, m, u, shifted);
    }

    /**
     * exp's last steps for a vector with a lane outside [-87, 87]: ldexp2 in two multiplies, then the selects.
     * Its own method so that exp stays under C2's inlining size (a FloatVector passed to a call that is not
     * inlined is boxed; this call runs only for such vectors).
     */
    private static FloatVector expOutOfRange(FloatVector d, FloatVector m, FloatVector u, boolean shifted) {
        IntVector q = m.reinterpretAsInts().sub(RINT_MAGIC_BITS);
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        u = u.mul(h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        u = u.mul(q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        u = u.blend(0f, d.lt(-104f));
        return shifted ? u : u.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f));
    }

    /* sigmoid's vector formula, 1 / (exp(0 − x) + 1), with expBlock's steps. */
    static void sigmoidBlock(float[] x, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.broadcast(F, 0f).sub(FloatVector.fromArray(F, x, xi));
        FloatVector t = d.mul(R_LN2F);
        FloatVector a = t.abs();
        FloatVector r = a.add(0x1p23f).sub(0x1p23f);
        r = r.reinterpretAsInts().or(t.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = t.blend(r, a.lt(0x1p23f));
        IntVector q = (IntVector) r.convert(VectorOperators.F2I, 0);
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector s = qf.fma(FloatVector.broadcast(F, -L2UF), d);
        s = qf.fma(FloatVector.broadcast(F, -L2LF), s);
        FloatVector u = FloatVector.broadcast(F, (float) 0.000198527617612853646278381);
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.00139304355252534151077271));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.00833336077630519866943359));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.0416664853692054748535156));
        u = u.fma(s, FloatVector.broadcast(F, (float) 0.166666671633720397949219));
        u = u.fma(s, FloatVector.broadcast(F, 0.5f));
        u = s.mul(s).fma(u, s).add(1.0f);
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        u = u.mul(h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        u = u.mul(q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        u = u.blend(0f, d.lt(-104f));
        u = u.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f));
        FloatVector.broadcast(F, 1.0f).div(u.add(1.0f)).intoArray(o, oi);
    }

    /** expk2Vectors' kinds: which function of e^|x| (a double-float d) the steps end in. */
    static final int TANH = 0, SINH = 1, COSH = 2;

    /*
     * tanh's, sinh's and cosh's steps (kind TANH, SINH or COSH), as tanh(FloatVector), sinh(FloatVector) and
     * cosh(FloatVector): the one expk2 of |x| they share, then rec and their own last steps, the double-float
     * adds written out (hi in *x, lo in *y), over n elements (a multiple of L) in one loop, so that C2 keeps the
     * constants in registers and makes no call per vector. Left out, as they change no lane's bits: rintToInt's
     * fix-up and expk2's underflow select (lanes beyond 8.664339742 for tanh, 89 for sinh and cosh, and NaN
     * lanes are overwritten at the end; y = |x| is never below −104), y + 0 (y = |x| is never −0), and the
     * first add2's error term (exact, see below).
     */
    static void expk2Vectors(int kind, float[] xa, int xo, float[] o, int oo, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector x = FloatVector.fromArray(F, xa, xo + i);
            FloatVector y = x.abs();
            // expk2((y, 0))
            // q = rint(|x|/ln 2) by the magic-number round: exact below 2^22, and lanes beyond the kind's bound
            // are overwritten at the end (a NaN lane too), so the bits are those of rintToInt
            FloatVector u = y.mul(R_LN2F);
            FloatVector m = u.add(RINT_MAGIC);
            FloatVector qf = m.sub(RINT_MAGIC);
            // s = add2((y, 0), q·-L2U) is exact where a lane is kept (q in [0, 129]): q·L2U has at most 23
            // significant bits, and for q >= 1 it lies within [y/2, 2y] (Sterbenz), so s = (y - q·L2U, +0)
            FloatVector sx = y.add(qf.mul(-L2UF));
            // s = add2(s, q·-L2L): its error term plus s's +0 low half, which changes nothing (that term is
            // never -0: sx is never -0 and a sum of two values is -0 only when both are)
            FloatVector a2 = qf.mul(-L2LF);
            FloatVector tx = sx.add(a2);
            FloatVector v = tx.sub(sx);
            FloatVector sy = sx.sub(tx.sub(v)).add(a2.sub(v));
            sx = tx;
            u = FloatVector.broadcast(F, +0.1980960224e-3f);
            u = u.fma(sx, FloatVector.broadcast(F, +0.1394256484e-2f));
            u = u.fma(sx, FloatVector.broadcast(F, +0.8333456703e-2f));
            u = u.fma(sx, FloatVector.broadcast(F, +0.4166637361e-1f));
            // t = add2(mul(s, u), 1/6)
            FloatVector mx = sx.mul(u);
            FloatVector my = sy.fma(u, sx.fma(u, mx.neg()));
            FloatVector k = FloatVector.broadcast(F, +0.166666659414234244790680580464e+0f);
            tx = mx.add(k);
            v = tx.sub(mx);
            FloatVector ty = mx.sub(tx.sub(v)).add(k.sub(v)).add(my);
            // t = add2(mul(s, t), 0.5)
            mx = sx.mul(tx);
            my = sx.fma(ty, sy.fma(tx, sx.fma(tx, mx.neg())));
            tx = mx.add(0.5f);
            v = tx.sub(mx);
            ty = mx.sub(tx.sub(v)).add(FloatVector.broadcast(F, 0.5f).sub(v)).add(my);
            // t = add2(s, mul(squ(s), t))
            FloatVector qx = sx.mul(sx);
            FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
            mx = qx.mul(tx);
            my = qx.fma(ty, qy.fma(tx, qx.fma(tx, mx.neg())));
            tx = sx.add(mx);
            v = tx.sub(sx);
            ty = sx.sub(tx.sub(v)).add(mx.sub(v)).add(sy.add(my));
            // t = add(1, t)
            FloatVector one = FloatVector.broadcast(F, 1f);
            FloatVector dx = one.add(tx);
            FloatVector dy = one.sub(dx).add(tx).add(ty);
            if (kind == TANH) {
                // ldexp2 of both halves by q, as one multiply by 2^q: q is in [0, 13] where a tanh lane is kept,
                // so 2^q is a normal float and both ways scale exactly; its bits (q + 127) << 23 with
                // q + 127 = bits(m) - (RINT_MAGIC_BITS - 127)
                FloatVector p = m.reinterpretAsInts().sub(RINT_MAGIC_BITS - 0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                dx = dx.mul(p);
                dy = dy.mul(p);
            } else {
                // ldexp2 of both halves by q in [0, 129]: 2^q need not be a float, 2^(q>>1) and 2^(q-(q>>1)) are
                IntVector q = m.reinterpretAsInts().sub(RINT_MAGIC_BITS);
                IntVector h = q.lanewise(VectorOperators.ASHR, 1);
                FloatVector p1 = h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector p2 = q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                dx = dx.mul(p1).mul(p2);
                dy = dy.mul(p1).mul(p2);
            }
            // e = rec(d); fma(-a, b, c) as fma(a, -b, c) with one negation for two (the same product, exactly)
            FloatVector ex = one.div(dx);
            FloatVector nex = ex.neg();
            FloatVector ey = ex.mul(nex.fma(dy, nex.fma(dx, one)));
            if (kind == TANH) {
                // tanh: n = add(d, neg(e)), m = add(d, e)
                // a + (-b) as a - b: the same IEEE operation
                FloatVector nx = dx.sub(ex);
                FloatVector ny = dx.sub(nx).sub(ex).add(dy).sub(ey);
                FloatVector nmx = dx.add(ex);
                FloatVector nmy = dx.sub(nmx).add(ex).add(dy).add(ey);
                // div(n, m)
                FloatVector t = one.div(nmx);
                FloatVector s = nx.mul(t);
                u = t.fma(nx, s.neg());
                FloatVector nt = t.neg();
                v = nt.fma(nmy, nt.fma(nmx, one));
                y = s.add(s.fma(v, ny.fma(t, u)));
                y = y.blend(1.0f, x.abs().compare(VectorOperators.GT, 8.664339742f).or(y.compare(VectorOperators.NE, y)));
                y = y.reinterpretAsInts().lanewise(VectorOperators.XOR, x.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
                y = y.blend(ALL_ONES_NAN, x.compare(VectorOperators.NE, x));
                y.intoArray(o, oo + i);
            } else if (kind == SINH) {
                // sinh: sub(d, e), halved
                FloatVector s = dx.sub(ex);
                y = s.add(dx.sub(s).sub(ex).add(dy).sub(ey)).mul(0.5f);
                y = y.blend(Float.POSITIVE_INFINITY, x.abs().compare(VectorOperators.GT, 89f).or(y.compare(VectorOperators.NE, y)));
                y = y.reinterpretAsInts().lanewise(VectorOperators.XOR, x.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
                y.blend(ALL_ONES_NAN, x.compare(VectorOperators.NE, x)).intoArray(o, oo + i);
            } else {
                // cosh: add(d, e), halved
                FloatVector s = dx.add(ex);
                y = s.add(dx.sub(s).add(ex).add(dy).add(ey)).mul(0.5f);
                y = y.blend(Float.POSITIVE_INFINITY, x.abs().compare(VectorOperators.GT, 89f).or(y.compare(VectorOperators.NE, y)));
                y.blend(ALL_ONES_NAN, x.compare(VectorOperators.NE, x)).intoArray(o, oo + i);
            }
        }
    }

    /* One vector of tanh, sinh or cosh: the tails' blocks. */
    static void tanhBlock(float[] xa, int xi, float[] o, int oi) {
        expk2Vectors(TANH, xa, xi, o, oi, L);
    }

    static void sinhBlock(float[] xa, int xi, float[] o, int oi) {
        expk2Vectors(SINH, xa, xi, o, oi, L);
    }

    static void coshBlock(float[] xa, int xi, float[] o, int oi) {
        expk2Vectors(COSH, xa, xi, o, oi, L);
    }

    /*
     * expm1's steps, as expm1(FloatVector), expk2 written out as in expk2Vectors. Left out, as they change no
     * lane's bits: rintToInt's fix-up and expk2's underflow select (lanes beyond 88.72 or below −16.64 are
     * overwritten at the end; a NaN lane stays the same NaN whatever finite q is), and a + 0 in expk2's first
     * step (only ±0 could differ, and both give q = 0).
     */
    static void expm1Block(float[] xa, int xi, float[] o, int oi) {
        FloatVector a = FloatVector.fromArray(F, xa, xi);
        // expk2((a, 0))
        FloatVector u = a.mul(R_LN2F);
        FloatVector au = u.abs();
        FloatVector r = au.add(0x1p23f).sub(0x1p23f);
        r = r.reinterpretAsInts().or(u.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = u.blend(r, au.lt(0x1p23f));
        IntVector q = (IntVector) r.convert(VectorOperators.F2I, 0);
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector a1 = qf.mul(-L2UF);
        FloatVector sx = a.add(a1);
        FloatVector v = sx.sub(a);
        FloatVector sy = a.sub(sx.sub(v)).add(a1.sub(v)).add(0f);
        FloatVector a2 = qf.mul(-L2LF);
        FloatVector tx = sx.add(a2);
        v = tx.sub(sx);
        sy = sx.sub(tx.sub(v)).add(a2.sub(v)).add(sy);
        sx = tx;
        u = FloatVector.broadcast(F, +0.1980960224e-3f);
        u = u.fma(sx, FloatVector.broadcast(F, +0.1394256484e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.8333456703e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.4166637361e-1f));
        // t = add2(mul(s, u), 1/6)
        FloatVector mx = sx.mul(u);
        FloatVector my = sy.fma(u, sx.fma(u, mx.neg()));
        FloatVector k = FloatVector.broadcast(F, +0.166666659414234244790680580464e+0f);
        tx = mx.add(k);
        v = tx.sub(mx);
        FloatVector ty = mx.sub(tx.sub(v)).add(k.sub(v)).add(my);
        // t = add2(mul(s, t), 0.5)
        mx = sx.mul(tx);
        my = sx.fma(ty, sy.fma(tx, sx.fma(tx, mx.neg())));
        tx = mx.add(0.5f);
        v = tx.sub(mx);
        ty = mx.sub(tx.sub(v)).add(FloatVector.broadcast(F, 0.5f).sub(v)).add(my);
        // t = add2(s, mul(squ(s), t))
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        mx = qx.mul(tx);
        my = qx.fma(ty, qy.fma(tx, qx.fma(tx, mx.neg())));
        tx = sx.add(mx);
        v = tx.sub(sx);
        ty = sx.sub(tx.sub(v)).add(mx.sub(v)).add(sy.add(my));
        // t = add(1, t)
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector dx = one.add(tx);
        FloatVector dy = one.sub(dx).add(tx).add(ty);
        // ldexp2 of both halves by q
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        FloatVector p1 = h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector p2 = q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        dx = dx.mul(p1).mul(p2);
        dy = dy.mul(p1).mul(p2);
        // add2(d, -1)
        FloatVector m1 = FloatVector.broadcast(F, -1.0f);
        FloatVector x = dx.add(m1);
        v = x.sub(dx);
        FloatVector xy = dx.sub(x.sub(v)).add(m1.sub(v)).add(dy);
        x = x.add(xy);
        x = x.blend(Float.POSITIVE_INFINITY, a.compare(VectorOperators.GT, 88.72283172607421875f));
        x = x.blend(-1f, a.lt(-16.635532333438687426013570f));
        x = x.blend(-0.0f, a.reinterpretAsInts().compare(VectorOperators.EQ, SIGN).cast(F));
        x.intoArray(o, oi);
    }

    /* log's steps, as log(FloatVector), the double-float steps written out. */
    static void logBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        VectorMask<Float> sub = d.lt(Float.MIN_NORMAL);
        d = d.blend(d.mul(TWO64), sub);
        IntVector e = d.mul(1.0f / 0.75f).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        FloatVector m = d.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        e = e.blend(e.sub(64), sub.cast(I));
        FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
        // x = div(add2(-1, m), add2(1, m))
        FloatVector nx = m.add(-1f);
        FloatVector v = nx.sub(-1f);
        FloatVector ny = FloatVector.broadcast(F, -1f).sub(nx.sub(v)).add(m.sub(v));
        FloatVector dx = m.add(1f);
        v = dx.sub(1f);
        FloatVector dy = FloatVector.broadcast(F, 1f).sub(dx.sub(v)).add(m.sub(v));
        FloatVector t = FloatVector.broadcast(F, 1.0f).div(dx);
        FloatVector xx = nx.mul(t);
        FloatVector u = t.fma(nx, xx.neg());
        v = dy.neg().fma(t, dx.neg().fma(t, FloatVector.broadcast(F, 1f)));
        FloatVector xy = xx.fma(v, ny.fma(t, u));
        FloatVector x2 = xx.mul(xx);
        t = FloatVector.broadcast(F, +0.3027294874e+0f);
        t = t.fma(x2, FloatVector.broadcast(F, +0.3996108174e+0f));
        t = t.fma(x2, FloatVector.broadcast(F, +0.6666694880e+0f));
        FloatVector c1 = FloatVector.broadcast(F, 0.69314718246459960938f);
        FloatVector sx = c1.mul(ef);
        FloatVector sy = FloatVector.broadcast(F, -1.904654323148236017e-09f).fma(ef, c1.fma(ef, sx.neg()));
        FloatVector yx = xx.mul(2f);
        FloatVector yy = xy.mul(2f);
        FloatVector s2 = sx.add(yx);
        sy = sx.sub(s2).add(yx).add(sy).add(yy);
        sx = s2;
        FloatVector w = x2.mul(xx).mul(t);
        s2 = sx.add(w);
        sy = sx.sub(s2).add(w).add(sy);
        sx = s2;
        FloatVector r = sx.add(sy);
        r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.blend(Float.NaN, d.lt(0f).or(d.compare(VectorOperators.NE, d)));
        r = r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f));
        r.intoArray(o, oi);
    }

    /* log2's steps, as log2(FloatVector), the double-float steps written out. */
    static void log2Block(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        VectorMask<Float> sub = d.lt(Float.MIN_NORMAL);
        d = d.blend(d.mul(TWO64), sub);
        IntVector e = d.mul((float) (1.0 / 0.75)).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        FloatVector m = d.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        e = e.blend(e.sub(64), sub.cast(I));
        FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
        // x = div(add2(-1, m), add2(1, m))
        FloatVector nx = m.add(-1f);
        FloatVector v = nx.sub(-1f);
        FloatVector ny = FloatVector.broadcast(F, -1f).sub(nx.sub(v)).add(m.sub(v));
        FloatVector dx = m.add(1f);
        v = dx.sub(1f);
        FloatVector dy = FloatVector.broadcast(F, 1f).sub(dx.sub(v)).add(m.sub(v));
        FloatVector t = FloatVector.broadcast(F, 1.0f).div(dx);
        FloatVector xx = nx.mul(t);
        FloatVector u = t.fma(nx, xx.neg());
        v = dy.neg().fma(t, dx.neg().fma(t, FloatVector.broadcast(F, 1f)));
        FloatVector xy = xx.fma(v, ny.fma(t, u));
        FloatVector x2 = xx.mul(xx);
        t = FloatVector.broadcast(F, +0.4374550283e+0f);
        t = t.fma(x2, FloatVector.broadcast(F, +0.5764790177e+0f));
        t = t.fma(x2, FloatVector.broadcast(F, +0.9618012905120f));
        // add2(e, mul(x, (c1, c2)))
        FloatVector c1 = FloatVector.broadcast(F, (float) 2.8853900432586669922);
        FloatVector px = xx.mul(c1);
        FloatVector py = xx.fma(FloatVector.broadcast(F, (float) 3.2734474483568488616e-08), xy.fma(c1, xx.fma(c1, px.neg())));
        FloatVector sx = ef.add(px);
        v = sx.sub(ef);
        FloatVector sy = ef.sub(sx.sub(v)).add(px.sub(v)).add(py);
        // add2(s, x2·x·t)
        FloatVector w = x2.mul(xx).mul(t);
        FloatVector s2 = sx.add(w);
        v = s2.sub(sx);
        sy = sx.sub(s2.sub(v)).add(w.sub(v)).add(sy);
        sx = s2;
        FloatVector r = sx.add(sy);
        r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.blend(Float.NaN, d.lt(0f).or(d.compare(VectorOperators.NE, d)));
        r = r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f));
        r.intoArray(o, oi);
    }

    /* log10's steps, as log10(FloatVector), the double-float steps written out. */
    static void log10Block(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        VectorMask<Float> sub = d.lt(Float.MIN_NORMAL);
        d = d.blend(d.mul(TWO64), sub);
        IntVector e = d.mul((float) (1.0 / 0.75)).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        FloatVector m = d.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        e = e.blend(e.sub(64), sub.cast(I));
        FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
        // x = div(add2(-1, m), add2(1, m))
        FloatVector nx = m.add(-1f);
        FloatVector v = nx.sub(-1f);
        FloatVector ny = FloatVector.broadcast(F, -1f).sub(nx.sub(v)).add(m.sub(v));
        FloatVector dx = m.add(1f);
        v = dx.sub(1f);
        FloatVector dy = FloatVector.broadcast(F, 1f).sub(dx.sub(v)).add(m.sub(v));
        FloatVector t = FloatVector.broadcast(F, 1.0f).div(dx);
        FloatVector xx = nx.mul(t);
        FloatVector u = t.fma(nx, xx.neg());
        v = dy.neg().fma(t, dx.neg().fma(t, FloatVector.broadcast(F, 1f)));
        FloatVector xy = xx.fma(v, ny.fma(t, u));
        FloatVector x2 = xx.mul(xx);
        t = FloatVector.broadcast(F, (float) +0.1314289868e+0);
        t = t.fma(x2, FloatVector.broadcast(F, (float) +0.1735493541e+0));
        t = t.fma(x2, FloatVector.broadcast(F, (float) +0.2895309627e+0));
        FloatVector c1 = FloatVector.broadcast(F, (float) 0.30103001);
        FloatVector sx = c1.mul(ef);
        FloatVector sy = FloatVector.broadcast(F, (float) -1.432098889e-08).fma(ef, c1.fma(ef, sx.neg()));
        // add(s, mul(x, (k1, k2)))
        FloatVector k1 = FloatVector.broadcast(F, (float) 0.868588984);
        FloatVector px = xx.mul(k1);
        FloatVector py = xx.fma(FloatVector.broadcast(F, (float) -2.170757285e-08), xy.fma(k1, xx.fma(k1, px.neg())));
        FloatVector s2 = sx.add(px);
        sy = sx.sub(s2).add(px).add(sy).add(py);
        sx = s2;
        FloatVector w = x2.mul(xx).mul(t);
        s2 = sx.add(w);
        sy = sx.sub(s2).add(w).add(sy);
        sx = s2;
        FloatVector r = sx.add(sy);
        r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.blend(Float.NaN, d.lt(0f).or(d.compare(VectorOperators.NE, d)));
        r = r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f));
        r.intoArray(o, oi);
    }

    /** sin's, cos's and tan's block: false, with nothing stored, when a lane has |x| ≥ 125 or is NaN. */
    interface TrigBlock {
        boolean apply(float[] x, int xi, float[] o, int oi);
    }

    /** A trigonometric span's step: whole vectors and whole groups of 8, so groups never straddle two steps. */
    static final int W = Math.max(L, SleefFloat.AVX2_LANES);

    /**
     * m ≤ W elements from x[xi] by the block when all of them are small (true), else nothing stored (false).
     * The last m % L go through a zero-padded copy; zeros are small, as in PyTorch's padded tail vector.
     */
    static boolean smallRun(TrigBlock b, float[] x, int xi, float[] o, int oi, int m) {
        if (W > L) {
            // narrower than SLEEF's 8: check the whole group before storing any of it (o may be x)
            for (int k = 0; k < m; k += SleefFloat.AVX2_LANES) {
                if (SleefFloat.largeGroup(x, xi + k, xi + m)) {
                    return false;
                }
            }
        }
        int k = 0;
        for (; k + L <= m; k += L) {
            if (!b.apply(x, xi + k, o, oi + k)) {
                return false; // only when W == L, so k == 0 and nothing was stored
            }
        }
        if (k < m) {
            float[] t = new float[L];
            System.arraycopy(x, xi + k, t, 0, m - k);
            if (!b.apply(t, 0, t, 0)) {
                return false;
            }
            System.arraycopy(t, 0, o, oi + k, m - k);
        }
        return true;
    }

    /*
     * sinSmall's steps written out. q = (int) u without rintToInt's second rint and fix-up: u is already an
     * integer, |u| < 40, so both change nothing.
     */
    static boolean sinBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        if (!d.abs().lt(TRIGRANGEMAX2F).allTrue()) {
            return false;
        }
        FloatVector t0 = d.mul(M_1_PI_F);
        FloatVector a = t0.abs();
        FloatVector u = a.add(0x1p23f).sub(0x1p23f);
        u = u.reinterpretAsInts().or(t0.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        u = t0.blend(u, a.lt(0x1p23f));
        IntVector q = (IntVector) u.convert(VectorOperators.F2I, 0);
        FloatVector v = u.fma(FloatVector.broadcast(F, -PI_A2F), d);
        // s = add2(v, u·−PI_B)
        FloatVector b = u.mul(-PI_B2F);
        FloatVector sx = v.add(b);
        FloatVector w = sx.sub(v);
        FloatVector sy = v.sub(sx.sub(w)).add(b.sub(w));
        // s = add(s, u·−PI_C)
        b = u.mul(-PI_C2F);
        FloatVector s2 = sx.add(b);
        sy = sx.sub(s2).add(b).add(sy);
        sx = s2;
        // t = s (sx, sy); s = squ(s) (qx, qy)
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        u = FloatVector.broadcast(F, 2.6083159809786593541503e-06f);
        u = u.fma(qx, FloatVector.broadcast(F, -0.0001981069071916863322258f));
        u = u.fma(qx, FloatVector.broadcast(F, 0.00833307858556509017944336f));
        // x = add(1, mul(add(k, u·s.x), s))
        FloatVector k = FloatVector.broadcast(F, -0.166666597127914428710938f);
        FloatVector us = u.mul(qx);
        FloatVector ax = k.add(us);
        FloatVector ay = k.sub(ax).add(us);
        FloatVector mx = ax.mul(qx);
        FloatVector my = ax.fma(qy, ay.fma(qx, ax.fma(qx, mx.neg())));
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector xx = one.add(mx);
        FloatVector xy = one.sub(xx).add(mx).add(my);
        // mulToFloat(t, x)
        u = sx.fma(xx, sy.fma(xx, sx.mul(xy)));
        u = u.blend(u.neg(), q.and(1).compare(VectorOperators.EQ, 1).cast(F));
        u = u.blend(d, d.reinterpretAsInts().compare(VectorOperators.EQ, SIGN).cast(F));
        u.intoArray(o, oi);
        return true;
    }

    /* cosSmall's steps written out; q = (int) dq as in sinBlock (dq is an odd integer, |dq| < 81). */
    static boolean cosBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        if (!d.abs().lt(TRIGRANGEMAX2F).allTrue()) {
            return false;
        }
        FloatVector t0 = d.fma(FloatVector.broadcast(F, M_1_PI_F), FloatVector.broadcast(F, -0.5f));
        FloatVector a = t0.abs();
        FloatVector r = a.add(0x1p23f).sub(0x1p23f);
        r = r.reinterpretAsInts().or(t0.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = t0.blend(r, a.lt(0x1p23f));
        FloatVector dq = r.fma(FloatVector.broadcast(F, 2f), FloatVector.broadcast(F, 1f));
        IntVector q = (IntVector) dq.convert(VectorOperators.F2I, 0);
        // s = add2(d, dq·−PI_A/2)
        FloatVector b = dq.mul(-PI_A2F * 0.5f);
        FloatVector sx = d.add(b);
        FloatVector w = sx.sub(d);
        FloatVector sy = d.sub(sx.sub(w)).add(b.sub(w));
        // s = add2(s, dq·−PI_B/2), then −PI_C/2
        b = dq.mul(-PI_B2F * 0.5f);
        FloatVector s2 = sx.add(b);
        w = s2.sub(sx);
        sy = sx.sub(s2.sub(w)).add(b.sub(w)).add(sy);
        sx = s2;
        b = dq.mul(-PI_C2F * 0.5f);
        s2 = sx.add(b);
        w = s2.sub(sx);
        sy = sx.sub(s2.sub(w)).add(b.sub(w)).add(sy);
        sx = s2;
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        FloatVector u = FloatVector.broadcast(F, 2.6083159809786593541503e-06f);
        u = u.fma(qx, FloatVector.broadcast(F, -0.0001981069071916863322258f));
        u = u.fma(qx, FloatVector.broadcast(F, 0.00833307858556509017944336f));
        FloatVector k = FloatVector.broadcast(F, -0.166666597127914428710938f);
        FloatVector us = u.mul(qx);
        FloatVector ax = k.add(us);
        FloatVector ay = k.sub(ax).add(us);
        FloatVector mx = ax.mul(qx);
        FloatVector my = ax.fma(qy, ay.fma(qx, ax.fma(qx, mx.neg())));
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector xx = one.add(mx);
        FloatVector xy = one.sub(xx).add(mx).add(my);
        u = sx.fma(xx, sy.fma(xx, sx.mul(xy)));
        u = u.blend(u.neg(), q.and(2).compare(VectorOperators.EQ, 0).cast(F));
        u.intoArray(o, oi);
        return true;
    }

    /* tanSmall's steps written out; q = (int) u as in sinBlock (|u| < 80). */
    static boolean tanBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        if (!d.abs().lt(TRIGRANGEMAX2F).allTrue()) {
            return false;
        }
        FloatVector t0 = d.mul(M_2_PI_F);
        FloatVector a = t0.abs();
        FloatVector u = a.add(0x1p23f).sub(0x1p23f);
        u = u.reinterpretAsInts().or(t0.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        u = t0.blend(u, a.lt(0x1p23f));
        IntVector q = (IntVector) u.convert(VectorOperators.F2I, 0);
        FloatVector v = u.fma(FloatVector.broadcast(F, -PI_A2F * 0.5f), d);
        // s = add2(v, u·−PI_B/2)
        FloatVector b = u.mul(-PI_B2F * 0.5f);
        FloatVector sx = v.add(b);
        FloatVector w = sx.sub(v);
        FloatVector sy = v.sub(sx.sub(w)).add(b.sub(w));
        // s = add(s, u·−PI_C/2)
        b = u.mul(-PI_C2F * 0.5f);
        FloatVector s2 = sx.add(b);
        sy = sx.sub(s2).add(b).add(sy);
        sx = s2;
        VectorMask<Float> odd = q.and(1).compare(VectorOperators.EQ, 1).cast(F);
        sx = sx.blend(sx.neg(), odd);
        sy = sy.blend(sy.neg(), odd);
        // t = s; s = normalize(squ(s))
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        FloatVector nx = qx.add(qy);
        qy = qx.sub(nx).add(qy);
        qx = nx;
        u = FloatVector.broadcast(F, 0.00446636462584137916564941f);
        u = u.fma(qx, FloatVector.broadcast(F, -8.3920182078145444393158e-05f));
        u = u.fma(qx, FloatVector.broadcast(F, 0.0109639242291450500488281f));
        u = u.fma(qx, FloatVector.broadcast(F, 0.0212360303848981857299805f));
        u = u.fma(qx, FloatVector.broadcast(F, 0.0540687143802642822265625f));
        // x = add(k1, u·s.x)
        FloatVector k = FloatVector.broadcast(F, 0.133325666189193725585938f);
        FloatVector us = u.mul(qx);
        FloatVector xx = k.add(us);
        FloatVector xy = k.sub(xx).add(us);
        // x = add(1, mul(add(k2, mul(s, x)), s))
        FloatVector mx = qx.mul(xx);
        FloatVector my = qx.fma(xy, qy.fma(xx, qx.fma(xx, mx.neg())));
        k = FloatVector.broadcast(F, 0.33333361148834228515625f);
        FloatVector ax = k.add(mx);
        FloatVector ay = k.sub(ax).add(mx).add(my);
        mx = ax.mul(qx);
        my = ax.fma(qy, ay.fma(qx, ax.fma(qx, mx.neg())));
        FloatVector one = FloatVector.broadcast(F, 1f);
        xx = one.add(mx);
        xy = one.sub(xx).add(mx).add(my);
        // x = mul(t, x)
        mx = sx.mul(xx);
        my = sx.fma(xy, sy.fma(xx, sx.fma(xx, mx.neg())));
        // x = odd ? rec(x) : x
        FloatVector rx = one.div(mx);
        FloatVector ry = rx.mul(my.neg().fma(rx, mx.neg().fma(rx, one)));
        xx = mx.blend(rx, odd);
        xy = my.blend(ry, odd);
        u = xx.add(xy);
        u = u.blend(d, d.reinterpretAsInts().compare(VectorOperators.EQ, SIGN).cast(F));
        u.intoArray(o, oi);
        return true;
    }

    /* log1p's steps, as log1p(FloatVector), the double-float steps written out. */
    static void log1pBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        FloatVector dp1 = d.add(1f);
        VectorMask<Float> sub = dp1.lt(Float.MIN_NORMAL);
        dp1 = dp1.blend(dp1.mul(TWO64), sub);
        IntVector e = dp1.mul(1.0f / 0.75f).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector t = one.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        FloatVector m = d.fma(t, t.sub(1f));
        e = e.blend(e.sub(64), sub.cast(I));
        FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
        FloatVector c1 = FloatVector.broadcast(F, 0.69314718246459960938f);
        FloatVector sx = c1.mul(ef);
        FloatVector sy = FloatVector.broadcast(F, -1.904654323148236017e-09f).fma(ef, c1.fma(ef, sx.neg()));
        // x = div((m, 0), add(2, m))
        FloatVector two = FloatVector.broadcast(F, 2f);
        FloatVector dx = two.add(m);
        FloatVector dy = two.sub(dx).add(m);
        FloatVector r = one.div(dx);
        FloatVector xx = m.mul(r);
        FloatVector u = r.fma(m, xx.neg());
        FloatVector v = dy.neg().fma(r, dx.neg().fma(r, one));
        FloatVector xy = xx.fma(v, FloatVector.broadcast(F, 0f).fma(r, u));
        FloatVector x2 = xx.mul(xx);
        t = FloatVector.broadcast(F, +0.3027294874e+0f);
        t = t.fma(x2, FloatVector.broadcast(F, +0.3996108174e+0f));
        t = t.fma(x2, FloatVector.broadcast(F, +0.6666694880e+0f));
        // s = add(s, scale(x, 2)), then add(s, x2·x·t)
        FloatVector yx = xx.mul(2f);
        FloatVector yy = xy.mul(2f);
        FloatVector s2 = sx.add(yx);
        sy = sx.sub(s2).add(yx).add(sy).add(yy);
        sx = s2;
        FloatVector w = x2.mul(xx).mul(t);
        s2 = sx.add(w);
        sy = sx.sub(s2).add(w).add(sy);
        sx = s2;
        r = sx.add(sy);
        r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, (float) 1e+38));
        r = r.blend(ALL_ONES_NAN, d.lt(-1f));
        r = r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, -1f));
        r = r.blend(-0.0f, d.reinterpretAsInts().compare(VectorOperators.EQ, SIGN).cast(F));
        r.intoArray(o, oi);
    }

    // erf's double-float coefficients, as f2d(d): hi (float) d, lo (float) (d − hi)
    private static final double ERF_A0 = -0.376125876000657465175213237214e+0;
    private static final double ERF_A1 = -0.634588905908410389971210809210e+0;
    private static final double ERF_A2 = -0.643598050547891613081201721633e+0;
    private static final double ERF_B0 = +0.112837916021059138255978217023e+1;
    private static final double ERF_B1 = -0.112879855826694507209862753992e+1;
    private static final double ERF_B2 = -0.112461487742845562801052956293e+1;

    /*
     * erf's steps, as erf(FloatVector), sel3/sel3d as blends, expk2 and the double-float steps written out
     * (expk2 as in expk2Vectors, on a pair whose lo part is not zero).
     */
    static void erfBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector s = FloatVector.fromArray(F, xa, xi);
        FloatVector a = s.abs();
        VectorMask<Float> o0 = a.lt((float) 1.1);
        VectorMask<Float> o1 = a.lt((float) 2.4);
        VectorMask<Float> o2 = a.lt((float) 4.0);
        FloatVector u = a.blend(a.mul(a), o0);
        FloatVector t = FloatVector.broadcast(F, -0.9495757695e-5f).blend(-0.1792667899e-4f, o1)
                .blend(+0.7089292194e-4f, o0);
        t = t.fma(u, FloatVector.broadcast(F, +0.2481465926e-3f).blend(+0.3937633010e-3f, o1)
                .blend(-0.7768311189e-3f, o0));
        t = t.fma(u, FloatVector.broadcast(F, -0.2918176819e-2f).blend(-0.3949181177e-2f, o1)
                .blend(+0.5159463733e-2f, o0));
        t = t.fma(u, FloatVector.broadcast(F, +0.2059706673e-1f).blend(+0.2445474640e-1f, o1)
                .blend(-0.2683781274e-1f, o0));
        t = t.fma(u, FloatVector.broadcast(F, -0.9901899844e-1f).blend(-0.1070996150e+0f, o1)
                .blend(+0.1128318012e+0f, o0));
        // d = mul(t, u)
        FloatVector dx = t.mul(u);
        FloatVector dy = t.fma(u, dx.neg());
        // d = add2(d, sel3d(A))
        FloatVector kx = FloatVector.broadcast(F, (float) ERF_A2).blend((float) ERF_A1, o1).blend((float) ERF_A0, o0);
        FloatVector ky = FloatVector.broadcast(F, (float) (ERF_A2 - (float) ERF_A2))
                .blend((float) (ERF_A1 - (float) ERF_A1), o1).blend((float) (ERF_A0 - (float) ERF_A0), o0);
        FloatVector sx = dx.add(kx);
        FloatVector v = sx.sub(dx);
        dy = dx.sub(sx.sub(v)).add(kx.sub(v)).add(dy.add(ky));
        dx = sx;
        // d = mul(d, u)
        sx = dx.mul(u);
        dy = dy.fma(u, dx.fma(u, sx.neg()));
        dx = sx;
        // d = add2(d, sel3d(B))
        kx = FloatVector.broadcast(F, (float) ERF_B2).blend((float) ERF_B1, o1).blend((float) ERF_B0, o0);
        ky = FloatVector.broadcast(F, (float) (ERF_B2 - (float) ERF_B2))
                .blend((float) (ERF_B1 - (float) ERF_B1), o1).blend((float) (ERF_B0 - (float) ERF_B0), o0);
        sx = dx.add(kx);
        v = sx.sub(dx);
        dy = dx.sub(sx.sub(v)).add(kx.sub(v)).add(dy.add(ky));
        dx = sx;
        // d = mul(d, a)
        sx = dx.mul(a);
        dy = dy.fma(a, dx.fma(a, sx.neg()));
        dx = sx;
        // e = expk2(d)
        FloatVector w = dx.add(dy).mul(R_LN2F);
        FloatVector aw = w.abs();
        FloatVector r = aw.add(0x1p23f).sub(0x1p23f);
        r = r.reinterpretAsInts().or(w.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = w.blend(r, aw.lt(0x1p23f));
        IntVector q = (IntVector) r.convert(VectorOperators.F2I, 0);
        VectorMask<Float> ok = r.compare(VectorOperators.GE, -0x1p31f).and(r.lt(0x1p31f));
        q = IntVector.broadcast(I, Integer.MIN_VALUE).blend(q, ok.cast(I));
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector a1 = qf.mul(-L2UF);
        sx = dx.add(a1);
        v = sx.sub(dx);
        FloatVector sy = dx.sub(sx.sub(v)).add(a1.sub(v)).add(dy);
        FloatVector a2 = qf.mul(-L2LF);
        FloatVector tx = sx.add(a2);
        v = tx.sub(sx);
        sy = sx.sub(tx.sub(v)).add(a2.sub(v)).add(sy);
        sx = tx;
        u = FloatVector.broadcast(F, +0.1980960224e-3f);
        u = u.fma(sx, FloatVector.broadcast(F, +0.1394256484e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.8333456703e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.4166637361e-1f));
        FloatVector mx = sx.mul(u);
        FloatVector my = sy.fma(u, sx.fma(u, mx.neg()));
        FloatVector k = FloatVector.broadcast(F, +0.166666659414234244790680580464e+0f);
        tx = mx.add(k);
        v = tx.sub(mx);
        FloatVector ty = mx.sub(tx.sub(v)).add(k.sub(v)).add(my);
        mx = sx.mul(tx);
        my = sx.fma(ty, sy.fma(tx, sx.fma(tx, mx.neg())));
        tx = mx.add(0.5f);
        v = tx.sub(mx);
        ty = mx.sub(tx.sub(v)).add(FloatVector.broadcast(F, 0.5f).sub(v)).add(my);
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        mx = qx.mul(tx);
        my = qx.fma(ty, qy.fma(tx, qx.fma(tx, mx.neg())));
        tx = sx.add(mx);
        v = tx.sub(sx);
        ty = sx.sub(tx.sub(v)).add(mx.sub(v)).add(sy.add(my));
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector ex = one.add(tx);
        FloatVector ey = one.sub(ex).add(tx).add(ty);
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        FloatVector p1 = h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector p2 = q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        ex = ex.mul(p1).mul(p2);
        ey = ey.mul(p1).mul(p2);
        VectorMask<Float> under = dx.lt(-104f);
        ex = ex.blend(0f, under);
        ey = ey.blend(0f, under);
        // d = o0 ? d : add(1, neg(e))
        FloatVector nex = ex.neg();
        FloatVector fx = one.add(nex);
        FloatVector fy = one.sub(fx).add(nex).add(ey.neg());
        dx = fx.blend(dx, o0);
        dy = fy.blend(dy, o0);
        u = one.blend(dx.add(dy), o2);
        u = u.reinterpretAsInts().lanewise(VectorOperators.XOR, s.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        u = u.blend(Float.NaN, a.test(VectorOperators.IS_NAN));
        u.intoArray(o, oi);
    }

    /*
     * atan's steps, as atan(FloatVector) with atan2k((|d|, 0), (1, 0)) written out: x = (1, 0) is not
     * negative, so atan2k's first select and sign flip leave q = 0 and x as it is.
     */
    static void atanBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        FloatVector ad = d.abs();
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector zero = FloatVector.broadcast(F, 0f);
        VectorMask<Float> p = one.lt(ad);
        IntVector q = IntVector.broadcast(I, 0).blend(1, p.cast(I));
        // s = p ? neg(x) : y; t = p ? y : x; s = div(s, t)
        FloatVector sx = ad.blend(-1f, p);
        FloatVector sy = zero.blend(-0.0f, p);
        FloatVector tx = one.blend(ad, p);
        FloatVector ty = zero;
        FloatVector r = one.div(tx);
        FloatVector hx = sx.mul(r);
        FloatVector u = r.fma(sx, hx.neg());
        FloatVector v = ty.neg().fma(r, tx.neg().fma(r, one));
        FloatVector hy = hx.fma(v, sy.fma(r, u));
        // t = normalize(squ(s))
        tx = hx.mul(hx);
        ty = hx.add(hx).fma(hy, hx.fma(hx, tx.neg()));
        FloatVector nx = tx.add(ty);
        ty = tx.sub(nx).add(ty);
        tx = nx;
        u = FloatVector.broadcast(F, -0.00176397908944636583328247f);
        u = u.fma(tx, FloatVector.broadcast(F, 0.0107900900766253471374512f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.0309564601629972457885742f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.0577365085482597351074219f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.0838950723409652709960938f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.109463557600975036621094f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.142626821994781494140625f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.199983194470405578613281f));
        // t = mul(t, add(k, u·t.x))
        FloatVector k = FloatVector.broadcast(F, -0.333332866430282592773438f);
        FloatVector ut = u.mul(tx);
        FloatVector ax = k.add(ut);
        FloatVector ay = k.sub(ax).add(ut);
        FloatVector mx = tx.mul(ax);
        FloatVector my = tx.fma(ay, ty.fma(ax, tx.fma(ax, mx.neg())));
        // t = mul(s, add(1, t))
        ax = one.add(mx);
        ay = one.sub(ax).add(mx).add(my);
        mx = hx.mul(ax);
        my = hx.fma(ay, hy.fma(ax, hx.fma(ax, mx.neg())));
        // add(mul((π/2 hi, lo), q), t)
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector c1 = FloatVector.broadcast(F, 1.5707963705062866211f);
        FloatVector px = c1.mul(qf);
        FloatVector py = FloatVector.broadcast(F, -4.3711388286737928865e-08f).fma(qf, c1.fma(qf, px.neg()));
        FloatVector rx = px.add(mx);
        FloatVector ry = px.sub(rx).add(mx).add(py).add(my);
        r = rx.add(ry);
        r = r.blend((float) 1.570796326794896557998982, ad.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.reinterpretAsInts().lanewise(VectorOperators.XOR, d.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r.intoArray(o, oi);
    }

    /*
     * asin's steps, as asin(FloatVector), sqrt and the double-float steps written out.
     */
    static void asinBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        FloatVector ad = d.abs();
        VectorMask<Float> o1 = ad.lt(0.5f);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector x2 = one.sub(ad).mul(0.5f).blend(d.mul(d), o1);
        // sqrt(x2): scale(mul(add2(x2, mul(t, t)), rec(t)), 0.5), t = √x2
        FloatVector t = x2.sqrt();
        FloatVector mx = t.mul(t);
        FloatVector my = t.fma(t, mx.neg());
        FloatVector ax = x2.add(mx);
        FloatVector v = ax.sub(x2);
        FloatVector ay = x2.sub(ax.sub(v)).add(mx.sub(v)).add(my);
        FloatVector rx = one.div(t);
        FloatVector ry = rx.mul(t.neg().fma(rx, one));
        FloatVector qx = ax.mul(rx);
        FloatVector qy = ax.fma(ry, ay.fma(rx, ax.fma(rx, qx.neg())));
        qx = qx.mul(0.5f);
        qy = qy.mul(0.5f);
        FloatVector zero = FloatVector.broadcast(F, 0f);
        FloatVector xx = qx.blend(ad, o1);
        FloatVector xy = qy.blend(zero, o1);
        VectorMask<Float> unit = ad.compare(VectorOperators.EQ, 1.0f);
        xx = xx.blend(zero, unit);
        xy = xy.blend(zero, unit);
        FloatVector u = FloatVector.broadcast(F, (float) +0.4197454825e-1);
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.2424046025e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.4547423869e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.7495029271e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.1666677296e+0));
        u = u.mul(x2.mul(xx));
        // y = sub(sub((π/4 hi, lo), x), u)
        FloatVector c1 = FloatVector.broadcast(F, 3.1415927410125732422f / 4);
        FloatVector sx = c1.sub(xx);
        FloatVector sy = c1.sub(sx).sub(xx).add(-8.7422776573475857731e-08f / 4).sub(xy);
        FloatVector yx = sx.sub(u);
        FloatVector yy = sx.sub(yx).sub(u).add(sy);
        FloatVector r = yx.add(yy).mul(2f).blend(u.add(xx), o1);
        r = r.reinterpretAsInts().lanewise(VectorOperators.XOR, d.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r.intoArray(o, oi);
    }

    /*
     * acos's steps, as acos(FloatVector), sqrt and the double-float steps written out.
     */
    static void acosBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector d = FloatVector.fromArray(F, xa, xi);
        FloatVector ad = d.abs();
        VectorMask<Float> o1 = ad.lt(0.5f);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector x2 = one.sub(ad).mul(0.5f).blend(d.mul(d), o1);
        FloatVector t = x2.sqrt();
        FloatVector mx = t.mul(t);
        FloatVector my = t.fma(t, mx.neg());
        FloatVector ax = x2.add(mx);
        FloatVector v = ax.sub(x2);
        FloatVector ay = x2.sub(ax.sub(v)).add(mx.sub(v)).add(my);
        FloatVector rx = one.div(t);
        FloatVector ry = rx.mul(t.neg().fma(rx, one));
        FloatVector qx = ax.mul(rx);
        FloatVector qy = ax.fma(ry, ay.fma(rx, ax.fma(rx, qx.neg())));
        qx = qx.mul(0.5f);
        qy = qy.mul(0.5f);
        FloatVector zero = FloatVector.broadcast(F, 0f);
        FloatVector xx = qx.blend(ad, o1);
        FloatVector xy = qy.blend(zero, o1);
        VectorMask<Float> unit = ad.compare(VectorOperators.EQ, 1.0f);
        xx = xx.blend(zero, unit);
        xy = xy.blend(zero, unit);
        FloatVector u = FloatVector.broadcast(F, (float) +0.4197454825e-1);
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.2424046025e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.4547423869e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.7495029271e-1));
        u = u.fma(x2, FloatVector.broadcast(F, (float) +0.1666677296e+0));
        u = u.mul(x2.mul(xx));
        IntVector sd = d.reinterpretAsInts().and(SIGN);
        // y = sub((π/2 hi, lo), add(mulsign(x.x, d), mulsign(u, d)))
        FloatVector bx = xx.reinterpretAsInts().lanewise(VectorOperators.XOR, sd).reinterpretAsFloats();
        FloatVector bu = u.reinterpretAsInts().lanewise(VectorOperators.XOR, sd).reinterpretAsFloats();
        FloatVector cx = bx.add(bu);
        FloatVector cy = bx.sub(cx).add(bu);
        FloatVector c1 = FloatVector.broadcast(F, 3.1415927410125732422f / 2);
        FloatVector yx = c1.sub(cx);
        FloatVector yy = c1.sub(yx).sub(cx).add(-8.7422776573475857731e-08f / 2).sub(cy);
        // x = add(x, u); y = o ? y : scale(x, 2)
        FloatVector zx = xx.add(u);
        FloatVector zy = xx.sub(zx).add(u).add(xy);
        yx = zx.mul(2f).blend(yx, o1);
        yy = zy.mul(2f).blend(yy, o1);
        // y = !o && d < 0 ? sub((π hi, lo), y) : y
        VectorMask<Float> back = o1.not().and(d.lt(0f));
        c1 = FloatVector.broadcast(F, 3.1415927410125732422f);
        FloatVector wx = c1.sub(yx);
        FloatVector wy = c1.sub(wx).sub(yx).add(-8.7422776573475857731e-08f).sub(yy);
        yx = yx.blend(wx, back);
        yy = yy.blend(wy, back);
        yx.add(yy).intoArray(o, oi);
    }

    // erfc's double-float coefficients (f2d: hi (float) d, lo (float) (d − hi)), per interval 0..3
    private static final double ERFC_A0 = -0.102775359343930288081655368891e+0;
    private static final double ERFC_A1 = -0.105247583459338632253369014063e+0;
    private static final double ERFC_A2 = -0.482365310333045318680618892669e+0;
    private static final double ERFC_A3 = -0.498961546254537647970305302739e+0;
    private static final double ERFC_B0 = -0.636619483208481931303752546439e+0;
    private static final double ERFC_B1 = -0.635609463574589034216723775292e+0;
    private static final double ERFC_B2 = -0.134450203224533979217859332703e-2;
    private static final double ERFC_B3 = -0.471199543422848492080722832666e-4;
    private static final double ERFC_C0 = -0.112837917790537404939545770596e+1;
    private static final double ERFC_C1 = -0.112855987376668622084547028949e+1;
    private static final double ERFC_C2 = -0.572319781150472949561786101080e+0;
    private static final double ERFC_C3 = -0.572364030327966044425932623525e+0;

    /*
     * erfc's steps, as erfc(FloatVector), sel4/sel4d as blends, div, expk2 and the double-float steps written
     * out (expk2 as in erfBlock).
     */
    static void erfcBlock(float[] xa, int xi, float[] o, int oi) {
        FloatVector s = FloatVector.fromArray(F, xa, xi);
        FloatVector a = s.abs();
        VectorMask<Float> o0 = a.lt((float) 1.0);
        VectorMask<Float> o1 = a.lt((float) 2.2);
        VectorMask<Float> o2 = a.lt((float) 4.3);
        VectorMask<Float> o3 = a.lt((float) 10.1);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector zero = FloatVector.broadcast(F, 0f);
        // u = o1 ? (a, 0) : div((1, 0), (a, 0))
        FloatVector r = one.div(a);
        FloatVector hx = one.mul(r);
        FloatVector w = r.fma(one, hx.neg());
        FloatVector v = zero.neg().fma(r, a.neg().fma(r, one));
        FloatVector hy = hx.fma(v, zero.fma(r, w));
        FloatVector ux = hx.blend(a, o1);
        FloatVector uy = hy.blend(zero, o1);
        FloatVector t = FloatVector.broadcast(F, +0.1115344167e+1f).blend(-0.3869504035e+0f, o2)
                .blend(-0.6236977242e-5f, o1).blend(-0.8638041618e-4f, o0);
        t = t.fma(ux, FloatVector.broadcast(F, -0.9454904199e+0f).blend(+0.1288077235e+1f, o2)
                .blend(+0.5749821503e-4f, o1).blend(+0.6000166177e-3f, o0));
        t = t.fma(ux, FloatVector.broadcast(F, -0.3667259514e+0f).blend(-0.1816803217e+1f, o2)
                .blend(+0.6002851478e-5f, o1).blend(-0.1665703603e-2f, o0));
        t = t.fma(ux, FloatVector.broadcast(F, +0.7155663371e+0f).blend(+0.1249150872e+1f, o2)
                .blend(-0.2851036377e-2f, o1).blend(+0.1795156277e-3f, o0));
        t = t.fma(ux, FloatVector.broadcast(F, -0.1262947265e-1f).blend(-0.1328857988e+0f, o2)
                .blend(+0.2260518074e-1f, o1).blend(+0.1914106123e-1f, o0));
        // d = mul(u, t)
        FloatVector dx = ux.mul(t);
        FloatVector dy = uy.fma(t, ux.fma(t, dx.neg()));
        // d = add2(d, A); d = mul(d, u)
        FloatVector kx = FloatVector.broadcast(F, (float) ERFC_A3).blend((float) ERFC_A2, o2)
                .blend((float) ERFC_A1, o1).blend((float) ERFC_A0, o0);
        FloatVector ky = FloatVector.broadcast(F, (float) (ERFC_A3 - (float) ERFC_A3))
                .blend((float) (ERFC_A2 - (float) ERFC_A2), o2).blend((float) (ERFC_A1 - (float) ERFC_A1), o1)
                .blend((float) (ERFC_A0 - (float) ERFC_A0), o0);
        FloatVector sx = dx.add(kx);
        v = sx.sub(dx);
        dy = dx.sub(sx.sub(v)).add(kx.sub(v)).add(dy.add(ky));
        dx = sx;
        sx = dx.mul(ux);
        dy = dx.fma(uy, dy.fma(ux, dx.fma(ux, sx.neg())));
        dx = sx;
        // d = add2(d, B); d = mul(d, u)
        kx = FloatVector.broadcast(F, (float) ERFC_B3).blend((float) ERFC_B2, o2)
                .blend((float) ERFC_B1, o1).blend((float) ERFC_B0, o0);
        ky = FloatVector.broadcast(F, (float) (ERFC_B3 - (float) ERFC_B3))
                .blend((float) (ERFC_B2 - (float) ERFC_B2), o2).blend((float) (ERFC_B1 - (float) ERFC_B1), o1)
                .blend((float) (ERFC_B0 - (float) ERFC_B0), o0);
        sx = dx.add(kx);
        v = sx.sub(dx);
        dy = dx.sub(sx.sub(v)).add(kx.sub(v)).add(dy.add(ky));
        dx = sx;
        sx = dx.mul(ux);
        dy = dx.fma(uy, dy.fma(ux, dx.fma(ux, sx.neg())));
        dx = sx;
        // d = add2(d, C)
        kx = FloatVector.broadcast(F, (float) ERFC_C3).blend((float) ERFC_C2, o2)
                .blend((float) ERFC_C1, o1).blend((float) ERFC_C0, o0);
        ky = FloatVector.broadcast(F, (float) (ERFC_C3 - (float) ERFC_C3))
                .blend((float) (ERFC_C2 - (float) ERFC_C2), o2).blend((float) (ERFC_C1 - (float) ERFC_C1), o1)
                .blend((float) (ERFC_C0 - (float) ERFC_C0), o0);
        sx = dx.add(kx);
        v = sx.sub(dx);
        dy = dx.sub(sx.sub(v)).add(kx.sub(v)).add(dy.add(ky));
        dx = sx;
        // x = mul(o1 ? d : (−a, 0), a); x = o1 ? x : add2(x, d)
        FloatVector zx = a.neg().blend(dx, o1);
        FloatVector zy = zero.blend(dy, o1);
        FloatVector xx = zx.mul(a);
        FloatVector xy = zy.fma(a, zx.fma(a, xx.neg()));
        sx = xx.add(dx);
        v = sx.sub(xx);
        FloatVector ay = xx.sub(sx.sub(v)).add(dx.sub(v)).add(xy.add(dy));
        xx = sx.blend(xx, o1);
        xy = ay.blend(xy, o1);
        // x = expk2(x), as in erfBlock
        w = xx.add(xy).mul(R_LN2F);
        FloatVector aw = w.abs();
        r = aw.add(0x1p23f).sub(0x1p23f);
        r = r.reinterpretAsInts().or(w.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = w.blend(r, aw.lt(0x1p23f));
        IntVector q = (IntVector) r.convert(VectorOperators.F2I, 0);
        VectorMask<Float> ok = r.compare(VectorOperators.GE, -0x1p31f).and(r.lt(0x1p31f));
        q = IntVector.broadcast(I, Integer.MIN_VALUE).blend(q, ok.cast(I));
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector a1 = qf.mul(-L2UF);
        sx = xx.add(a1);
        v = sx.sub(xx);
        FloatVector sy = xx.sub(sx.sub(v)).add(a1.sub(v)).add(xy);
        FloatVector a2 = qf.mul(-L2LF);
        FloatVector tx = sx.add(a2);
        v = tx.sub(sx);
        sy = sx.sub(tx.sub(v)).add(a2.sub(v)).add(sy);
        sx = tx;
        FloatVector u = FloatVector.broadcast(F, +0.1980960224e-3f);
        u = u.fma(sx, FloatVector.broadcast(F, +0.1394256484e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.8333456703e-2f));
        u = u.fma(sx, FloatVector.broadcast(F, +0.4166637361e-1f));
        FloatVector mx = sx.mul(u);
        FloatVector my = sy.fma(u, sx.fma(u, mx.neg()));
        FloatVector k = FloatVector.broadcast(F, +0.166666659414234244790680580464e+0f);
        tx = mx.add(k);
        v = tx.sub(mx);
        FloatVector ty = mx.sub(tx.sub(v)).add(k.sub(v)).add(my);
        mx = sx.mul(tx);
        my = sx.fma(ty, sy.fma(tx, sx.fma(tx, mx.neg())));
        tx = mx.add(0.5f);
        v = tx.sub(mx);
        ty = mx.sub(tx.sub(v)).add(FloatVector.broadcast(F, 0.5f).sub(v)).add(my);
        FloatVector qx = sx.mul(sx);
        FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
        mx = qx.mul(tx);
        my = qx.fma(ty, qy.fma(tx, qx.fma(tx, mx.neg())));
        tx = sx.add(mx);
        v = tx.sub(sx);
        ty = sx.sub(tx.sub(v)).add(mx.sub(v)).add(sy.add(my));
        FloatVector ex = one.add(tx);
        FloatVector ey = one.sub(ex).add(tx).add(ty);
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        FloatVector p1 = h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector p2 = q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        ex = ex.mul(p1).mul(p2);
        ey = ey.mul(p1).mul(p2);
        VectorMask<Float> under = xx.lt(-104f);
        ex = ex.blend(0f, under);
        ey = ey.blend(0f, under);
        // x = o1 ? x : mul(x, u)
        mx = ex.mul(ux);
        my = ex.fma(uy, ey.fma(ux, ex.fma(ux, mx.neg())));
        ex = mx.blend(ex, o1);
        ey = my.blend(ey, o1);
        r = zero.blend(ex.add(ey), o3);
        VectorMask<Float> neg = s.reinterpretAsInts().and(SIGN).compare(VectorOperators.NE, 0).cast(F);
        r = r.blend(FloatVector.broadcast(F, 2f).sub(r), neg);
        r = r.blend(Float.NaN, s.test(VectorOperators.IS_NAN));
        r.intoArray(o, oi);
    }

    /* atan2's steps, as atan2(FloatVector, FloatVector), atan2k (as in atanBlock) and isinf2 written out. */
    static void atan2Block(float[] ya, int yi, float[] xa, int xi, float[] o, int oi) {
        FloatVector y = FloatVector.fromArray(F, ya, yi);
        FloatVector x = FloatVector.fromArray(F, xa, xi);
        VectorMask<Float> tiny = x.abs().lt(2.9387372783541830947e-39f);
        x = x.blend(x.mul((float) (1 << 24)), tiny);
        y = y.blend(y.mul((float) (1 << 24)), tiny);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector zero = FloatVector.broadcast(F, 0f);
        FloatVector ay = y.abs();
        // atan2k((|y|, 0), (x, 0))
        VectorMask<Float> p = x.lt(0f);
        IntVector q = IntVector.broadcast(I, 0).blend(-2, p.cast(I));
        IntVector fl = IntVector.broadcast(I, 0).blend(SIGN, p.cast(I));
        FloatVector bx = x.reinterpretAsInts().lanewise(VectorOperators.XOR, fl).reinterpretAsFloats();
        FloatVector by = zero.reinterpretAsInts().lanewise(VectorOperators.XOR, fl).reinterpretAsFloats();
        p = bx.lt(ay);
        q = q.blend(q.add(1), p.cast(I));
        FloatVector sx = ay.blend(bx.neg(), p);
        FloatVector sy = zero.blend(by.neg(), p);
        FloatVector tx = bx.blend(ay, p);
        FloatVector ty = by.blend(zero, p);
        FloatVector r = one.div(tx);
        FloatVector hx = sx.mul(r);
        FloatVector u = r.fma(sx, hx.neg());
        FloatVector v = ty.neg().fma(r, tx.neg().fma(r, one));
        FloatVector hy = hx.fma(v, sy.fma(r, u));
        tx = hx.mul(hx);
        ty = hx.add(hx).fma(hy, hx.fma(hx, tx.neg()));
        FloatVector nx = tx.add(ty);
        ty = tx.sub(nx).add(ty);
        tx = nx;
        u = FloatVector.broadcast(F, -0.00176397908944636583328247f);
        u = u.fma(tx, FloatVector.broadcast(F, 0.0107900900766253471374512f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.0309564601629972457885742f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.0577365085482597351074219f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.0838950723409652709960938f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.109463557600975036621094f));
        u = u.fma(tx, FloatVector.broadcast(F, -0.142626821994781494140625f));
        u = u.fma(tx, FloatVector.broadcast(F, 0.199983194470405578613281f));
        FloatVector k = FloatVector.broadcast(F, -0.333332866430282592773438f);
        FloatVector ut = u.mul(tx);
        FloatVector ax = k.add(ut);
        FloatVector axy = k.sub(ax).add(ut);
        FloatVector mx = tx.mul(ax);
        FloatVector my = tx.fma(axy, ty.fma(ax, tx.fma(ax, mx.neg())));
        ax = one.add(mx);
        axy = one.sub(ax).add(mx).add(my);
        mx = hx.mul(ax);
        my = hx.fma(axy, hy.fma(ax, hx.fma(ax, mx.neg())));
        FloatVector qf = (FloatVector) q.convert(VectorOperators.I2F, 0);
        FloatVector c1 = FloatVector.broadcast(F, 1.5707963705062866211f);
        FloatVector px = c1.mul(qf);
        FloatVector py = FloatVector.broadcast(F, -4.3711388286737928865e-08f).fma(qf, c1.fma(qf, px.neg()));
        FloatVector rx = px.add(mx);
        FloatVector ry = px.sub(rx).add(mx).add(py).add(my);
        // the special cases
        IntVector sxb = x.reinterpretAsInts().and(SIGN);
        r = rx.add(ry);
        r = r.reinterpretAsInts().lanewise(VectorOperators.XOR, sxb).reinterpretAsFloats();
        final float pi2 = (float) (Math.PI / 2);
        VectorMask<Float> xinf = x.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY);
        // isinf2(x, mulsign(m, x)) = xinf ? sign(x) | bits(mulsign(m, x)) : 0
        FloatVector m = FloatVector.broadcast(F, pi2).reinterpretAsInts().lanewise(VectorOperators.XOR, sxb)
                .reinterpretAsFloats();
        FloatVector i2 = zero.blend(sxb.or(m.reinterpretAsInts()).reinterpretAsFloats(), xinf);
        r = r.blend(FloatVector.broadcast(F, pi2).sub(i2), xinf.or(x.compare(VectorOperators.EQ, 0f)));
        m = FloatVector.broadcast(F, (float) (Math.PI / 4)).reinterpretAsInts().lanewise(VectorOperators.XOR, sxb)
                .reinterpretAsFloats();
        i2 = zero.blend(sxb.or(m.reinterpretAsInts()).reinterpretAsFloats(), xinf);
        r = r.blend(FloatVector.broadcast(F, pi2).sub(i2),
                y.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        VectorMask<Float> xneg = sxb.compare(VectorOperators.NE, 0).cast(F);
        r = r.blend(zero.blend((float) Math.PI, xneg), y.compare(VectorOperators.EQ, 0f));
        r = r.reinterpretAsInts().lanewise(VectorOperators.XOR, y.reinterpretAsInts().and(SIGN)).reinterpretAsFloats();
        r = r.blend(ALL_ONES_NAN, x.test(VectorOperators.IS_NAN).or(y.test(VectorOperators.IS_NAN)));
        r.intoArray(o, oi);
    }

    // ---------------------------------------------------------------------------------------------------
    // Spans

    /**
     * {@code o[oo + i] = exp(x[xo + i])} for i &lt; n, as {@link SleefFloat#exp(float[], int, float[], int, int)}
     * ({@code torch.exp} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void exp(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            expBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::expBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = log(x[xo + i])} for i &lt; n, as {@link SleefFloat#log(float[], int, float[], int, int)}
     * ({@code torch.log} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void log(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            logBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::logBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = log2(x[xo + i])} for i &lt; n, as {@link SleefFloat#log2(float[], int, float[], int, int)}
     * ({@code torch.log2} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void log2(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            log2Block(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::log2Block, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = log10(x[xo + i])} for i &lt; n, as {@link SleefFloat#log10(float[], int, float[], int, int)}
     * ({@code torch.log10} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void log10(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            log10Block(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::log10Block, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = log1p(x[xo + i])} for i &lt; n, as {@link SleefFloat#log1p(float[], int, float[], int, int)}
     * ({@code torch.log1p} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void log1p(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            log1pBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::log1pBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = expm1(x[xo + i])} for i &lt; n, as {@link SleefFloat#expm1(float[], int, float[], int, int)}
     * ({@code torch.expm1} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void expm1(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            expm1Block(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::expm1Block, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = tanh(x[xo + i])} for i &lt; n, as {@link SleefFloat#tanh(float[], int, float[], int, int)}
     * ({@code torch.tanh} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void tanh(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = F.loopBound(n);
        expk2Vectors(TANH, x, xo, o, oo, i);
        if (i < n) {
            tail(VectorSleefFloat::tanhBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = erf(x[xo + i])} for i &lt; n, as {@link SleefFloat#erf(float[], int, float[], int, int)}
     * ({@code torch.erf} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void erf(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            erfBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::erfBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = erfc(x[xo + i])} for i &lt; n, as {@link SleefFloat#erfc(float[], int, float[], int, int)}
     * ({@code torch.erfc} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void erfc(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            erfcBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::erfcBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = asin(x[xo + i])} for i &lt; n, as {@link SleefFloat#asin(float[], int, float[], int, int)}
     * ({@code torch.asin} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void asin(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            asinBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::asinBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = acos(x[xo + i])} for i &lt; n, as {@link SleefFloat#acos(float[], int, float[], int, int)}
     * ({@code torch.acos} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void acos(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            acosBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::acosBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = atan(x[xo + i])} for i &lt; n, as {@link SleefFloat#atan(float[], int, float[], int, int)}
     * ({@code torch.atan} on a contiguous float32 span) with the same bits.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void atan(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = F.loopBound(n); i < b; i += L) {
            atanBlock(x, xo + i, o, oo + i);
        }
        if (i < n) {
            tail(VectorSleefFloat::atanBlock, x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = sin(x[xo + i])} for i &lt; n, as {@link SleefFloat#sin(float[], int, float[], int, int)}
     * ({@code torch.sin} on a contiguous float32 span, SLEEF's reduction chosen per 8 lanes from {@code xo}) with
     * the same bits. A vector (at least 8 lanes) whose lanes are all below 125 in magnitude takes the vector code;
     * one with a larger lane (or a NaN) goes through the plain span, which groups its lanes by 8.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void sin(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = n - n % W; i < b; i += W) {
            if (!(W == L ? sinBlock(x, xo + i, o, oo + i)
                    : smallRun(VectorSleefFloat::sinBlock, x, xo + i, o, oo + i, W))) {
                SleefFloat.sin(x, xo + i, o, oo + i, W);
            }
        }
        if (i < n && !smallRun(VectorSleefFloat::sinBlock, x, xo + i, o, oo + i, n - i)) {
            SleefFloat.sin(x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = cos(x[xo + i])} for i &lt; n, as {@link SleefFloat#cos(float[], int, float[], int, int)}
     * ({@code torch.cos} on a contiguous float32 span, SLEEF's reduction chosen per 8 lanes from {@code xo}) with
     * the same bits. A vector (at least 8 lanes) whose lanes are all below 125 in magnitude takes the vector code;
     * one with a larger lane (or a NaN) goes through the plain span, which groups its lanes by 8.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void cos(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = n - n % W; i < b; i += W) {
            if (!(W == L ? cosBlock(x, xo + i, o, oo + i)
                    : smallRun(VectorSleefFloat::cosBlock, x, xo + i, o, oo + i, W))) {
                SleefFloat.cos(x, xo + i, o, oo + i, W);
            }
        }
        if (i < n && !smallRun(VectorSleefFloat::cosBlock, x, xo + i, o, oo + i, n - i)) {
            SleefFloat.cos(x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o[oo + i] = tan(x[xo + i])} for i &lt; n, as {@link SleefFloat#tan(float[], int, float[], int, int)}
     * ({@code torch.tan} on a contiguous float32 span, SLEEF's reduction chosen per 8 lanes from {@code xo}) with
     * the same bits. A vector (at least 8 lanes) whose lanes are all below 125 in magnitude takes the vector code;
     * one with a larger lane (or a NaN) goes through the plain span, which groups its lanes by 8.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void tan(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int i = 0;
        for (int b = n - n % W; i < b; i += W) {
            if (!(W == L ? tanBlock(x, xo + i, o, oo + i)
                    : smallRun(VectorSleefFloat::tanBlock, x, xo + i, o, oo + i, W))) {
                SleefFloat.tan(x, xo + i, o, oo + i, W);
            }
        }
        if (i < n && !smallRun(VectorSleefFloat::tanBlock, x, xo + i, o, oo + i, n - i)) {
            SleefFloat.tan(x, xo + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code torch.sigmoid} on a contiguous float32 span, as {@link SleefFloat#sigmoid(float[], int, float[], int, int)}
     * with the same bits: the vector formula on the first {@code n - n % 16} elements, the scalar one on the rest.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void sigmoid(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int v = n - n % SleefFloat.CHUNK;
        int i = 0;
        for (int b = F.loopBound(v); i < b; i += L) {
            sigmoidBlock(x, xo + i, o, oo + i);
        }
        if (i < v) {
            tail(VectorSleefFloat::sigmoidBlock, x, xo + i, o, oo + i, v - i);
        }
        for (i = v; i < n; i++) {
            o[oo + i] = SleefFloat.sigmoidScalar(x[xo + i]);
        }
    }

    /**
     * {@code torch.sinh} on a contiguous float32 span, as {@link SleefFloat#sinh(float[], int, float[], int, int)}
     * with the same bits: the vector formula on the first {@code n - n % 16} elements, the scalar one on the rest.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void sinh(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int v = n - n % SleefFloat.CHUNK;
        int i = F.loopBound(v);
        expk2Vectors(SINH, x, xo, o, oo, i);
        if (i < v) {
            tail(VectorSleefFloat::sinhBlock, x, xo + i, o, oo + i, v - i);
        }
        for (i = v; i < n; i++) {
            o[oo + i] = (float) Math.sinh(x[xo + i]);
        }
    }

    /**
     * {@code torch.cosh} on a contiguous float32 span, as {@link SleefFloat#cosh(float[], int, float[], int, int)}
     * with the same bits: the vector formula on the first {@code n - n % 16} elements, the scalar one on the rest.
     *
     * @param x the input array
     * @param xo the first input index
     * @param o the output array (may be {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void cosh(float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int v = n - n % SleefFloat.CHUNK;
        int i = F.loopBound(v);
        expk2Vectors(COSH, x, xo, o, oo, i);
        if (i < v) {
            tail(VectorSleefFloat::coshBlock, x, xo + i, o, oo + i, v - i);
        }
        for (i = v; i < n; i++) {
            o[oo + i] = (float) Math.cosh(x[xo + i]);
        }
    }

    /**
     * {@code torch.atan2(y, x)} on contiguous float32 spans, as
     * {@link SleefFloat#atan2(float[], int, float[], int, float[], int, int)} with the same bits: SLEEF's atan2 on
     * the first {@code n - n % 16} elements, the scalar formula on the rest.
     *
     * @param y the ordinates
     * @param yo the first ordinate index
     * @param x the abscissae
     * @param xo the first abscissa index
     * @param o the output array (may be {@code y} or {@code x})
     * @param oo the first output index
     * @param n the number of elements
     */
    public static void atan2(float[] y, int yo, float[] x, int xo, float[] o, int oo, int n) {
        java.util.Objects.checkFromIndexSize(yo, n, y.length);
        java.util.Objects.checkFromIndexSize(xo, n, x.length);
        java.util.Objects.checkFromIndexSize(oo, n, o.length);
        int v = n - n % SleefFloat.CHUNK;
        int i = 0;
        for (int b = F.loopBound(v); i < b; i += L) {
            atan2Block(y, yo + i, x, xo + i, o, oo + i);
        }
        if (i < v) {
            // through zero-padded copies, as tail()
            float[] ty = new float[L];
            float[] tx = new float[L];
            System.arraycopy(y, yo + i, ty, 0, v - i);
            System.arraycopy(x, xo + i, tx, 0, v - i);
            atan2Block(ty, 0, tx, 0, ty, 0);
            System.arraycopy(ty, 0, o, oo + i, v - i);
        }
        for (i = v; i < n; i++) {
            o[oo + i] = (float) Math.atan2(y[yo + i], x[xo + i]);
        }
    }
}
