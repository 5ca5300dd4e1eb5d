package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The optimizers' and schedulers' misuse messages and state-dict layout against PyTorch 1.13.1 (the 'error'
 * and 'layout' lines of goldens/optim.txt), and zeroGrad's two modes.
 */
class OptimApiTest {
    static List<Tensor> P() {
        return OptimTest.params();
    }

    static Optimizer stepped(Optimizer o, List<Tensor> ps, int steps) {
        for (int k = 0; k < steps; k++) {
            o.zeroGrad();
            OptimTest.loss(ps).backward();
            o.step();
        }
        return o;
    }

    static final Map<String, Runnable> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("sgd_lr", () -> new SGD(P(), -0.1));
        ERRORS.put("sgd_momentum", () -> new SGD(P(), 0.1, -0.5));
        ERRORS.put("sgd_weight_decay", () -> new SGD(P(), 0.1).weightDecay(-1e-5));
        ERRORS.put("sgd_nesterov", () -> new SGD(P(), 0.1, 0.9).dampening(0.1).nesterov(true));
        ERRORS.put("sgd_nesterov_no_momentum", () -> new SGD(P(), 0.1).nesterov(true));
        ERRORS.put("sgd_empty", () -> new SGD(List.of(), 0.1));
        ERRORS.put("sgd_non_leaf", () -> new SGD(List.of(P().get(0).mul(2)), 0.1));
        ERRORS.put("sgd_duplicate", () -> {
            Tensor p = P().get(0);
            new SGD(List.of(p), 0.1).addParamGroup(List.of(p), Map.of());
        });
        ERRORS.put("adam_lr", () -> new Adam(P(), -0.001));
        ERRORS.put("adam_beta0", () -> new Adam(P(), 0.1).betas(1.0, 0.9));
        ERRORS.put("adam_beta1", () -> new Adam(P(), 0.1).betas(0.9, -0.5));
        ERRORS.put("adam_eps", () -> new Adam(P(), 0.1).eps(-1e-8));
        ERRORS.put("adam_weight_decay", () -> new Adam(P(), 0.1).weightDecay(-0.25));
        ERRORS.put("rmsprop_alpha", () -> new RMSprop(P(), 0.1).alpha(-0.5));
        ERRORS.put("adagrad_lr_decay", () -> new Adagrad(P(), 0.1).lrDecay(-1.0));
        ERRORS.put("adagrad_initial", () -> new Adagrad(P(), 0.1).initialAccumulatorValue(-2.0));
        ERRORS.put("load_groups", () -> {
            List<Tensor> ps = P();
            SGD two = new SGD(ps.subList(0, 2), 0.1);
            two.addParamGroup(P().subList(2, 3), Map.of());
            new SGD(P(), 0.1).loadStateDict(two.stateDict());
        });
        ERRORS.put("load_sizes", () -> new SGD(P(), 0.1).loadStateDict(new SGD(P().subList(0, 2), 0.1).stateDict()));
        ERRORS.put("linear_start", () -> new LinearLR(new SGD(P(), 0.1), 1.5, 1.0, 5));
        ERRORS.put("linear_end", () -> new LinearLR(new SGD(P(), 0.1), 1.0 / 3, -0.5, 5));
        ERRORS.put("plateau_factor", () -> new ReduceLROnPlateau(new SGD(P(), 0.1)).factor(1.0));
        ERRORS.put("plateau_mode", () -> new ReduceLROnPlateau(new SGD(P(), 0.1)).mode("best"));
        ERRORS.put("plateau_threshold_mode", () -> new ReduceLROnPlateau(new SGD(P(), 0.1)).threshold(1e-4, "relative"));
        ERRORS.put("onecycle_total", () -> new OneCycleLR(new SGD(P(), 0.1, 0.9), 0.1, 0));
        ERRORS.put("onecycle_pct", () -> new OneCycleLR(new SGD(P(), 0.1, 0.9), 0.1, 10).pctStart(1.5));
        ERRORS.put("onecycle_anneal", () -> new OneCycleLR(new SGD(P(), 0.1, 0.9), 0.1, 10).annealStrategy("exp"));
        ERRORS.put("onecycle_momentum", () -> new OneCycleLR(new Adagrad(P(), 0.1), 0.1, 10));
        ERRORS.put("onecycle_past_end", () -> {
            OneCycleLR s = new OneCycleLR(new SGD(P(), 0.1, 0.9), 0.1, 3);
            for (int k = 0; k < 4; k++) s.step();
        });
    }

    @TestFactory
    Stream<DynamicTest> misuseMessagesArePyTorchs() {
        List<DynamicTest> tests = new ArrayList<>();
        int seen = 0;
        for (var line : OptimTest.GOLDEN.lines()) {
            if (!line.text().startsWith("error\t")) continue;
            seen++;
            String[] f = line.text().split("\t");
            Runnable call = ERRORS.get(f[1]);
            tests.add(DynamicTest.dynamicTest(f[1], () -> {
                assertTrue(call != null, line.where() + ": no Java call for " + f[1]);
                assertTrue(f[2].startsWith("ValueError "), line.where());
                var e = assertThrows(IllegalArgumentException.class, call::run, line.where());
                assertEquals(f[2].substring("ValueError ".length()), e.getMessage(), line.where());
            }));
        }
        assertEquals(ERRORS.size(), seen, "every Java case has a golden line");
        return tests.stream();
    }

    static final Map<String, Supplier<Optimizer>> LAYOUTS = new LinkedHashMap<>();

    static String desc(Object v) {
        if (v == null) return "None";
        if (v instanceof Tensor t) {
            StringBuilder sb = new StringBuilder(t.dtype().toString().replace("torch.", "")).append('[');
            long[] s = t.shape();
            for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ", ").append(s[i]);
            return sb.append(']').toString();
        }
        if (v instanceof Boolean b) return "bool:" + (b ? "True" : "False");
        if (v instanceof Number n) return "num:" + n.doubleValue();
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Double) {
            StringBuilder sb = new StringBuilder("tuple:(");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ", ").append(org.autograd4j.Torch.str(l.get(i)));
            return sb.append(')').toString();
        }
        return String.valueOf(v);
    }

    /** The golden's int:/float: values as one numeric form (Java keeps every numeric option a double). */
    static String numeric(String golden) {
        var m = java.util.regex.Pattern.compile("(?:int|float):([-0-9.e+]+)").matcher(golden);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, "num:" + Double.parseDouble(m.group(1)));
        m.appendTail(sb);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static String layout(Optimizer o) {
        Map<String, Object> sd = o.stateDict();
        StringBuilder st = new StringBuilder();
        for (var e : ((Map<Integer, Map<String, Object>>) sd.get("state")).entrySet()) {
            st.append(st.isEmpty() ? "" : ";").append(e.getKey()).append(':');
            StringBuilder kv = new StringBuilder();
            for (var s : e.getValue().entrySet()) kv.append(kv.isEmpty() ? "" : ",").append(s.getKey()).append('=').append(desc(s.getValue()));
            st.append(kv);
        }
        StringBuilder gr = new StringBuilder();
        for (Map<String, Object> g : (List<Map<String, Object>>) sd.get("param_groups")) {
            gr.append(gr.isEmpty() ? "" : ";");
            StringBuilder kv = new StringBuilder();
            for (var e : g.entrySet()) {
                kv.append(kv.isEmpty() ? "" : ",").append(e.getKey()).append('=')
                        .append(e.getKey().equals("params") ? e.getValue().toString() : desc(e.getValue()));
            }
            gr.append(kv);
        }
        return st + "\t" + gr;
    }

    @TestFactory
    Stream<DynamicTest> stateDictLayoutIsPyTorchs() {
        Map<String, java.util.function.Function<List<Tensor>, Optimizer>> make = new LinkedHashMap<>();
        make.put("sgd", p -> new SGD(p, 0.1));
        make.put("sgd_momentum", p -> new SGD(p, 0.1, 0.9));
        make.put("adam", p -> new Adam(p, 0.01));
        make.put("adam_amsgrad", p -> new Adam(p, 0.01).amsgrad(true));
        make.put("adamw", p -> new AdamW(p, 0.01));
        make.put("rmsprop", p -> new RMSprop(p, 0.01));
        make.put("rmsprop_centered_momentum", p -> new RMSprop(p, 0.01).centered(true).momentum(0.5));
        make.put("adagrad", p -> new Adagrad(p, 0.01));
        return OptimTest.GOLDEN.lines().stream().filter(l -> l.text().startsWith("layout\t")).map(line -> {
            String[] f = line.text().split("\t", 3);
            return DynamicTest.dynamicTest(f[1], () -> {
                List<Tensor> ps = P();
                Optimizer o = stepped(make.get(f[1]).apply(ps), ps, 2);
                assertEquals(numeric(f[2]), layout(o), line.where());
            });
        });
    }

    @Test
    void zeroGradZeroesInPlaceOrClears() {
        List<Tensor> ps = P();
        SGD o = new SGD(ps, 0.1);
        OptimTest.loss(ps).backward();
        Tensor g = ps.get(0).grad();
        o.zeroGrad();
        // zeroed in place: the tensor read before zeroGrad is now zero too, as PyTorch's grad.zero_()
        for (double v : g.toDoubleArray()) assertEquals(0.0, v);
        for (double v : ps.get(0).grad().toDoubleArray()) assertEquals(0.0, v);
        OptimTest.loss(ps).backward();
        o.zeroGrad(true);
        for (Tensor p : ps) assertNull(p.grad());
    }

    @Test
    void stepWithAClosureFollowsTheSameTrajectory() {
        // the golden's first case, SGD lr 0.1, driven through step(closure) under noGrad: same bits
        String[] f = OptimTest.GOLDEN.lines().stream().filter(l -> l.text().startsWith("case\topt=sgd;opt.lr=0.1\t"))
                .findFirst().orElseThrow().text().split("\t");
        String[] expected = f[2].split(" ");
        List<Tensor> ps = P();
        SGD o = new SGD(ps, 0.1);
        try (var _ = org.autograd4j.Torch.noGrad()) {
            for (int k = 0; k < 5; k++) {
                Tensor loss = o.step(() -> {
                    o.zeroGrad();
                    Tensor l = OptimTest.loss(ps);
                    l.backward();
                    return l;
                });
                assertTrue(loss.gradFn() != null, "the closure ran with gradients on");
                StringBuilder sb = new StringBuilder();
                for (Tensor p : ps) for (long b : GoldenFile.bitsOf(p)) sb.append(sb.isEmpty() ? "" : ",").append(String.format("%08x", b));
                assertEquals(expected[k].substring(0, expected[k].indexOf('|')), sb.toString(), "step " + (k + 1));
            }
        }
    }

    @Test
    void builderSettersLeaveAGroupsOwnOptions() {
        List<Tensor> ps = P();
        SGD o = new SGD(ps.subList(0, 2), 0.1);
        o.addParamGroup(ps.subList(2, 3), Map.of("momentum", 0.5));
        o.momentum(0.9);
        assertEquals(0.9, o.paramGroups().get(0).getDouble("momentum"));
        assertEquals(0.5, o.paramGroups().get(1).getDouble("momentum"));
        assertEquals(0.1, o.paramGroups().get(1).lr());
        assertThrows(IllegalArgumentException.class, () -> o.addParamGroup(P(), Map.of("betas", List.of(0.9, 0.99))));
    }
}
