package org.autograd4j.engine;

/**
 * The bridge from the exported toolbox ({@code org.autograd4j.autograd}) to the API's tensor wrapper, which keeps
 * its {@code TensorImpl} package-private: the API registers an {@link Access} when {@code Tensor} is initialised
 * (the JDK's "shared secrets" pattern), so no public method of {@code Tensor} exposes the internal type.
 */
public final class Facade {
    /** Converts between the API tensor (typed {@code Object} here: the engine cannot name it) and its TensorImpl. */
    public interface Access {
        /** The TensorImpl behind API tensor {@code tensor}. */
        TensorImpl impl(Object tensor);

        /** The API tensor of {@code impl} (null for null). */
        Object wrap(TensorImpl impl);
    }

    private static volatile Access access;

    private Facade() {
    }

    /** Called once by the API's {@code Tensor} class initialiser. */
    public static void register(Access a) {
        access = a;
    }

    /** The registered access, initialising the API's {@code Tensor} class first if needed. */
    public static Access access() {
        Access a = access;
        if (a != null) return a;
        try {
            Class.forName("org.autograd4j.Tensor", true, Facade.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access;
    }
}
