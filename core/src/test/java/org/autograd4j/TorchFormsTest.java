package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code Torch.f(a, ...)} form that mirrors a {@code Tensor} method ({@code torch.exp(x)} beside
 * {@code x.exp()}) is called with the same arguments as the method and must give the same values, dtype, shape
 * and grad_fn name; none may be left untested.
 */
class TorchFormsTest {
    /** Positive values away from 0 and ±1 suit every elementwise domain (log, acosh aside, which tolerates NaN). */
    private static Tensor sample() {
        return Torch.tensor(new double[][] {{1.5, 2.25, 0.75}, {1.25, 2.5, 0.5}}).requiresGrad_();
    }

    private static Object arg(Class<?> type) {
        if (type == Tensor.class) return sample();
        if (type == int.class) return 1;
        if (type == long.class) return 2L;
        if (type == double.class) return 0.5;
        if (type == boolean.class) return true;
        if (type == int[].class) return new int[] {1};
        if (type == long[].class) return new long[] {3, 2};
        if (type == Object[].class) return new Object[] {Torch.tensor(new long[] {1, 0})};
        if (type == String.class) return "sum";
        return null;
    }

    /** Other tensor arguments: the float sample, int64 zeros of its shape or of 3 elements, or a 0-d float. */
    private static Tensor alternative(int k) {
        return switch (k) {
            case 0 -> sample();
            case 1 -> Torch.zeros(new long[] {2, 3}, DType.INT64);
            case 2 -> Torch.zeros(new long[] {3}, DType.INT64);
            default -> Torch.tensor(0.5);
        };
    }

    /** The method's arguments after self with the first combination of {@link #alternative}s it accepts, or null. */
    private static Object[] fittingTensors(Method m, Class<?>[] p) {
        int tensors = 0;
        for (int i = 1; i < p.length; i++) if (p[i] == Tensor.class) tensors++;
        if (tensors == 0 || tensors > 3) return null;
        for (int combo = 1; combo < (1 << (2 * tensors)); combo++) {
            Object[] rest = new Object[p.length - 1];
            for (int i = 1, t = 0; i < p.length; i++) rest[i - 1] = p[i] == Tensor.class ? alternative((combo >> (2 * t++)) & 3) : arg(p[i]);
            try {
                call(m, sample(), rest);
                return rest;
            } catch (Throwable e) {
                // try the next combination
            }
        }
        return null;
    }

    /** Argument {@code i} of {@code Torch.<name>}: masks and int64 indices where the op takes them. */
    private static Object arg(String name, int i, Class<?> type) {
        if (i == 1 && (name.equals("maskedSelect") || name.equals("maskedScatter"))) return sample().gt(1.0);
        if (i == 1 && name.equals("take")) return Torch.tensor(new long[] {0, 5, -2});
        if (type == String.class && name.toLowerCase(java.util.Locale.ROOT).contains("norm")) return "fro";
        return arg(type);
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTorchFormEqualsItsTensorMethod() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int covered = 0;
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        for (Method f : Torch.class.getMethods()) {
            Class<?>[] p = f.getParameterTypes();
            if (!Modifier.isStatic(f.getModifiers()) || p.length == 0 || p[0] != Tensor.class || f.getReturnType() != Tensor.class) {
                continue;
            }
            Method m;
            try {
                m = Tensor.class.getMethod(f.getName(), Arrays.copyOfRange(p, 1, p.length));
            } catch (NoSuchMethodException e) {
                continue; // not a mirror of a method (where, cat, ...): tested with its op
            }
            covered++;
            tests.add(DynamicTest.dynamicTest(f.getName() + Arrays.toString(p), () -> {
                Object[] rest = new Object[p.length - 1];
                for (int i = 1; i < p.length; i++) rest[i - 1] = arg(f.getName(), i, p[i]);
                if (Arrays.asList(rest).contains(null)) throw new AssertionError("no sample argument for " + f);
                Tensor self = sample();
                Object[] all = new Object[p.length];
                all[0] = self;
                System.arraycopy(rest, 0, all, 1, rest.length);
                Tensor viaTorch, viaMethod;
                try {
                    viaMethod = (Tensor) call(m, self, rest);
                } catch (RuntimeException e) {
                    // these sample arguments do not fit the op (a matrix product of two 2×3): the same error both ways
                    RuntimeException t = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> call(f, null, all));
                    assertEquals(e.getClass(), t.getClass());
                    assertEquals(e.getMessage(), t.getMessage());
                    // ops taking indices or a 0-d value (scatter, index_add, index_fill): the first other tensors that fit
                    Object[] fit = fittingTensors(m, p);
                    if (fit == null) {
                        errors.incrementAndGet();
                        return;
                    }
                    Object[] fitAll = new Object[p.length];
                    fitAll[0] = sample();
                    System.arraycopy(fit, 0, fitAll, 1, fit.length);
                    viaMethod = (Tensor) call(m, sample(), fit);
                    viaTorch = (Tensor) call(f, null, fitAll);
                    assertEquals(viaMethod.dtype(), viaTorch.dtype());
                    assertArrayEquals(viaMethod.toDoubleArray(), viaTorch.toDoubleArray());
                    assertEquals(viaMethod.gradFn() == null ? null : viaMethod.gradFn().name(),
                            viaTorch.gradFn() == null ? null : viaTorch.gradFn().name());
                    return;
                }
                viaTorch = (Tensor) call(f, null, all);
                assertEquals(viaMethod.dtype(), viaTorch.dtype());
                assertArrayEquals(viaMethod.shape(), viaTorch.shape());
                assertArrayEquals(viaMethod.toDoubleArray(), viaTorch.toDoubleArray());
                assertEquals(viaMethod.gradFn() == null ? null : viaMethod.gradFn().name(),
                        viaTorch.gradFn() == null ? null : viaTorch.gradFn().name());
            }));
        }
        assertTrue(covered > 100, "found only " + covered + " Torch forms");
        int total = covered;
        tests.add(DynamicTest.dynamicTest("most forms compute on the sample", () ->
                assertTrue(errors.get() * 10 < total, errors.get() + " of " + total + " forms only compared errors")));
        return tests.stream();
    }
}
