package org.autograd4j.engine;

import static org.autograd4j.engine.Goldens.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.autograd4j.AccumulateGrad;
import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * grad_fn names (PyTorch's: the ATen op in CamelCase, {@code Backward}, a counter), next_functions (one
 * {@code (node, input_nr)} pair per tensor argument, {@code (None, 0)} for one that needs no grad), Node.toString,
 * and the grad suffixes of Tensor.toString ({@code grad_fn=<Name>}, else {@code requires_grad=True}).
 */
class GraphShapeTest {

    /** As Python prints {@code [(type(n).__name__, i) for n, i in fn.next_functions]}. */
    static String pyNext(Node fn) {
        return fn.nextFunctions().stream()
                .map(e -> "(" + (e.node() == null ? "None" : "'" + e.node().typeName() + "'") + ", " + e.inputNr() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void nextFunctionsOfAddScalar() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor y = x.add(1);
        assertEquals(engine("nextfns.add1"), y.gradFn().typeName() + " " + pyNext(y.gradFn()));
        Edge e = y.gradFn().nextFunctions().get(0);
        assertTrue(e.isValid());
        assertFalse(y.gradFn().nextFunctions().get(1).isValid());
        assertEquals(Edge.NONE, y.gradFn().nextFunctions().get(1));
        assertSame(x, ((AccumulateGrad) e.node()).variable());
        assertEquals("True", engine("nextfns.add1.variable_is_leaf"));
    }

    @Test
    void nextFunctionsOfTwoTimesXToTheFourth() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor y = x.pow(4).mul(2); // 2*x**4: the 2 is a wrapped scalar, (None, 0)
        assertEquals(engine("nextfns.pow"), y.gradFn().typeName() + " " + pyNext(y.gradFn()));
        assertEquals(engine("nextfns.pow.inner"), pyNext(y.gradFn().nextFunctions().get(0).node()));
    }

    @Test
    void nextFunctionsOfTwoLeaves() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor w = EngineTest.leaf(3, 4);
        Tensor y = x.mul(w);
        assertEquals(engine("nextfns.xy"), y.gradFn().typeName() + " " + pyNext(y.gradFn()));
        assertEquals(engine("nextfns.leaf"), Goldens.repr(x.gradFn()));
        assertEquals(engine("nextfns.sameacc"),
                y.gradFn().nextFunctions().get(0).node() == x.add(1).gradFn().nextFunctions().get(0).node() ? "True" : "False");
        assertSame(w, ((AccumulateGrad) y.gradFn().nextFunctions().get(1).node()).variable());
    }

    @Test
    void nextFunctionsIsUnmodifiable() {
        Tensor y = EngineTest.leaf(1, 2).add(1);
        var list = y.gradFn().nextFunctions();
        // Python's next_functions is a tuple; here Collections.unmodifiableList, whose refusal has no message
        assertNull(org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> list.set(0, Edge.NONE)).getMessage());
    }

    @Test
    void nodeToStringLooksLikePythonRepr() {
        Tensor x = EngineTest.leaf(1, 2);
        Node a = x.add(1).gradFn();
        Node b = x.add(1).gradFn();
        assertTrue(a.toString().matches("<AddBackward0 object at 0x[0-9a-f]{12}>"), a.toString());
        assertTrue(org.autograd4j.Internals.accumulator(x).toString().matches("<AccumulateGrad object at 0x[0-9a-f]{12}>"));
        assertEquals(a.toString(), a.toString());
        assertNotEquals(a.toString(), b.toString());
    }

    @Test
    void printingSuffixes() {
        Tensor x = EngineTest.leaf(1, 2);
        assertEquals(engine("print.leaf"), x.toString());
        assertEquals(engine("print.nonleaf"), x.add(1).toString());
        assertEquals(engine("print.f64leaf"), Torch.tensor(2.5, DType.FLOAT64).requiresGrad_().toString());
        assertEquals(engine("print.f64nonleaf"), Torch.tensor(new double[] {1, 2}, DType.FLOAT64).requiresGrad_().mul(1).toString());
        assertEquals(engine("print.f64wrap"), Torch.arange(27.0).div(7).to(DType.FLOAT64).requiresGrad_().mul(1).toString());
        assertEquals(engine("print.detached"), x.detach().toString());
        assertEquals(engine("print.sum"), x.mul(x).sum().toString());
        Tensor y;
        try (var g = Torch.noGrad()) {
            y = x.mul(1);
        }
        assertEquals("tensor([1., 2.])", y.toString());
    }

    @Test
    void leafAndNonLeafFlags() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor c = Torch.tensor(1.0, 2);
        assertTrue(x.isLeaf());
        assertTrue(c.isLeaf());
        assertFalse(c.requiresGrad());
        Tensor y = x.mul(c);
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
        assertNull(c.mul(c).gradFn());
        assertEquals(0, y.outputNr());
    }
}
