/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Part of autograd4j-glibc-math, which is free software; you can redistribute it and/or modify it under the
 * terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version
 * 2.1 of the License, or (at your option) any later version. It is distributed in the hope that it will be
 * useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A
 * PARTICULAR PURPOSE. See the GNU Lesser General Public License for more details; you should have received a
 * copy of it along with this program; if not, see <https://www.gnu.org/licenses/>.
 */
package org.autograd4j.glibcmath;

import org.autograd4j.spi.Float64Math;

/**
 * The {@link Float64Math} of glibc 2.36 (x86-64, FMA build), bit for bit: {@code sin} and {@code cos} are
 * {@link GlibcSinCos}, {@code tan} {@link GlibcTan} (IBM's Accurate Mathematical Library in glibc; the
 * library's own log and exp are glibc's bits already). autograd4j's {@code Libm} finds it with {@link java.util.ServiceLoader} (this module's
 * {@code provides}, and {@code META-INF/services/org.autograd4j.spi.Float64Math} on the class path).
 */
public final class GlibcFloat64Math implements Float64Math {

    /** For {@link java.util.ServiceLoader}. */
    public GlibcFloat64Math() {
    }

    @Override
    public double sin(double x) {
        return GlibcSinCos.sin(x);
    }

    @Override
    public double cos(double x) {
        return GlibcSinCos.cos(x);
    }

    @Override
    public double tan(double x) {
        return GlibcTan.tan(x);
    }

    /** True: each function returns glibc 2.36's double (x86-64, FMA build). */
    @Override
    public boolean matchesGlibc() {
        return true;
    }

    @Override
    public String name() {
        return "autograd4j-glibc-math (glibc 2.36 sin, cos, tan; x86-64 FMA build)";
    }
}
