/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * The glibc ports and their {@link org.autograd4j.spi.Float64Math} provider, {@link
 * org.autograd4j.glibcmath.GlibcFloat64Math}. Files: {@code GlibcSinCos}, {@code GlibcTan} ({@code s_sin.c},
 * {@code branred.c}, {@code s_tan.c}: IBM's Accurate Mathematical Library), each under LGPL-2.1-or-later as
 * its header says. glibc's log and exp are Arm's (MIT) and live in the library itself.
 */
package org.autograd4j.glibcmath;
