package org.autograd4j.nn;

import java.util.List;

/**
 * {@code torch.nn.ModuleList(modules)}: a list of submodules registered as {@code "0"}, {@code "1"}, … (it
 * has no forward of its own).
 */
public final class ModuleList extends Module {
    /**
     * {@code nn.ModuleList(modules)}.
     *
     * @param modules the modules, in order
     */
    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    /**
     * {@code append(module)}.
     *
     * @param module the module
     * @return this list
     */
    public ModuleList append(Module module) {
        registerModule(String.valueOf(namedChildrenCount()), module);
        return this;
    }

    private int namedChildrenCount() {
        return children().size();
    }

    /**
     * {@code list[i]}.
     *
     * @param index the position (negative counts from the end)
     * @return the module
     */
    public Module get(int index) {
        List<Module> c = children();
        return c.get(index < 0 ? index + c.size() : index);
    }

    /**
     * {@code len(list)}.
     *
     * @return the number of modules
     */
    public int size() {
        return children().size();
    }
}
