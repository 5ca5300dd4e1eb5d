/*
 * glibc's double-precision tan, from the IBM Accurate Mathematical Library: sysdeps/ieee754/dbl-64/s_tan.c,
 * utan.h, utan.tbl, dla.h (as in glibc 2.36: without the multi-precision slow paths of older releases),
 * with branred.c for large arguments.
 * Copyright (C) 2001-2022 Free Software Foundation, Inc. Written by International Business Machines Corp.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * This file is a translation to Java of code and data from the GNU C Library (glibc) 2.36. glibc is free
 * software; you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License
 * as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any
 * later version. This file is distributed under those same terms, in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR
 * PURPOSE. See the GNU Lesser General Public License for more details; you should have received a copy of it
 * along with this program; if not, see <https://www.gnu.org/licenses/>.
 */
package org.autograd4j.glibcmath;

/**
 * glibc's {@code tan(double)} in pure Java, bit-identical to glibc 2.36 on x86-64 with FMA (the variant
 * glibc's ifunc picks on CPUs with FMA and AVX2).
 *
 * <p>Source: glibc {@code sysdeps/ieee754/dbl-64/s_tan.c} (IBM Accurate Mathematical Library, in its
 * single-stage form without the multi-precision fallbacks of older releases), its constants
 * ({@code utan.h}), its 186-entry table ({@code utan.tbl}, {@code xfg}), the double-length macros of
 * {@code dla.h} ({@code EADD}, {@code DIV2}, with {@code EMULV} as an FMA because {@code __FP_FAST_FMA} is
 * defined) and {@link GlibcSinCos#branred} for |x| &gt; 1e8, as built into
 * {@code sysdeps/x86_64/fpu/multiarch/s_tan-fma.c} ({@code __tan_fma}, {@code -mfma -mavx2}). Every
 * {@link Math#fma} here mirrors one fused instruction of glibc 2.36's {@code __tan_fma} (Debian 12,
 * {@code libm.so.6}), every plain {@code *}/{@code +} an unfused one.
 *
 * <p>NaN results are Java's canonical NaN (glibc returns {@code x - x}).
 */
final class GlibcTan {

    private GlibcTan() {
    }

    // utan.h
    private static final double D3 = 0x1.5555555555555p-2;
    private static final double D5 = 0x1.11111111107c6p-3;
    private static final double D7 = 0x1.ba1ba1cdb8745p-5;
    private static final double D9 = 0x1.664ed49cfc666p-6;
    private static final double D11 = 0x1.2385a3cf2e4eap-7;
    private static final double E0 = 0x1.5555555554dbdp-2;
    private static final double E1 = 0x1.11112e0a6b45fp-3;
    private static final double G1 = 0x1.b096cp-27; // 1.259e-8
    private static final double G2 = 0x1.f212dp-5; // 0.0608 (also gy2)
    private static final double G3 = 0x1.92f1ap-1; // 0.787
    private static final double G4 = 25.0;
    private static final double G5 = 1e8;
    private static final double MFFTNHF = -15.5;
    private static final double HPINV = 0x1.45F306DC9C883p-1;
    private static final double TOINT = 0x1.8p52;
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double MP3 = -0x1.cb3b399d747f2p-55;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;

    static double tan(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if ((bits & 0x7ff0000000000000L) == 0x7ff0000000000000L) {
            return Double.NaN; // inf or nan
        }
        double w = x < 0.0 ? -x : x;
        if (w <= G1) {
            return x; // (I) |x| <= 1.259e-8
        }
        if (w <= G2) { // (II) |x| <= 0.0608
            double x2 = x * x;
            return Math.fma(x * x2, poly(x2), x);
        }
        if (w <= G3) { // (III) |x| <= 0.787
            int i = (int) Math.fma(w, 256, MFFTNHF);
            double z = w - XFG[4 * i];
            double s = x < 0.0 ? -1 : 1;
            double z2 = z * z;
            double pz = Math.fma(z * z2, Math.fma(z2, E1, E0), z);
            double fi = XFG[4 * i + 1];
            double gi = XFG[4 * i + 2];
            double t2 = (fi + gi) * pz / (gi - pz);
            return (t2 + fi) * s;
        }
        int n;
        double a;
        double da;
        if (w <= G4) { // 0.787 < |x| <= 25: range reduction by algorithm i
            double t = Math.fma(x, HPINV, TOINT);
            double xn = t - TOINT;
            n = (int) Double.doubleToRawLongBits(t) & 1;
            double t1 = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
            a = Math.fma(-xn, MP3, t1);
            da = Math.fma(-xn, MP3, t1 - a);
        } else if (w <= G5) { // 25 < |x| <= 1e8: range reduction by algorithm ii
            double t = Math.fma(x, HPINV, TOINT);
            double xn = t - TOINT;
            n = (int) Double.doubleToRawLongBits(t) & 1;
            double t1 = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
            t = Math.fma(-xn, PP3, t1);
            da = Math.fma(-xn, PP3, t1 - t);
            double aa = Math.fma(-xn, PP4, t);
            da = Math.fma(-xn, PP4, t - aa) + da;
            a = aa + da; // EADD (a, da, t1, t2)
            da = Math.abs(aa) > Math.abs(da) ? (aa - a) + da : (da - a) + aa;
        } else { // |x| > 1e8: algorithm iii
            double[] r = new double[2];
            n = GlibcSinCos.branred(x, r) & 1;
            a = r[0] + r[1]; // EADD
            da = Math.abs(r[0]) > Math.abs(r[1]) ? (r[0] - a) + r[1] : (r[1] - a) + r[0];
        }
        double ya;
        double yya;
        double sy;
        if (a < 0.0) {
            ya = -a;
            yya = -da;
            sy = -1;
        } else {
            ya = a;
            yya = da;
            sy = 1;
        }
        if (ya <= G2) { // |y| <= 0.0608
            double a2 = a * a;
            double t2 = Math.fma(a * a2, poly(a2), da);
            double y = a + t2;
            if (n == 0) {
                return y; // tan
            }
            // -cot: EADD (a, t2, b, db); DIV2 (1.0, 0.0, b, db, c, dc, ...)
            double b = y;
            double db = Math.abs(a) > Math.abs(t2) ? (a - b) + t2 : (t2 - b) + a;
            double c = 1.0 / b;
            double u = c * b;
            double uu = Math.fma(c, b, -u);
            double cc = Math.fma(-c, db, ((1.0 - u) - uu) + 0.0) / b;
            double z = c + cc;
            double zz = (c - z) + cc;
            return -(zz + z);
        }
        // 0.0608 < |y| <= 0.787
        int i = (int) Math.fma(ya, 256, MFFTNHF);
        double z = (ya - XFG[4 * i]) + yya;
        double z2 = z * z;
        double pz = Math.fma(z * z2, Math.fma(z2, E1, E0), z);
        double fi = XFG[4 * i + 1];
        double gi = XFG[4 * i + 2];
        double p = (fi + gi) * pz;
        if (n != 0) {
            double t2 = p / (pz + fi); // -cot
            return (gi - t2) * -sy;
        }
        double t2 = p / (gi - pz); // tan
        return (t2 + fi) * sy;
    }

    /** d3 + x2 (d5 + x2 (d7 + x2 (d9 + x2 d11))) with the fused steps of {@code __tan_fma}. */
    private static double poly(double x2) {
        return Math.fma(x2, Math.fma(x2, Math.fma(x2, Math.fma(x2, D11, D9), D7), D5), D3);
    }

    /** {@code xfg} (utan.tbl): for i = 0..185, {x_i, tan(x_i), 1/tan(x_i), low part of tan(x_i)}. */
    private static final double[] XFG = {
        0x1.000001e519d60p-4, 0x1.0055796c4e240p-4, 0x1.ff554628127b7p+3, -0x1.a1dee9e355b06p-70,
        0x1.100001b1a7010p-4, 0x1.10668aab892b7p-4, 0x1.e12c7be3fdf74p+3, 0x1.89234037da741p-69,
        0x1.200002505e350p-4, 0x1.2079bff547824p-4, 0x1.c65c5de853633p+3, 0x1.7486ee9614250p-68,
        0x1.2fffffcdc4252p-4, 0x1.308f35eb16c68p-4, 0x1.ae5dae56be74fp+3, -0x1.2c72691a23034p-71,
        0x1.3ffffe3ff849fp-4, 0x1.40a71154999ccp-4, 0x1.98c43046b7352p+3, 0x1.aceaf3843738fp-70,
        0x1.4ffffedc9590fp-4, 0x1.50c17429bdd80p-4, 0x1.8538491b5d674p+3, -0x1.1d02db4403d22p-67,
        0x1.6000000ee83f7p-4, 0x1.60de7da80cc21p-4, 0x1.73724ef21a2a7p+3, -0x1.5e53c72523ffdp-70,
        0x1.6ffffeb05ea41p-4, 0x1.70fe4b8c51beap-4, 0x1.63370fae562ffp+3, -0x1.9ad0e8ffe0626p-70,
        0x1.7ffffdc0515f7p-4, 0x1.812101db54498p-4, 0x1.545530e7eab5cp+3, -0x1.14c87d62ed686p-70,
        0x1.8ffffe384d7abp-4, 0x1.9146c2a8d3727p-4, 0x1.46a33fd57f3fdp+3, -0x1.bda8d5381e06dp-68,
        0x1.9ffffe4832347p-4, 0x1.a16fad50e1050p-4, 0x1.39fe2c5537a96p+3, 0x1.7f695c111eabbp-67,
        0x1.b0000274540e3p-4, 0x1.b19be7ae68517p-4, 0x1.2e4813637e946p+3, 0x1.307f88dbd9d93p-67,
        0x1.bfffffebf2e9bp-4, 0x1.c1cb88369cd19p-4, 0x1.2367617aef223p+3, 0x1.50038424a9cf3p-67,
        0x1.d000023529045p-4, 0x1.d1febc11d7ef7p-4, 0x1.1945fb8e43d4ep+3, 0x1.1200752a6f224p-71,
        0x1.dffffd872a829p-4, 0x1.e23598ee4d6b7p-4, 0x1.0fd0c76195d5fp+3, -0x1.4d9ab85fdca85p-68,
        0x1.effffff323b84p-4, 0x1.f2704ec9073e5p-4, 0x1.06f713020200fp+3, 0x1.77aa212836992p-68,
        0x1.000000ce79195p-3, 0x1.01577bc30cc61p-3, 0x1.fd549d6564a88p+2, -0x1.8926f965c0ad0p-67,
        0x1.07fffee40e918p-3, 0x1.0978d8279ac01p-3, 0x1.edbb59294bc03p+2, -0x1.0a5334aae45d6p-71,
        0x1.100000cc091fdp-3, 0x1.119c544dfb2f7p-3, 0x1.df0bb067d8e18p+2, -0x1.c2c184ff642a4p-67,
        0x1.180000d9936a1p-3, 0x1.19c1fb9085a4bp-3, 0x1.d131a71ce3629p+2, -0x1.365530669355bp-67,
        0x1.1ffffed5f3188p-3, 0x1.21e9dee74bf2dp-3, 0x1.c41b6ff0cd655p+2, 0x1.867f5478ecfc5p-71,
        0x1.2800005f06a51p-3, 0x1.2a141550b313fp-3, 0x1.b7b921702e6d2p+2, -0x1.dab51380131fep-69,
        0x1.2fffffe3d339ep-3, 0x1.3240aa75f76dfp-3, 0x1.abfc8fcb6409dp+2, 0x1.60bcf0d291d83p-67,
        0x1.37fffed888d6fp-3, 0x1.3a6fb13cc5db7p-3, 0x1.a0d8f8ed5320dp+2, 0x1.8a48e4eef03abp-68,
        0x1.4000002ca050dp-3, 0x1.42a13e25776bbp-3, 0x1.9642dfa84c2bcp+2, -0x1.0bd5dcc56516fp-66,
        0x1.47ffff2531f5cp-3, 0x1.4ad55deb73404p-3, 0x1.8c2fef86e9035p+2, 0x1.cffe75aa287c8p-70,
        0x1.5000013774992p-3, 0x1.530c27d0ee307p-3, 0x1.8296c370caf35p+2, -0x1.f75d1f91d6532p-67,
        0x1.57fffedddcb2dp-3, 0x1.5b45a5db4347dp-3, 0x1.796ee52190c0ep+2, 0x1.8a25f17d5d076p-71,
        0x1.5fffff41949a0p-3, 0x1.6381f13bf986ap-3, 0x1.70b092d2255fdp+2, -0x1.bfb23b1bcd5e7p-70,
        0x1.67ffff834d3a1p-3, 0x1.6bc118ec85952p-3, 0x1.6854c62cf2268p+2, 0x1.ee53b82e39e04p-70,
        0x1.6fffffd9106eap-3, 0x1.74032f298f6f7p-3, 0x1.605511f4f84a9p+2, -0x1.59c4a112634b8p-68,
        0x1.780000f649a4fp-3, 0x1.7c4846ca53abcp-3, 0x1.58ab94809d175p+2, 0x1.91c7573d3cd2ep-67,
        0x1.7ffffef06bbd8p-3, 0x1.84906df7d76adp-3, 0x1.5152edd2b30a6p+2, -0x1.fa2da084c3eefp-68,
        0x1.88000021c6334p-3, 0x1.8cdbbd965f986p-3, 0x1.4a46251b74296p+2, -0x1.ec02e74dcfe0bp-70,
        0x1.8fffff38d0756p-3, 0x1.952a428e173c7p-3, 0x1.4380b17b59ebdp+2, -0x1.d0f1cb77589f0p-67,
        0x1.98000104efca1p-3, 0x1.9d7c14644d23cp-3, 0x1.3cfe5cb1eabd5p+2, -0x1.5d6f7ea188d9ep-66,
        0x1.a000009417b30p-3, 0x1.a5d14096d76aap-3, 0x1.36bb4b3723db0p+2, 0x1.e3e0dfbf3979cp-68,
        0x1.a7fffeb1c23ecp-3, 0x1.ae29dab60288dp-3, 0x1.30b3e783071d7p+2, -0x1.7dd823d5384bfp-67,
        0x1.afffffb171c13p-3, 0x1.b685fa221a96bp-3, 0x1.2ae4dd8c0747dp+2, 0x1.4644bd5554972p-66,
        0x1.b80000aba44bep-3, 0x1.bee5aecdf241fp-3, 0x1.254b1c6fad63bp+2, 0x1.41916d092b85ap-69,
        0x1.c0000113d2a3ep-3, 0x1.c7490b3e92543p-3, 0x1.1fe3c9a62c035p+2, -0x1.3cc3941a03739p-69,
        0x1.c7ffff49e00cep-3, 0x1.cfb020f59eab0p-3, 0x1.1aac3e956a631p+2, -0x1.7a383bfa8cb5bp-68,
        0x1.d000005f611abp-3, 0x1.d81b089e6844ep-3, 0x1.15a1ff391268dp+2, 0x1.39b5cb2dc91f3p-66,
        0x1.d800014764cebp-3, 0x1.e089d27debf0dp-3, 0x1.10c2bfbc84740p+2, 0x1.14d4d84712510p-67,
        0x1.e000014bcea76p-3, 0x1.e8fc916dbc820p-3, 0x1.0c0c5a00ca48ep+2, -0x1.33788640f1b9ep-66,
        0x1.e7ffffd7995bdp-3, 0x1.f173588b50424p-3, 0x1.077ccbe02169ap+2, -0x1.61fee221fdf77p-68,
        0x1.f00000cc35436p-3, 0x1.f9ee3fd21a40bp-3, 0x1.031231ee7ffe8p+2, 0x1.427e3c79ff5c1p-66,
        0x1.f800001d1da33p-3, 0x1.0136ab7dbe15cp-2, 0x1.fd95977d559e5p+1, 0x1.0c6a1d67948d7p-68,
        0x1.00000060c13b2p-2, 0x1.05785aaad4f18p-2, 0x1.f549e2675d182p+1, -0x1.1520818f0dd10p-67,
        0x1.0400003885492p-2, 0x1.09bc3660542d7p-2, 0x1.ed3e2df3f5fecp+1, -0x1.95657b883ae62p-66,
        0x1.08000052f5a13p-2, 0x1.0e0249a195045p-2, 0x1.e56f8fa68f2c8p+1, 0x1.ed7ba5a543e8ep-66,
        0x1.0c00002ba1af5p-2, 0x1.124a9e2e7f24bp-2, 0x1.dddb4bffe633fp+1, -0x1.cba860c60278fp-66,
        0x1.0fffff76642c1p-2, 0x1.16953e162ffe6p-2, 0x1.d67ed0311d5d5p+1, 0x1.b1f4ae40c5f9ep-72,
        0x1.14000033602f0p-2, 0x1.1ae235f49508ep-2, 0x1.cf57ab8708266p+1, -0x1.6a6c28620f301p-66,
        0x1.17ffffefd1a13p-2, 0x1.1f318db2a9ba1p-2, 0x1.c86398d11009ep+1, 0x1.3a9c669b21d3bp-66,
        0x1.1bffff718365dp-2, 0x1.238350c41e3acp-2, 0x1.c1a06e02be47cp+1, 0x1.b961a129e8cd1p-66,
        0x1.1ffffff001e00p-2, 0x1.27d78b2f6395ep-2, 0x1.bb0c1f2fe9a85p+1, 0x1.074a9e68fd7d8p-65,
        0x1.23ffffe425a6ap-2, 0x1.2c2e4618faabep-2, 0x1.b4a4c190b18dfp+1, -0x1.f0d1ff615aad1p-66,
        0x1.28000059ec1dbp-2, 0x1.30878d8583884p-2, 0x1.ae6880cd82bc2p+1, -0x1.563c3141c1f8dp-66,
        0x1.2c000000dd081p-2, 0x1.34e36affdb6d8p-2, 0x1.a855a5270fc15p+1, -0x1.6d88d9f2cdafdp-67,
        0x1.2fffffc1dcd2bp-2, 0x1.3941ea95875bcp-2, 0x1.a26a8aa9502b6p+1, -0x1.13cad8389b15cp-65,
        0x1.33ffff6c0d4a0p-2, 0x1.3da31739845f5p-2, 0x1.9ca5a4d2573a0p+1, -0x1.71636acaee379p-67,
        0x1.3800006b16793p-2, 0x1.4206fdbc088f0p-2, 0x1.970579344e33ap+1, -0x1.2c0521d7a4f81p-67,
        0x1.3c00007358fa3p-2, 0x1.466da6f23311dp-2, 0x1.9188a5aa612eap+1, 0x1.653a5685e8edcp-71,
        0x1.3fffffc3b18cfp-2, 0x1.4ad71e9282e6bp-2, 0x1.8c2dd641e643dp+1, 0x1.5f0ef3f567c64p-70,
        0x1.44000000dd2a8p-2, 0x1.4f4371fa3f2d1p-2, 0x1.86f3c6072f821p+1, 0x1.68efa95ff68b5p-68,
        0x1.47ffffbb43713p-2, 0x1.53b2ab3ac333cp-2, 0x1.81d943da56692p+1, -0x1.f4d7f2985fd3fp-68,
        0x1.4bffffb113bf4p-2, 0x1.5824d6e8ed9c2p-2, 0x1.7cdd2a8add00fp+1, 0x1.f478a1c9b3657p-67,
        0x1.4fffff7f087c9p-2, 0x1.5c9a007446496p-2, 0x1.77fe6444588ebp+1, -0x1.177dca4eabb0cp-67,
        0x1.54000088b3814p-2, 0x1.61123564125f9p-2, 0x1.733be6281a765p+1, -0x1.2c52cf57051c4p-67,
        0x1.57ffff7d55966p-2, 0x1.658d7e194a5d5p-2, 0x1.6e94b73b47d1fp+1, 0x1.a2fcff9996dc6p-66,
        0x1.5c00008bf2490p-2, 0x1.6a0beb775b28dp-2, 0x1.6a07e15b6ec28p+1, -0x1.0ca90aa5285b8p-65,
        0x1.6000009fa853fp-2, 0x1.6e8d865a66cfdp-2, 0x1.659481c701269p+1, 0x1.9ea958591e13ap-66,
        0x1.6400007595fcap-2, 0x1.73125c0556a7cp-2, 0x1.6139bbaae9d02p+1, 0x1.88aff40152b83p-66,
        0x1.68000031687dap-2, 0x1.779a792e2cfd0p-2, 0x1.5cf6bcae0882bp+1, -0x1.8a4a29f439451p-66,
        0x1.6bffff5c8cfe2p-2, 0x1.7c25e9fb452edp-2, 0x1.58cabc561f1cdp+1, -0x1.371a6f6a37d74p-65,
        0x1.6fffff81df231p-2, 0x1.80b4bcfb4dab5p-2, 0x1.54b4f8d3ca5d3p+1, 0x1.b4686679dc99fp-67,
        0x1.73ffffa71385ep-2, 0x1.8546fe007a9b6p-2, 0x1.50b4bb3b22176p+1, -0x1.d1540a5c73477p-67,
        0x1.78000024a9c2bp-2, 0x1.89dcba7fcf5cfp-2, 0x1.4cc953159cbe1p+1, -0x1.c25ead58a6ad0p-66,
        0x1.7c00002eb62b8p-2, 0x1.8e75fec0ba5cfp-2, 0x1.48f218731eeeap+1, -0x1.1cb73cc1adafbp-67,
        0x1.80000054a52d1p-2, 0x1.9312d8bb822e9p-2, 0x1.452e69170a729p+1, -0x1.8bb17eac002eep-66,
        0x1.83ffff93a00a3p-2, 0x1.97b354bb9ad2ap-2, 0x1.417daae924e7fp+1, 0x1.4b8009a378cc7p-66,
        0x1.87ffffbdc91c1p-2, 0x1.9c5782771b601p-2, 0x1.3ddf478855799p+1, 0x1.9077da00445d9p-66,
        0x1.8bffff6d215e6p-2, 0x1.a0ff6e0ea4a0bp-2, 0x1.3a52b189a0989p+1, -0x1.a683189c0613dp-66,
        0x1.9000002f734efp-2, 0x1.a5ab2736bf579p-2, 0x1.36d75e9244ca6p+1, 0x1.3a6d84b722377p-65,
        0x1.9400004eef8b4p-2, 0x1.aa5ab9fb6e3d0p-2, 0x1.336ccc9089cb7p+1, 0x1.f696322cc00bbp-70,
        0x1.98000041ec76ap-2, 0x1.af0e35176c7e4p-2, 0x1.30127cb0b9506p+1, 0x1.1ffdb5385a849p-68,
        0x1.9c00008044e47p-2, 0x1.b3c5a77071224p-2, 0x1.2cc7f50d75ec7p+1, -0x1.0fade78effc8ap-68,
        0x1.a000001f8235bp-2, 0x1.b8811e725782ep-2, 0x1.298cc18fbfb37p+1, -0x1.55ed33b50e71bp-65,
        0x1.a3ffffb8c6f08p-2, 0x1.bd40a97b086f3p-2, 0x1.26607154de04bp+1, -0x1.ec65e455faae3p-66,
        0x1.a7ffffb3d63e1p-2, 0x1.c20457d9a3b8ap-2, 0x1.234297e60bfbbp+1, 0x1.3001c154ebd33p-65,
        0x1.abffff5f45c48p-2, 0x1.c6cc37b8d45e6p-2, 0x1.2032cdb1ace69p+1, -0x1.5ebf83ed33616p-65,
        0x1.b00000508b34cp-2, 0x1.cb985a27e8d37p-2, 0x1.1d30ad4459a2bp+1, -0x1.01432ae61e2d1p-66,
        0x1.b40000a84710cp-2, 0x1.d068cc3e50155p-2, 0x1.1a3bd775034ddp+1, -0x1.80b1e58e0e228p-65,
        0x1.b7ffff692e9d8p-2, 0x1.d53d9c49d6627p-2, 0x1.1753efe18066ap+1, -0x1.004c8f760d33ep-68,
        0x1.bc0000280f14dp-2, 0x1.da16de4e81013p-2, 0x1.14789a38ea052p+1, 0x1.848bc27c9c4eap-65,
        0x1.c0000001121d1p-2, 0x1.def49eac018f0p-2, 0x1.11a9820b8be0cp+1, -0x1.1527ed0d6010ep-65,
        0x1.c3ffffef662aap-2, 0x1.e3d6eea0c7070p-2, 0x1.0ee6532f46ccdp+1, 0x1.8d241189a000dp-65,
        0x1.c800009845818p-2, 0x1.e8bddf36a8b1bp-2, 0x1.0c2ebcac73476p+1, 0x1.221f712bed284p-66,
        0x1.cbffffb0493bfp-2, 0x1.eda97e0c60d10p-2, 0x1.09827251c7836p+1, -0x1.0bd546eec41b7p-65,
        0x1.cfffffd52961fp-2, 0x1.f299defb3e44bp-2, 0x1.06e1274e459f5p+1, -0x1.93f77e969c82fp-66,
        0x1.d3ffffe2319a4p-2, 0x1.f78f117139490p-2, 0x1.044a93e737e94p+1, -0x1.1e7cc49594b7ap-70,
        0x1.d7ffffa4de596p-2, 0x1.fc892638f49e8p-2, 0x1.01be7231057a5p+1, 0x1.482b0f5af9f5fp-66,
        0x1.dbffffe729a69p-2, 0x1.00c417c6ab019p-1, 0x1.fe78fbf612660p+0, 0x1.a5cda00da681ep-65,
        0x1.e000009d66802p-2, 0x1.03461f6b883cfp-1, 0x1.f988ebc05a87cp+0, -0x1.06c33f2372669p-65,
        0x1.e3ffffb211657p-2, 0x1.05cab191db8e8p-1, 0x1.f4ac37bcfe6bep+0, -0x1.5d51f5ed8d35bp-66,
        0x1.e80000a3f068ap-2, 0x1.0851d95fb54f0p-1, 0x1.efe26144ca408p+0, -0x1.7c894a2c169c5p-67,
        0x1.ec00001adb060p-2, 0x1.0adb9dc7b54f9p-1, 0x1.eb2af5ebe52a7p+0, 0x1.4e740312c5ffdp-66,
        0x1.effffff5c0d01p-2, 0x1.0d68092550a8dp-1, 0x1.e68580d71fdf0p+0, 0x1.dd8a696b35499p-66,
        0x1.f3ffff93d5fccp-2, 0x1.0ff7245cb4374p-1, 0x1.e1f193cce5040p+0, -0x1.9f0ec7c1efab4p-67,
        0x1.f7ffffa0dd18fp-2, 0x1.1288f944dd508p-1, 0x1.dd6ec298b874dp+0, 0x1.a6ebd9642a0a6p-65,
        0x1.fbffffd3a9f1ap-2, 0x1.151d913750f3ep-1, 0x1.d8fca5806a27ep+0, 0x1.a2a03fc65ac7ap-66,
        0x1.ffffffc481400p-2, 0x1.17b4f598944cap-1, 0x1.d49ad82532170p+0, 0x1.4412e3d236dc3p-67,
        0x1.01fffff53786cp-1, 0x1.1a4f307d83d47p-1, 0x1.d048f851bffebp+0, 0x1.1589d29f81b14p-66,
        0x1.03ffffee301b7p-1, 0x1.1cec4b8a6a382p-1, 0x1.cc06a7c519db6p+0, 0x1.370e65b24d6b2p-66,
        0x1.06000006e36bfp-1, 0x1.1f8c5114eb8bep-1, 0x1.c7d38a34d6786p+0, -0x1.a92de4b98c1d4p-65,
        0x1.07ffffd60aa43p-1, 0x1.222f4abeccecbp-1, 0x1.c3af477342ac4p+0, -0x1.d47f603a5c2c2p-66,
        0x1.0a000037762e8p-1, 0x1.24d543f99efe8p-1, 0x1.bf99875f54fabp+0, 0x1.df7f415771a46p-65,
        0x1.0bfffff1c6921p-1, 0x1.277e4598e35d0p-1, 0x1.bb91f8addd186p+0, 0x1.0f16c5e0e5a73p-65,
        0x1.0dfffff07154bp-1, 0x1.2a2a5b6bc3986p-1, 0x1.b79848301646dp+0, -0x1.02dd0bbaa5310p-64,
        0x1.1000002fcdda4p-1, 0x1.2cd9902a59f1ep-1, 0x1.b3ac2705219bfp+0, -0x1.59357112fa616p-65,
        0x1.1200001ce1140p-1, 0x1.2f8bedf0a67c2p-1, 0x1.afcd49ab8ae2ap+0, 0x1.2c5429303f346p-65,
        0x1.1400004d0f355p-1, 0x1.3241808fcc7bfp-1, 0x1.abfb6497b9a36p+0, 0x1.bc044b5a59234p-65,
        0x1.1600000fb0c8ap-1, 0x1.34fa52471618bp-1, 0x1.a83630d26d117p+0, -0x1.bfbb23f7bb7c9p-66,
        0x1.18000026f10b3p-1, 0x1.37b66f7579056p-1, 0x1.a47d66b4cf4b1p+0, 0x1.0f6b4af0b5de9p-64,
        0x1.19ffffd0978f8p-1, 0x1.3a75e290cc78cp-1, 0x1.a0d0c36c21315p+0, 0x1.b2129a296b262p-65,
        0x1.1bffffd94840bp-1, 0x1.3d38b85b4e4a4p-1, 0x1.9d30032f2ecefp+0, -0x1.bab1ab9bb7d74p-66,
        0x1.1dffffbda1ea1p-1, 0x1.3ffefbf3cee2fp-1, 0x1.999ae6770fed8p+0, 0x1.a0bdcb4ace9a4p-66,
        0x1.1fffffc989533p-1, 0x1.42c8b9c27900cp-1, 0x1.96112e0d9f1acp+0, -0x1.e19eb2fa2d81ap-65,
        0x1.22000012b8d26p-1, 0x1.4595fe11975cap-1, 0x1.92929cdaa4e80p+0, 0x1.23382acc82d4bp-64,
        0x1.2400004f4d6afp-1, 0x1.4866d4d224131p-1, 0x1.8f1ef815c34e8p+0, -0x1.0c6ff3b740a99p-66,
        0x1.25ffffcc07bdap-1, 0x1.4b3b498b7d010p-1, 0x1.8bb6073e7ffa1p+0, 0x1.bc31b1ad7a9c2p-65,
        0x1.28000042d9639p-1, 0x1.4e136b64540d1p-1, 0x1.88578f4374938p+0, 0x1.36de91b85e901p-65,
        0x1.2a00003be29a0p-1, 0x1.50ef452bffd96p-1, 0x1.85035c0042c06p+0, 0x1.15d0176f5efbdp-65,
        0x1.2bffffaa91f12p-1, 0x1.53cee3e2f4e0dp-1, 0x1.81b938542df07p+0, 0x1.555cd17662a2bp-65,
        0x1.2dffffe884891p-1, 0x1.56b256c1a2470p-1, 0x1.7e78ee422ea70p+0, 0x1.03504bd030c11p-64,
        0x1.2fffffe87152bp-1, 0x1.5999a9beaaaa1p-1, 0x1.7b424d18fe9b3p+0, -0x1.49a5f773e0e64p-73,
        0x1.31fffffc1a721p-1, 0x1.5c84eafe0e564p-1, 0x1.78152338db8d4p+0, 0x1.af4285da8e935p-65,
        0x1.33fffff70a372p-1, 0x1.5f74282191d64p-1, 0x1.74f141122bcaep+0, 0x1.b1c4bdee4bfafp-66,
        0x1.360000436e836p-1, 0x1.62676fde6ccffp-1, 0x1.71d677644252cp+0, -0x1.c3d10e08c3afbp-65,
        0x1.37ffffcbe9641p-1, 0x1.655ecee9ffdafp-1, 0x1.6ec49a6fc0515p+0, 0x1.da4532ed29567p-66,
        0x1.39fffffb6d6cap-1, 0x1.685a55e67a1e1p-1, 0x1.6bbb7bc2ae969p+0, 0x1.cbf7b2ef43882p-65,
        0x1.3c00004934fecp-1, 0x1.6b5a12cc07d75p-1, 0x1.68baf10b02ef8p+0, -0x1.7c8fbfeb7cabdp-65,
        0x1.3e00003f5cf7fp-1, 0x1.6e5e13e59def6p-1, 0x1.65c2d0e61500fp+0, -0x1.30ba4035f7845p-65,
        0x1.4000005280ad9p-1, 0x1.7166691ab4c3ep-1, 0x1.62d2f19f01c90p+0, -0x1.1e9f5ffe95f6ap-64,
        0x1.42000049efb65p-1, 0x1.7473218af3b9dp-1, 0x1.5feb2b86465e4p+0, 0x1.4cad7280d591ep-67,
        0x1.440000035ccb6p-1, 0x1.77844cb4ff1e5p-1, 0x1.5d0b57c455428p+0, 0x1.d8c187ba5617cp-65,
        0x1.4600003346717p-1, 0x1.7a99fba258778p-1, 0x1.5a334f4392254p+0, -0x1.fd14afc84a570p-65,
        0x1.4800003002575p-1, 0x1.7db43d836768fp-1, 0x1.5762edcf97e0cp+0, -0x1.d7eba5f5df49ep-66,
        0x1.4a000055bf381p-1, 0x1.80d3235edeefap-1, 0x1.549a0ea46e31fp+0, -0x1.ba52276823eacp-66,
        0x1.4c00004ce10e3p-1, 0x1.83f6bd67dc1a8p-1, 0x1.51d88ed82bcc4p+0, -0x1.ae92d077d29eap-65,
        0x1.4e000016c60e1p-1, 0x1.871f1ca0aaf31p-1, 0x1.4f1e4bdacbf16p+0, 0x1.8295846ee425ep-65,
        0x1.4ffffff966f0ap-1, 0x1.8a4c52bff2daep-1, 0x1.4c6b23917657ep+0, -0x1.127c25c86c705p-64,
        0x1.520000076e6ebp-1, 0x1.8d7e7175651e8p-1, 0x1.49bef4f459b05p+0, -0x1.1e9d14181bbfcp-68,
        0x1.5400003d12d3bp-1, 0x1.90b58a976ed56p-1, 0x1.47199fdf24af4p+0, 0x1.38c17c30decafp-65,
        0x1.55ffffce7fa8dp-1, 0x1.93f1af03a3a09p-1, 0x1.447b05f13234bp+0, 0x1.1b8b270df7e20p-64,
        0x1.580000331b46ap-1, 0x1.9732f38e83134p-1, 0x1.41e3068d8b41bp+0, -0x1.e24d8b90bc28bp-65,
        0x1.59ffffc14848ep-1, 0x1.9a7968471b489p-1, 0x1.3f5185de3aa73p+0, -0x1.cacd9e0761536p-65,
        0x1.5bffffb7cd395p-1, 0x1.9dc5224a8b955p-1, 0x1.3cc664f8fff15p+0, -0x1.67c9782045611p-64,
        0x1.5e000000dcc40p-1, 0x1.a11634df5b93ep-1, 0x1.3a41875853228p+0, -0x1.585dad481f350p-64,
        0x1.6000002efd2fcp-1, 0x1.a46cb30d16323p-1, 0x1.37c2d187962aep+0, 0x1.004c3a5f77bb0p-64,
        0x1.61ffffeb8088ap-1, 0x1.a7c8b053920c0p-1, 0x1.354a2891769a9p+0, 0x1.c6b303fee3029p-68,
        0x1.6400000f3ca06p-1, 0x1.ab2a428a1911ap-1, 0x1.32d770a6f0a4ap+0, 0x1.2a6f8fac5081ap-64,
        0x1.65ffffe9ec2f4p-1, 0x1.ae917d4ce7239p-1, 0x1.306a90751a948p+0, -0x1.950b551ab9dbdp-65,
        0x1.6800003d43966p-1, 0x1.b1fe7708b998ap-1, 0x1.2e036d7a153c7p+0, 0x1.d36e2a1e4a14ep-66,
        0x1.69ffffab67783p-1, 0x1.b57142e575464p-1, 0x1.2ba1f05006cb6p+0, 0x1.a9a4a473c2e31p-65,
        0x1.6bffffcb65f89p-1, 0x1.b8e9f981efd2fp-1, 0x1.2945fe948d9f7p+0, -0x1.a5294e802df72p-67,
        0x1.6dffffc5609a9p-1, 0x1.bc68afaed6ff1p-1, 0x1.26ef81533411ep+0, -0x1.89153f51bc566p-64,
        0x1.6fffffc4eef86p-1, 0x1.bfed7c62205fep-1, 0x1.249e60e70978cp+0, 0x1.39021a2b9ff56p-67,
        0x1.72000004d98b3p-1, 0x1.c3787716968adp-1, 0x1.2252861be7751p+0, 0x1.fc9c574ee2211p-65,
        0x1.73ffffc155075p-1, 0x1.c709b5ec6fd4ep-1, 0x1.200bdb5d53311p+0, 0x1.28a4da269ae63p-65,
        0x1.760000498c203p-1, 0x1.caa15323d08c1p-1, 0x1.1dca493433f65p+0, 0x1.8cae414a28fb7p-64,
        0x1.77fffff1e5636p-1, 0x1.ce3f64147c12cp-1, 0x1.1b8dbbfe294a8p+0, -0x1.7e19c4b56a744p-65,
        0x1.7a0000226d45ap-1, 0x1.d1e404120eb7fp-1, 0x1.19561d15f8278p+0, 0x1.64b28032c5d4cp-65,
        0x1.7c0000250a5aap-1, 0x1.d58f4b112a1e1p-1, 0x1.172358a59d565p+0, -0x1.716deb8dc7867p-65,
        0x1.7e0000482f82ep-1, 0x1.d94153576bdf0p-1, 0x1.14f55a22a1c5bp+0, 0x1.207e1e1305604p-64,
        0x1.800000205003ep-1, 0x1.dcfa364d69ff7p-1, 0x1.12cc0e37eb26fp+0, -0x1.52ec6e32395f8p-66,
        0x1.81ffffbf99411p-1, 0x1.e0ba0ebf98f51p-1, 0x1.10a7616ddd5d6p+0, -0x1.ce0d659866045p-65,
        0x1.840000248e3a3p-1, 0x1.e480f9bb7f565p-1, 0x1.0e873fb84e05cp+0, 0x1.4e5e81595df92p-64,
        0x1.860000145c157p-1, 0x1.e84f10a10b3abp-1, 0x1.0c6b97cbd7b1ep+0, -0x1.19de6d5f121d0p-65,
        0x1.88000022631b9p-1, 0x1.ec2470be1f047p-1, 0x1.0a5456d0b3ee6p+0, -0x1.272b1a3ba2c6fp-67,
        0x1.8a000045f7828p-1, 0x1.f00136c45ba1cp-1, 0x1.08416af2a0f09p+0, 0x1.82b565b63c799p-65,
        0x1.8bfffffc686cfp-1, 0x1.f3e57f03c824bp-1, 0x1.0632c33502220p+0, -0x1.039ad2dbeeb25p-66,
        0x1.8dffffd8644c6p-1, 0x1.f7d168774261dp-1, 0x1.04284dd5b3019p+0, 0x1.79f33e1eba933p-66,
        0x1.8fffffe4e7937p-1, 0x1.fbc511a99a641p-1, 0x1.0221f9f69840bp+0, -0x1.a9e847beee018p-65,
        0x1.920000435251fp-1, 0x1.ffc099eb22390p-1, 0x1.001fb6f7c51e8p+0, -0x1.a12e731032e0ap-74,
    };
}
