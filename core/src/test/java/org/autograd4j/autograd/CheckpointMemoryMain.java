package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Measures what activation checkpointing saves on a 20-layer MLP (width 1024, batch 256, float32,
 * {@code h = tanh(h.mm(W) + b)}): the heap the graph retains after the forward (heap in use after a full GC,
 * minus the same before the forward: parameters and input excluded), plain, with every layer checkpointed, and
 * with 4 checkpointed segments of 5 layers ({@code checkpoint_sequential}'s layout); and that the gradients are
 * the same. Run after {@code ./mvnw -o -pl core test-compile}:
 * <pre>
 * java -Xmx2g -XX:+UseParallelGC --add-modules jdk.incubator.vector \
 *      -cp core/target/classes:core/target/test-classes org.autograd4j.autograd.CheckpointMemoryMain
 * </pre>
 * (ParallelGC because G1 stores each 1 MiB activation as a humongous object in two 1 MiB regions, which doubles
 * every figure.) Each layer saves its input (for mm) and its output (for tanh), the same tensors as its neighbours',
 * so the plain graph keeps 20 activations; checkpointing every layer keeps the 20 layer boundaries, the same
 * tensors, so it saves nothing here; 4 segments of 5 keep 4.
 */
public final class CheckpointMemoryMain {
    private static final int LAYERS = 20, WIDTH = 1024, BATCH = 256;

    private CheckpointMemoryMain() {
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Tensor layers(Tensor h, List<Tensor> w, List<Tensor> b, int from, int to) {
        for (int i = from; i < to; i++) h = h.mm(w.get(i)).add(b.get(i)).tanh();
        return h;
    }

    /** Forward, measure, backward; returns the first layer's weight gradient. */
    private static Tensor run(String label, int segment, Tensor x, List<Tensor> w, List<Tensor> b) {
        for (Tensor t : w) t.setGrad(null);
        for (Tensor t : b) t.setGrad(null);
        long before = used();
        long t0 = System.nanoTime();
        Tensor h = x;
        if (segment == 0) {
            h = layers(h, w, b, 0, LAYERS);
        } else {
            for (int s = 0; s < LAYERS; s += segment) {
                int from = s, to = Math.min(LAYERS, s + segment);
                h = Checkpoint.checkpoint(in -> layers(in.get(0), w, b, from, to), h);
            }
        }
        Tensor loss = h.sum();
        long fwd = System.nanoTime() - t0;
        long retained = used() - before;
        t0 = System.nanoTime();
        loss.backward();
        long bwd = System.nanoTime() - t0;
        System.out.printf("%-28s retained after forward: %7.1f MiB   forward %5.2f s, backward %5.2f s%n", label,
                retained / 1048576.0, fwd / 1e9, bwd / 1e9);
        return w.get(0).grad();
    }

    public static void main(String[] args) {
        Torch.manualSeed(0);
        List<Tensor> w = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            w.add(Torch.randn(WIDTH, WIDTH).div(Math.sqrt(WIDTH)).requiresGrad_());
            b.add(Torch.zeros(WIDTH).requiresGrad_());
        }
        Tensor x = Torch.randn(BATCH, WIDTH);
        System.out.printf("20-layer MLP, width %d, batch %d, float32; one activation is %.1f MiB%n", WIDTH, BATCH,
                BATCH * WIDTH * 4 / 1048576.0);
        run("warm-up (plain)", 0, x, w, b);
        Tensor plain = run("plain", 0, x, w, b);
        Tensor each = run("checkpoint every layer", 1, x, w, b);
        Tensor seg = run("checkpoint 4 segments of 5", 5, x, w, b);
        System.out.printf("max |grad W0 difference|: every layer %.3g, segments %.3g%n",
                plain.sub(each).abs().max().item(), plain.sub(seg).abs().max().item());
    }
}
