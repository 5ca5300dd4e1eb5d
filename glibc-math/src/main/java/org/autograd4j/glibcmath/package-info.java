/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * The glibc ports and their {@link org.autograd4j.spi.Float64Math} provider, {@link
 * org.autograd4j.glibcmath.GlibcFloat64Math}. Files: {@code GlibcLog}, {@code GlibcExp} (glibc's
 * {@code e_log.c}, {@code e_exp.c}: Arm's optimized-routines algorithms as contributed to glibc),
 * {@code GlibcSinCos}, {@code GlibcTan} ({@code s_sin.c}, {@code branred.c}, {@code s_tan.c}: IBM's
 * Accurate Mathematical Library), each under LGPL-2.1-or-later as its header says.
 */
package org.autograd4j.glibcmath;
