package org.autograd4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradAccumulator;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.ops.Graph;

/**
 * The backward graph as Graphviz DOT, drawn by torchviz's {@code make_dot} rules: each output tensor a
 * {@code darkolivegreen1} box with its size, fed by its {@code grad_fn}; every node a box with its name; each leaf
 * a {@code lightblue} box (its parameter name, if given, and size) feeding its {@code AccumulateGrad}; edges from
 * each node's next functions into it, so arrows run from the inputs to the outputs; a view's base in
 * {@code darkolivegreen3} with a dotted edge to the view; and, when asked, each node's saved tensors as
 * {@code orange} boxes joined to it by an undirected edge. Node ids are {@code n0, n1, …} in the order met, so the
 * text is the same on every run.
 */
final class GraphDot {
    private final Map<TensorImpl, String> paramNames = new IdentityHashMap<>();
    private final boolean showSaved;
    private final Map<Object, String> ids = new IdentityHashMap<>();
    private final java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> body = new ArrayList<>();

    private GraphDot(Map<String, Tensor> params, boolean showSaved) {
        if (params != null) for (Map.Entry<String, Tensor> e : params.entrySet()) paramNames.put(e.getValue().impl(), e.getKey());
        this.showSaved = showSaved;
    }

    static String dot(Map<String, Tensor> params, boolean showSaved, Tensor... outputs) {
        GraphDot g = new GraphDot(params, showSaved);
        for (Tensor t : outputs) g.addBaseTensor(t.impl(), "darkolivegreen1");
        StringBuilder sb = new StringBuilder("digraph {\n");
        // torchviz's resize_graph: 0.15 inch per line of the body, at least 12
        double size = Math.max(12, g.body.size() * 0.15);
        String s = size == Math.rint(size) ? String.valueOf((long) size) : String.valueOf(size);
        sb.append("\tgraph [size=\"").append(s).append(',').append(s).append("\"]\n");
        sb.append("\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n");
        for (String line : g.body) sb.append('\t').append(line).append('\n');
        return sb.append("}\n").toString();
    }

    /** Whether {@code o} was drawn already (torchviz's {@code seen} set); marks it drawn. */
    private boolean seen(Object o) {
        return !seen.add(o);
    }

    private String id(Object o) {
        return ids.computeIfAbsent(o, k -> "n" + ids.size());
    }

    private void addBaseTensor(TensorImpl t, String color) {
        if (seen(t)) return;
        node(id(t), varLabel(t, null), color);
        BackwardNode fn = Graph.history(t);
        if (fn != null) {
            addNodes(fn);
            edge(id(fn), id(t), null);
        }
        if (t.base() != null) {
            addBaseTensor(t.base(), "darkolivegreen3");
            edge(id(t.base()), id(t), "style=dotted");
        }
    }

    private void addNodes(BackwardNode fn) {
        if (seen(fn)) return;
        String fid = id(fn);
        if (showSaved) {
            // torchviz's order: saved tensors first (an undirected edge from the node, drawn orange), so a leaf that is
            // also saved is drawn again in light blue when its AccumulateGrad is reached, and DOT keeps the later style
            for (TensorImpl s : fn.savedForDisplay()) {
                seen(s);
                edge(fid, id(s), "dir=none");
                node(id(s), varLabel(s, "saved"), "orange");
            }
        }
        if (fn instanceof GradAccumulator acc) {
            TensorImpl v = acc.variable();
            seen(v);
            node(id(v), varLabel(v, null), "lightblue");
            edge(id(v), fid, null);
        }
        body.add(fid + " [label=" + quote(fn.name()) + "]");
        for (int i = 0; i < fn.numOutputs(); i++) {
            NextEdge e = fn.nextEdge(i);
            if (e.node() == null) continue;
            edge(id(e.node()), fid, null);
            addNodes(e.node());
        }
    }

    /** torchviz's {@code get_var_name}: the name (a parameter's, or none) over the size. */
    private String varLabel(TensorImpl t, String name) {
        String n = name != null ? name : paramNames.getOrDefault(t, "");
        StringBuilder size = new StringBuilder("(");
        int[] shape = t.shape();
        for (int i = 0; i < shape.length; i++) size.append(i > 0 ? ", " : "").append(shape[i]);
        return n + "\n " + size.append(')');
    }

    private void node(String id, String label, String color) {
        body.add(id + " [label=" + quote(label) + " fillcolor=" + color + "]");
    }

    private void edge(String from, String to, String attrs) {
        body.add(from + " -> " + to + (attrs == null ? "" : " [" + attrs + "]"));
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as DOT's {@code \n}. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Whether Graphviz's {@code dot} can be run here ({@code dot -V}). */
    static boolean dotAvailable() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code dot} rendered by {@code dot -Tsvg}. */
    static String svg(String dot) {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg").start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Graphviz's dot program was not found on the PATH (" + e.getMessage() + "): install "
                    + "Graphviz (e.g. apt-get install graphviz) to render SVG, or render Autograd.toDot's text elsewhere", e);
        }
        try {
            // stderr is read on its own thread so that neither pipe fills while the other is drained
            java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (java.io.IOException e) {
                    return new byte[0];
                }
            });
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write(dot.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("dot -Tsvg failed (exit " + rc + "): "
                        + new String(err.join(), java.nio.charset.StandardCharsets.UTF_8).trim());
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("dot -Tsvg failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted while dot -Tsvg ran", e);
        }
    }
}
