package org.autograd4j.autograd;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.autograd4j.Autograd;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Activation checkpointing, {@code torch.utils.checkpoint.checkpoint(fn, *args, use_reentrant=False)}: trade
 * compute for memory by not keeping the tensors the forward saves for backward, and recomputing them when
 * the backward first needs one.
 *
 * <p>As PyTorch 1.13's non-reentrant implementation, it is built on {@link Autograd#savedTensorsHooks}: while
 * {@code fn} runs, each tensor an op saves is replaced by an empty holder. The first time the backward unpacks
 * a holder, {@code fn} runs again on the same inputs, with grad mode on and with the random-number state the
 * forward started from (the default generator's, as {@code preserve_rng_state=True}; restored afterwards), and
 * the tensors it saves, in the same order, fill the holders. The gradients are those of running {@code fn}
 * plainly; random ops inside {@code fn} (dropout, {@code rand}) give the same numbers in the recomputation.
 * {@code fn} must be deterministic apart from the default generator's draws.
 */
public final class Checkpoint {
    private Checkpoint() {
    }

    /** What the forward keeps for a saved tensor: nothing but its identity. */
    private static final class Holder {
    }

    /**
     * Runs {@code fn} on {@code args} without keeping its saved tensors, and recomputes them during backward,
     * {@code checkpoint(fn, *args, use_reentrant=False)}.
     *
     * @param fn the checkpointed segment: the inputs, in order, to its output
     * @param args its inputs
     * @return {@code fn}'s output, whose backward recomputes {@code fn}
     */
    public static Tensor checkpoint(Function<List<Tensor>, Tensor> fn, Tensor... args) {
        return checkpoint(fn, true, args);
    }

    /**
     * {@code checkpoint(fn, *args, use_reentrant=False, preserve_rng_state=preserveRngState)}.
     *
     * @param fn the checkpointed segment: the inputs, in order, to its output
     * @param preserveRngState whether the recomputation replays the default generator from the forward's state
     * @param args its inputs
     * @return {@code fn}'s output, whose backward recomputes {@code fn}
     */
    public static Tensor checkpoint(Function<List<Tensor>, Tensor> fn, boolean preserveRngState, Tensor... args) {
        List<Tensor> inputs = Collections.unmodifiableList(Arrays.asList(args.clone()));
        byte[] forwardRng = preserveRngState ? Torch.getRngState() : null;
        // weak, so a holder the graph dropped (freed after backward) frees its recomputed tensor
        List<WeakReference<Holder>> holders = new ArrayList<>();
        Map<Holder, Tensor> storage = Collections.synchronizedMap(new WeakHashMap<>());

        Function<Tensor, Object> pack = t -> {
            Holder h = new Holder();
            holders.add(new WeakReference<>(h));
            return h;
        };
        Function<Object, Tensor> unpack = o -> {
            if (storage.isEmpty()) recompute(fn, inputs, forwardRng, holders, storage);
            Tensor t = storage.get(o);
            if (t == null) {
                throw new IllegalStateException("Attempt to retrieve a tensor saved by autograd multiple times without checkpoint "
                        + "recomputation being triggered in between, this is not currently supported.");
            }
            return t;
        };
        try (GradModeScope s = Autograd.savedTensorsHooks(pack, unpack)) {
            return fn.apply(inputs);
        }
    }

    /** Runs {@code fn} again, storing what it saves, in order, against the forward's holders. */
    private static void recompute(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs, byte[] forwardRng,
                                  List<WeakReference<Holder>> holders, Map<Holder, Tensor> storage) {
        int[] counter = {0};
        Function<Tensor, Object> innerPack = t -> {
            int i = counter[0]++;
            Holder h = i < holders.size() ? holders.get(i).get() : null;
            if (h != null) storage.put(h, t.detach());
            return null;
        };
        Function<Object, Tensor> innerUnpack = o -> {
            throw new IllegalStateException("You are calling backwards on a tensor that is never exposed. Please open an issue.");
        };
        byte[] now = forwardRng == null ? null : Torch.getRngState();
        try (GradModeScope g = Torch.enableGrad(); GradModeScope s = Autograd.savedTensorsHooks(innerPack, innerUnpack)) {
            if (forwardRng != null) Torch.setRngState(forwardRng);
            fn.apply(inputs);
        } finally {
            if (now != null) Torch.setRngState(now);
        }
    }
}
