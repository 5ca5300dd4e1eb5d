package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The house rules over the compiled classes (read with the JDK's {@code jdeps}): arrows point down only
 * (autograd, nn → API → ops → engine / kernels → storage), each package imports only what its {@code package-info} allows,
 * and no package cycle. {@code DType} is a leaf enum every room may use, so it counts as its own node.
 */
class ArchitectureTest {
    private static final String ROOT = "org.autograd4j";

    /** What each package may import (besides itself and DType), as its package-info says. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("autograd", Set.of("api", "ops", "engine", "storage")),
            Map.entry("nn", Set.of("api", "autograd", "random")),
            Map.entry("optim", Set.of("api")),
            Map.entry("data", Set.of("api", "random")),
            Map.entry("io", Set.of("api")),
            Map.entry("api", Set.of("ops", "engine", "format", "random", "storage")),
            Map.entry("ops", Set.of("engine", "kernels", "storage", "random", "sampling", "math")),
            Map.entry("engine", Set.of("storage")),
            Map.entry("kernels", Set.of("storage", "math")),
            Map.entry("sampling", Set.of("storage", "math")),
            Map.entry("random", Set.of("sampling", "storage", "math")),
            Map.entry("format", Set.of()),
            Map.entry("storage", Set.of()),
            Map.entry("math", Set.of("spi")),
            Map.entry("spi", Set.of()));

    /** The room of a class: "DType", "api" for the root package, else the sub-package's first name. */
    private static String room(String cls) {
        if (cls.equals(ROOT + ".DType")) return "DType";
        String rest = cls.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? "api" : rest.substring(0, dot);
    }

    /** room → rooms it depends on, from jdeps' class-level output. */
    static Map<String, Set<String>> dependencies() throws Exception {
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none", classes.toString());
        assertEquals(0, rc, out.toString());
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length < 3 || !p[1].equals("->") || !p[0].startsWith(ROOT + ".") || !p[2].startsWith(ROOT + ".")) continue;
            String from = room(p[0]), to = room(p[2]);
            if (from.equals("module-info")) continue;
            deps.computeIfAbsent(from, k -> new TreeSet<>());
            if (!from.equals(to) && !to.equals("DType")) deps.get(from).add(to);
        }
        return deps;
    }

    @Test
    void eachRoomImportsOnlyWhatItsPackageInfoAllows() throws Exception {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.containsKey("api") && deps.containsKey("ops"), "jdeps saw the library: " + deps);
        List<String> wrong = new ArrayList<>();
        for (var e : deps.entrySet()) {
            Set<String> allowed = ALLOWED.get(e.getKey());
            if (allowed == null) {
                wrong.add("unknown package " + e.getKey());
                continue;
            }
            for (String to : e.getValue()) if (!allowed.contains(to)) wrong.add(e.getKey() + " -> " + to);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noPackageCycle() throws Exception {
        Map<String, Set<String>> deps = dependencies();
        for (String start : deps.keySet()) {
            // a depth-first walk from start that comes back to start is a cycle
            Deque<List<String>> stack = new ArrayDeque<>();
            stack.push(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!stack.isEmpty()) {
                List<String> path = stack.pop();
                for (String next : deps.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    assertTrue(!next.equals(start), "package cycle: " + String.join(" -> ", longer));
                    if (seen.add(next)) stack.push(longer);
                }
            }
        }
    }
}
