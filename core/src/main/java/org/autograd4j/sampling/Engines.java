package org.autograd4j.sampling;

import java.util.Objects;
import java.util.function.Function;

/**
 * The way from a public {@code org.autograd4j.random.Generator} to its {@link Mt19937} engine, without a
 * method on Generator that hands the engine out.
 *
 * <h2>Why a registered function</h2>
 * The samplers need a generator's engine. A public accessor on Generator would put an internal type into the
 * exported API, and a package-private one cannot be reached from here; importing Generator here would make
 * the cycle {@code random → sampling → random}. So this is the JDK's "shared secrets" pattern (as
 * {@code jdk.internal.access.SharedSecrets} gives {@code java.io} access to {@code java.lang}'s private
 * fields): Generator's static initialiser {@linkplain #register registers} a function that reads its private
 * engine field, and {@link #of} calls it. Generator depends on this package; this package knows Generator
 * only as {@link Object}.
 *
 * <h2>Initialisation order</h2>
 * The function is registered when the Generator class is initialised, which happens before any Generator
 * instance exists. So whoever holds a Generator may call {@link #of}; there is no null case (PyTorch's
 * {@code generator=None}): callers resolve null to the default generator first, where Generator may be
 * named ({@code org.autograd4j.ops.RandomOps}).
 */
public final class Engines {

    // Written once by Generator's static initialiser; volatile so that a thread which obtained a Generator
    // through a data race still sees the function.
    private static volatile Function<Object, Mt19937> access;

    private Engines() {
    }

    /**
     * Installs the function from a generator to its engine; called once, by {@code Generator}'s static
     * initialiser.
     *
     * @param engineOf returns the engine of the generator it is given
     * @throws IllegalStateException if a function is already registered (a second registration would let
     *                               other code in the module swap the engines the samplers draw from)
     */
    public static synchronized void register(Function<Object, Mt19937> engineOf) {
        Objects.requireNonNull(engineOf, "engineOf");
        if (access != null) {
            throw new IllegalStateException("the generator's engine access is already registered");
        }
        access = engineOf;
    }

    /**
     * The engine of a generator: what the samplers of {@link Sampling} draw from, guarded by the generator's
     * monitor ({@link Mt19937#lock()}).
     *
     * @param generator a {@code org.autograd4j.random.Generator}, not null (resolve {@code generator=None} to
     *                  {@code Generator.defaultGenerator()} first)
     * @return its engine, the same object on every call
     * @throws NullPointerException if generator is null
     * @throws ClassCastException   if generator is not a Generator
     */
    public static Mt19937 of(Object generator) {
        Objects.requireNonNull(generator, "generator");
        Function<Object, Mt19937> a = access;
        if (a == null) {
            // unreachable while the argument is a Generator: holding one means its class registered
            throw new IllegalStateException("no generator class has registered its engine access");
        }
        return a.apply(generator);
    }
}
