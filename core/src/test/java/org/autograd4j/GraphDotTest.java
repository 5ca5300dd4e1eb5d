package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Autograd#toDot} against torchviz's {@code make_dot} rules (torchviz is not installed here, so the test
 * reads the DOT text back and checks its structure: every node's label and colour, every edge and its style).
 */
class GraphDotTest {
    /** A drawn node: label (DOT escapes undone) and fill colour (null for a graph node, which takes the default). */
    record DNode(String label, String color) {
    }

    /** The DOT text read back: nodes by id, edges as "from -> to [attrs]" with labels in place of ids. */
    static final class Parsed {
        final Map<String, DNode> nodes = new LinkedHashMap<>();
        final List<String[]> edges = new ArrayList<>();

        String label(String id) {
            return nodes.get(id).label();
        }

        /** Edges as "fromLabel -> toLabel" (plus " [attrs]"), in order. */
        List<String> edgeLabels() {
            List<String> r = new ArrayList<>();
            for (String[] e : edges) r.add(label(e[0]) + " -> " + label(e[1]) + (e[2] == null ? "" : " [" + e[2] + "]"));
            return r;
        }

        long count(String label) {
            return nodes.values().stream().filter(n -> n.label().equals(label)).count();
        }
    }

    static final Pattern NODE = Pattern.compile("\t(n\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"(?: fillcolor=(\\w+))?\\]");
    static final Pattern EDGE = Pattern.compile("\t(n\\d+) -> (n\\d+)(?: \\[(.*)\\])?");

    static Parsed parse(String dot) {
        String[] lines = dot.split("\n");
        assertEquals("digraph {", lines[0]);
        assertEquals("}", lines[lines.length - 1]);
        assertTrue(lines[1].startsWith("\tgraph [size=\""), lines[1]);
        assertEquals("\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]", lines[2]);
        Parsed p = new Parsed();
        for (int i = 3; i < lines.length - 1; i++) {
            Matcher m = NODE.matcher(lines[i]);
            if (m.matches()) {
                p.nodes.put(m.group(1), new DNode(m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"), m.group(3)));
                continue;
            }
            Matcher e = EDGE.matcher(lines[i]);
            assertTrue(e.matches(), "line " + i + ": " + lines[i]);
            p.edges.add(new String[] {e.group(1), e.group(2), e.group(3)});
        }
        for (String[] e : p.edges) assertTrue(p.nodes.containsKey(e[0]) && p.nodes.containsKey(e[1]), "edge to an undeclared node");
        return p;
    }

    @Test
    void nodesLeavesAndEdgesFromInputsToOutputs() {
        Tensor a = Torch.tensor(1.0, 2.0, 3.0).requiresGrad_();
        Tensor b = Torch.tensor(4.0, 5.0, 6.0).requiresGrad_();
        Tensor y = a.mul(b).sum();
        Map<String, Tensor> params = new HashMap<>();
        params.put("a", a);
        Parsed p = parse(Autograd.toDot(params, false, y));
        Map<String, String> colors = new HashMap<>();
        for (DNode n : p.nodes.values()) colors.put(n.label(), n.color());
        assertEquals("darkolivegreen1", colors.get("\n ()"), "the output, 0-d");
        assertEquals("lightblue", colors.get("a\n (3)"), "a named leaf");
        assertEquals("lightblue", colors.get("\n (3)"), "an unnamed leaf");
        assertEquals(null, colors.get("SumBackward0"));
        assertEquals(null, colors.get("MulBackward0"));
        assertEquals(2, p.count("AccumulateGrad"));
        assertEquals(List.of("SumBackward0 -> \n ()", "a\n (3) -> AccumulateGrad", "AccumulateGrad -> MulBackward0",
                        "MulBackward0 -> SumBackward0", "\n (3) -> AccumulateGrad", "AccumulateGrad -> MulBackward0").stream().sorted().toList(),
                p.edgeLabels().stream().sorted().toList());
        assertEquals(7, p.nodes.size());
    }

    @Test
    void aSharedInputIsDrawnOnce() {
        Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_();
        Tensor y = x.mul(x).add(x.exp());
        Parsed p = parse(Autograd.toDot(y));
        assertEquals(1, p.count("AccumulateGrad"));
        assertEquals(1, p.count("\n (2)") - 1, "the leaf and the output share a label; one leaf");
        long intoAcc = p.edgeLabels().stream().filter(e -> e.equals("AccumulateGrad -> MulBackward0")).count();
        assertEquals(2, intoAcc, "one edge per use: mul(x, x) has two next functions");
        assertTrue(p.edgeLabels().contains("AccumulateGrad -> ExpBackward0"));
        assertTrue(p.edgeLabels().contains("ExpBackward0 -> AddBackward0"));
        assertTrue(p.edgeLabels().contains("MulBackward0 -> AddBackward0"));
    }

    @Test
    void aViewOutputShowsItsBase() {
        Tensor x = Torch.tensor(1.0, 2.0, 3.0).requiresGrad_();
        Tensor base = x.mul(2L);
        Tensor v = base.narrow(0, 0, 2);
        Parsed p = parse(Autograd.toDot(v));
        Map<String, String> colorOf = new HashMap<>();
        for (DNode n : p.nodes.values()) colorOf.put(n.label(), n.color());
        assertEquals("darkolivegreen1", colorOf.get("\n (2)"));
        assertEquals("darkolivegreen3", colorOf.get("\n (3)"), "the base");
        assertTrue(p.edgeLabels().contains("\n (3) -> \n (2) [style=dotted]"), p.edgeLabels().toString());
        assertTrue(p.edgeLabels().contains("MulBackward0 -> \n (3)"), "the base's own history");
        assertTrue(p.edgeLabels().contains("SliceBackward0 -> \n (2)") || p.edgeLabels().contains("NarrowBackward0 -> \n (2)"));
    }

    @Test
    void savedTensorsWhenAsked() {
        Tensor x = Torch.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_();
        Tensor y = x.exp();
        Parsed plain = parse(Autograd.toDot(y));
        assertTrue(plain.nodes.values().stream().noneMatch(n -> "orange".equals(n.color())));
        Parsed p = parse(Autograd.toDot(null, true, y));
        List<DNode> saved = p.nodes.values().stream().filter(n -> "orange".equals(n.color())).toList();
        assertEquals(List.of(new DNode("saved\n (2, 2)", "orange")), saved);
        assertTrue(p.edgeLabels().contains("ExpBackward0 -> saved\n (2, 2) [dir=none]"), p.edgeLabels().toString());
    }

    @Test
    void severalOutputsAndNoHistory() {
        Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_();
        Parsed p = parse(Autograd.toDot(x.sin(), x.cos(), Torch.ones(3)));
        assertEquals(3, p.nodes.values().stream().filter(n -> "darkolivegreen1".equals(n.color())).count());
        assertEquals(1, p.count("AccumulateGrad"));
        assertTrue(p.edgeLabels().contains("SinBackward0 -> \n (2)"));
        assertTrue(p.edgeLabels().contains("CosBackward0 -> \n (2)"));
        assertEquals("\tgraph [size=\"12,12\"]", Autograd.toDot(x.sin()).split("\n")[1], "torchviz's minimum size");
    }

    @Test
    void labelsAreEscaped() {
        Tensor x = Torch.tensor(1.0).requiresGrad_();
        String dot = Autograd.toDot(Map.of("w\"1\\", x), false, x.neg());
        assertTrue(dot.contains("[label=\"w\\\"1\\\\\\n ()\" fillcolor=lightblue]"), dot);
        assertEquals("w\"1\\\n ()", parse(dot).nodes.values().stream().filter(n -> "lightblue".equals(n.color())).findFirst().orElseThrow().label());
    }

    @Test
    void svgWhenGraphvizIsInstalled() {
        Assumptions.assumeTrue(GraphDot.dotAvailable(), "Graphviz's dot is not installed");
        Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_();
        String svg = Autograd.toSvg(x.mul(x).sum());
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("MulBackward0") && svg.contains("AccumulateGrad"), "the node names are drawn");
    }
}
