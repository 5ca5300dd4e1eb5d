package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every declared op reaches the user: its {@code Tensor} method, its {@code Torch} form, and its in-place form
 * exactly where PyTorch 1.13.1 has one ({@code goldens/inplace.txt}, read from real PyTorch by gen_ops.py).
 */
class DeclarationsTest {
    private static Map<String, Boolean> pytorchInPlace() {
        Map<String, Boolean> r = new HashMap<>();
        for (GoldenFile.Line line : GoldenFile.read("inplace.txt").lines()) {
            String[] p = line.tokens();
            r.put(p[0], GoldenFile.bool(p[1]));
        }
        return r;
    }

    private static boolean has(Class<?> c, String name, boolean isStatic, Class<?>... params) {
        try {
            Method m = c.getMethod(name, params);
            return Modifier.isStatic(m.getModifiers()) == isStatic && m.getReturnType() == Tensor.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static DynamicTest check(String name, boolean declaredInPlace, Map<String, Boolean> torch, Class<?>... operands) {
        return DynamicTest.dynamicTest(name, () -> {
            String m = GoldenFile.javaName(name);
            Class<?>[] all = new Class<?>[operands.length + 1];
            all[0] = Tensor.class;
            System.arraycopy(operands, 0, all, 1, operands.length);
            assertEquals(true, has(Tensor.class, m, false, operands), "Tensor." + m);
            assertEquals(true, has(Torch.class, m, true, all), "Torch." + m);
            Boolean pt = torch.get(name);
            assertNotNull(pt, name + " is not in goldens/inplace.txt: regenerate the goldens");
            assertEquals(pt, declaredInPlace, name + ": PyTorch " + (pt ? "has" : "has no") + " " + name + "_");
            assertEquals(declaredInPlace, has(Tensor.class, m + "_", false, operands), "Tensor." + m + "_");
        });
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredOpIsReachable() {
        Map<String, Boolean> torch = pytorchInPlace();
        List<DynamicTest> r = new ArrayList<>();
        for (Unary u : Unary.ALL) r.add(check(u.name, u.hasInPlace(), torch));
        for (Binary b : Binary.ALL) if (!b.isInternal()) r.add(check(b.name, b.hasInPlace(), torch, Tensor.class));
        return r.stream();
    }
}
