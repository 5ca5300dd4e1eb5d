package org.autograd4j.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

/**
 * Chooses the kernels once per JVM, as Lucene's {@code VectorizationProvider}: the Vector API implementation
 * ({@code org.autograd4j.kernels.vector.VectorKernels}) when the module {@code jdk.incubator.vector} is in the
 * boot layer and readable, else {@link ScalarKernels}, with one log line saying why and how to enable it.
 *
 * <p>The system property {@value #PROPERTY} forces a choice: {@code scalar} (always available) or
 * {@code vector} (fails at start-up when the module is missing, so a test run cannot silently measure the
 * wrong thing). The vector classes are loaded by name, so nothing outside them names the incubator module.
 */
final class KernelsProvider {
    /** {@code -Dautograd4j.kernels=scalar|vector}: forces the implementation. */
    static final String PROPERTY = "autograd4j.kernels";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "org.autograd4j.kernels.vector.VectorKernels";

    /** The implementation in use. */
    static final Kernels KERNELS = choose();

    private KernelsProvider() {
    }

    private static Kernels choose() {
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("scalar")) return ScalarKernels.INSTANCE;
        if (!forced.isEmpty() && !forced.equals("vector")) {
            throw new IllegalStateException("-D" + PROPERTY + " must be 'scalar' or 'vector', not '" + forced + "'");
        }
        String missing = whyNoVector();
        if (missing == null) {
            try {
                var create = MethodHandles.lookup().findStatic(Class.forName(VECTOR_CLASS), "create", MethodType.methodType(Kernels.class));
                Kernels k = (Kernels) create.invoke();
                if (k != null) return k;
                missing = "the Vector API reports no usable vector width";
            } catch (Throwable t) {
                missing = "the Vector API kernels failed to load (" + t + ")";
            }
        }
        if (forced.equals("vector")) throw new IllegalStateException("-D" + PROPERTY + "=vector, but " + missing);
        System.getLogger("org.autograd4j").log(System.Logger.Level.INFO,
                "autograd4j: plain Java kernels, because " + missing
                        + "; for the faster Vector API kernels run java with --add-modules " + VECTOR_MODULE);
        return ScalarKernels.INSTANCE;
    }

    /** Null when the Vector API can be used, else the reason it cannot. */
    private static String whyNoVector() {
        var module = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (module.isEmpty()) return VECTOR_MODULE + " is not in the module graph";
        if (!KernelsProvider.class.getModule().canRead(module.get())) return "module org.autograd4j cannot read " + VECTOR_MODULE;
        return null;
    }
}
