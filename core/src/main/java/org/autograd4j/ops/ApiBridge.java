package org.autograd4j.ops;

import org.autograd4j.engine.TensorImpl;

/**
 * How the public packages built on the API ({@code org.autograd4j.autograd}) reach the library tensor behind an
 * API {@code Tensor} and back, without the API exporting a method for it: {@code org.autograd4j.Tensor} registers
 * its two package-private conversions here when its class is initialised (the JDK's "shared secrets" pattern;
 * {@code random.Generator} registers its engine the same way). Typed {@code Object} on the API side, as this
 * room may not name the API's types.
 */
public final class ApiBridge {
    /** The API's conversions. */
    public interface Access {
        /** The library tensor behind an API tensor. */
        TensorImpl impl(Object tensor);

        /** The API tensor of a library tensor (the same object every time). */
        Object tensor(TensorImpl impl);
    }

    private static volatile Access access;

    private ApiBridge() {
    }

    /** Called once, by {@code org.autograd4j.Tensor}'s static initialiser. */
    public static void register(Access a) {
        if (access == null) access = a;
    }

    /** The API's conversions (initialising the API's {@code Tensor} class first if nothing has yet). */
    public static Access access() {
        Access a = access;
        if (a != null) return a;
        try {
            Class.forName("org.autograd4j.Tensor", true, ApiBridge.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access;
    }
}
