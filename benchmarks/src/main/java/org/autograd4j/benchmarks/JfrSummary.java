package org.autograd4j.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) went, for {@code tools/bench/profile.sh}:
 * <ul>
 * <li><b>self, by owner</b>: each sample is charged to the innermost autograd4j method on its stack (so time in
 * an inlined Vector API or JDK method counts for the kernel that called it), with that frame's own top method
 * beside it;</li>
 * <li><b>by package</b> of the owner (kernels, kernels.vector, ops, engine, storage, …);</li>
 * <li><b>inclusive</b>: samples with the method anywhere on the stack.</li>
 * </ul>
 * JMH's own frames are skipped. Samples are what the JVM's sampler saw (about every 10–20 ms per running
 * thread); figures are shares of all samples, so two recordings compare as shares, not as times.
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    /**
     * Reads a recording and prints the three tables.
     *
     * @param args the .jfr file, and optionally how many rows per table (default 20)
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary FILE.jfr [rows]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> self = new HashMap<>(), pkg = new HashMap<>(), incl = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            total++;
            String leaf = name(frames.getFirst().getMethod()), owner = null;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                RecordedMethod m = f.getMethod();
                String type = m.getType().getName();
                if (!type.startsWith("org.autograd4j.") || type.startsWith("org.autograd4j.benchmarks.")) continue;
                String n = name(m);
                if (owner == null) {
                    owner = n;
                    String p = type.substring("org.autograd4j.".length());
                    int dot = p.lastIndexOf('.');
                    pkg.merge(dot < 0 ? "(root)" : p.substring(0, dot), 1, Integer::sum);
                }
                if (seen.add(n)) incl.merge(n, 1, Integer::sum);
            }
            if (owner == null) {
                owner = "(outside autograd4j) " + leaf;
                pkg.merge("(outside autograd4j)", 1, Integer::sum);
            }
            self.merge(owner.equals(leaf) || owner.startsWith("(outside") ? owner : owner + "   [in " + leaf + "]", 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%d CPU samples in %s%n", total, args[0]);
        print("self time, charged to the innermost autograd4j frame [the sampled top frame]", self, total, top);
        print("by package of that frame", pkg, total, top);
        print("inclusive (on the stack)", incl, total, top);
    }

    private static String name(RecordedMethod m) {
        String t = m.getType().getName();
        return t.substring(t.lastIndexOf('.') + 1) + "." + m.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("%n%s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * en.getValue() / Math.max(1, total),
                        en.getValue(), en.getKey()));
    }
}
