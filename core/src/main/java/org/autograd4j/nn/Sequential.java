package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code torch.nn.Sequential(*modules)}: the modules registered as {@code "0"}, {@code "1"}, …, applied in
 * order (so the state dict's keys are {@code "0.weight"}, …).
 */
public final class Sequential extends Module {
    /**
     * {@code nn.Sequential(m0, m1, …)}.
     *
     * @param modules the modules, in order
     */
    public Sequential(Module... modules) {
        for (int i = 0; i < modules.length; i++) registerModule(String.valueOf(i), modules[i]);
    }

    /**
     * {@code seq[i]}.
     *
     * @param index the position (negative counts from the end)
     * @return the module
     */
    public Module get(int index) {
        var c = children();
        return c.get(index < 0 ? index + c.size() : index);
    }

    /**
     * {@code len(seq)}.
     *
     * @return the number of modules
     */
    public int size() {
        return children().size();
    }

    /**
     * Each module's forward on the previous one's output.
     *
     * @param input the input
     * @return the last module's output
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) x = m.forward(x);
        return x;
    }
}
