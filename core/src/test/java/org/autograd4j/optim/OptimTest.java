package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer's and scheduler's 50-step trajectory on a small tanh network against PyTorch 1.13.1
 * (goldens/optim.txt from tools/goldens/gen_optim.py): the parameters after each step, float32 bit for bit
 * (float64 too, but for one case, see {@link #check}), and every group's learning rate, float64 bit for bit.
 */
class OptimTest {
    static final GoldenFile GOLDEN = GoldenFile.read("optim.txt");
    static final Map<String, Tensor> PROBLEM = new LinkedHashMap<>();

    static {
        for (var line : GOLDEN.lines()) {
            if (!line.text().startsWith("problem\t")) continue;
            String[] f = line.text().split("\t");
            PROBLEM.put(f[1], tensor(f[2], f[3]));
        }
    }

    static Tensor tensor(String shape, String hex) {
        String[] h = hex.split(",");
        double[] v = new double[h.length];
        for (int i = 0; i < h.length; i++) v[i] = GoldenFile.float32(h[i]);
        return Torch.tensor(v, DType.FLOAT32).reshape(GoldenFile.shape("[" + shape + "]"));
    }

    static Object parse(String v) {
        if (v.equals("True") || v.equals("False")) return v.equals("True");
        if (v.contains("/")) {
            List<Integer> out = new ArrayList<>();
            for (String p : v.split("/")) out.add(Integer.parseInt(p));
            return out;
        }
        if (v.matches("-?\\d+")) return Integer.parseInt(v);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Calls the builder setter named after a PyTorch keyword, e.g. weight_decay → weightDecay(double). */
    static void set(Object target, String key, Object value) {
        String name = GoldenFile.javaName(key);
        for (Method m : target.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1) continue;
            Class<?> t = m.getParameterTypes()[0];
            try {
                if (t == double.class) m.invoke(target, ((Number) value).doubleValue());
                else if (t == int.class) m.invoke(target, ((Number) value).intValue());
                else if (t == boolean.class) m.invoke(target, (Boolean) value);
                else if (t == String.class) m.invoke(target, (String) value);
                else continue;
                return;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
            }
        }
        throw new IllegalArgumentException("no setter " + name + " on " + target.getClass().getSimpleName());
    }

    /** The spec's k=v pairs. */
    static Map<String, String> spec(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String p : text.split(";")) {
            int eq = p.indexOf('=');
            kv.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return kv;
    }

    static Optimizer optimizer(Map<String, String> kv, List<Tensor> ps) {
        double lr = Double.parseDouble(kv.get("opt.lr"));
        boolean groups = kv.containsKey("groups");
        List<Tensor> first = groups ? ps.subList(0, 2) : ps;
        Optimizer opt = switch (kv.get("opt")) {
            case "sgd" -> new SGD(first, lr);
            case "adam" -> new Adam(first, lr);
            case "adamw" -> new AdamW(first, lr);
            case "rmsprop" -> new RMSprop(first, lr);
            case "adagrad" -> new Adagrad(first, lr);
            default -> throw new IllegalArgumentException(kv.get("opt"));
        };
        for (var e : kv.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("opt.") || k.equals("opt.lr") || k.equals("opt.beta2")) continue;
            if (k.equals("opt.beta1")) {
                double b1 = Double.parseDouble(e.getValue()), b2 = Double.parseDouble(kv.get("opt.beta2"));
                if (opt instanceof Adam a) a.betas(b1, b2);
                else ((AdamW) opt).betas(b1, b2);
                continue;
            }
            set(opt, k.substring(4), parse(e.getValue()));
        }
        if (groups) {
            Map<String, Object> own = new LinkedHashMap<>();
            for (var e : kv.entrySet()) if (e.getKey().startsWith("g1.")) own.put(e.getKey().substring(3), parse(e.getValue()));
            opt.addParamGroup(ps.subList(2, 3), own);
        }
        return opt;
    }

    static double s(Map<String, String> kv, String k) {
        return Double.parseDouble(kv.get("s." + k));
    }

    static int i(Map<String, String> kv, String k) {
        return Integer.parseInt(kv.get("s." + k));
    }

    @SuppressWarnings("unchecked")
    static Object scheduler(Map<String, String> kv, Optimizer opt) {
        String name = kv.get("sched");
        if (name == null) return null;
        return switch (name) {
            case "step" -> new StepLR(opt, i(kv, "step_size"), s(kv, "gamma"));
            case "multistep" -> new MultiStepLR(opt, (List<Integer>) parse(kv.get("s.milestones")), s(kv, "gamma"));
            case "exp" -> new ExponentialLR(opt, s(kv, "gamma"));
            case "cos" -> kv.containsKey("s.eta_min")
                    ? new CosineAnnealingLR(opt, i(kv, "T_max"), s(kv, "eta_min"))
                    : new CosineAnnealingLR(opt, i(kv, "T_max"));
            case "linear" -> new LinearLR(opt, s(kv, "start_factor"), s(kv, "end_factor"), i(kv, "total_iters"));
            case "onecycle" -> new OneCycleLR(opt, s(kv, "max_lr"), i(kv, "total_steps"))
                    .pctStart(s(kv, "pct_start"))
                    .annealStrategy(kv.get("s.anneal"))
                    .threePhase(kv.get("s.three_phase").equals("True"))
                    .cycleMomentum(kv.get("s.cycle_momentum").equals("True"));
            case "plateau" -> new ReduceLROnPlateau(opt)
                    .mode(kv.get("s.mode"))
                    .factor(s(kv, "factor"))
                    .patience(i(kv, "patience"))
                    .threshold(s(kv, "threshold"), kv.get("s.threshold_mode"))
                    .cooldown(i(kv, "cooldown"))
                    .minLr(s(kv, "min_lr"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The problem's parameters, fresh float32 leaves. */
    static List<Tensor> params() {
        return params(DType.FLOAT32);
    }

    /** The problem's parameters, fresh leaves of the given dtype. */
    static List<Tensor> params(DType dtype) {
        return List.of(PROBLEM.get("W1").to(dtype).clone().requiresGrad_(), PROBLEM.get("b").to(dtype).clone().requiresGrad_(),
                PROBLEM.get("W2").to(dtype).clone().requiresGrad_());
    }

    static DType dtype(Map<String, String> kv) {
        return "f64".equals(kv.get("dtype")) ? DType.FLOAT64 : DType.FLOAT32;
    }

    static Tensor loss(List<Tensor> ps) {
        DType t = ps.get(0).dtype();
        return PROBLEM.get("x").to(t).mm(ps.get(0)).add(ps.get(1)).tanh().mm(ps.get(2)).sub(PROBLEM.get("y").to(t)).pow(2).mean();
    }

    /**
     * The float64 cases that drift from the golden in the last bit (from step 26 on): centered RMSprop with momentum.
     * Its update runs the same fused ops as the other RMSprop cases, which match bit for bit; the drift comes from
     * PyTorch's float64 {@code mm} (OpenBLAS, whose kernel and summation order depend on the machine): rerun on another
     * machine, PyTorch's own parameters after step 26 differ from the golden's in the last bit. So this case alone
     * keeps a 1e-13 relative tolerance.
     */
    static final java.util.Set<String> F64_DRIFT = java.util.Set.of("opt=rmsprop;dtype=f64;opt.lr=0.005;opt.momentum=0.5;opt.centered=True");

    /**
     * Every step's record bit for bit, float32 and float64 (the optimizers use PyTorch's fused add(alpha), addcmul and
     * addcdiv kernels, one rounding where PyTorch has one), except the {@link #F64_DRIFT} cases: the learning rates bit
     * for bit and the parameters within 1e-13 relative.
     */
    static void check(String spec, String expected, String actual, String where) {
        if (!F64_DRIFT.contains(spec)) {
            assertEquals(expected, actual, where);
            return;
        }
        String[] e = expected.split("\\|"), a = actual.split("\\|");
        assertEquals(e[1], a[1], where + " lr");
        String[] ev = e[0].split(","), av = a[0].split(",");
        assertEquals(ev.length, av.length, where);
        for (int i = 0; i < ev.length; i++) {
            double x = GoldenFile.float64(ev[i]), y = GoldenFile.float64(av[i]);
            assertEquals(x, y, 1e-13 * Math.max(1, Math.abs(x)), where + " element " + i);
        }
    }

    /** One step of the golden's loop; returns the step's record in the golden's format. */
    static String step(int k, Optimizer opt, Object sched, List<Tensor> ps) {
        opt.zeroGrad();
        loss(ps).backward();
        opt.step();
        List<Double> lrs = new ArrayList<>();
        if (sched instanceof ReduceLROnPlateau p) p.step(1.0 / (1 + Math.min(k, 10)));
        else if (sched instanceof LRScheduler l) l.step();
        if (sched instanceof LRScheduler l) lrs.addAll(l.getLastLr());
        else for (ParamGroup g : opt.paramGroups()) lrs.add(g.lr());
        StringBuilder sb = new StringBuilder();
        for (Tensor p : ps) {
            String fmt = p.dtype() == DType.FLOAT64 ? "%016x" : "%08x";
            for (long b : GoldenFile.bitsOf(p)) sb.append(sb.isEmpty() ? "" : ",").append(String.format(fmt, b));
        }
        sb.append('|');
        for (int j = 0; j < lrs.size(); j++) sb.append(j == 0 ? "" : ",").append(String.format("%016x", Double.doubleToRawLongBits(lrs.get(j))));
        return sb.toString();
    }

    /**
     * Twenty steps, then the state dicts into a fresh optimizer (and scheduler) over copies of the parameters:
     * the remaining thirty steps still follow PyTorch's trajectory.
     */
    @TestFactory
    Stream<DynamicTest> stateDictRoundTripContinuesTheTrajectory() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("case\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, String> kv = spec(f[1]);
                List<Tensor> ps = params(dtype(kv));
                Optimizer opt = optimizer(kv, ps);
                Object sched = scheduler(kv, opt);
                String[] expected = f[2].split(" ");
                for (int k = 1; k <= 20; k++) step(k, opt, sched, ps);
                Map<String, Object> optState = opt.stateDict();
                Map<String, Object> schedState = sched instanceof LRScheduler l ? l.stateDict()
                        : sched instanceof ReduceLROnPlateau p ? p.stateDict() : null;
                List<Tensor> copies = new ArrayList<>();
                for (Tensor p : ps) copies.add(p.detach().clone().requiresGrad_());
                Optimizer opt2 = optimizer(kv, copies);
                Object sched2 = scheduler(kv, opt2);
                opt2.loadStateDict(optState);
                if (sched2 instanceof LRScheduler l) l.loadStateDict(schedState);
                if (sched2 instanceof ReduceLROnPlateau p) p.loadStateDict(schedState);
                // the first optimizer runs on before the second: loaded state must be a copy, not shared
                for (int k = 21; k <= 50; k++) step(k, opt, sched, ps);
                for (int k = 21; k <= 50; k++) {
                    check(f[1], expected[k - 1], step(k, opt2, sched2, copies), line.where() + " step " + k);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> trajectoriesMatchPyTorch() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("case\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, String> kv = spec(f[1]);
                List<Tensor> ps = params(dtype(kv));
                Optimizer opt = optimizer(kv, ps);
                Object sched = scheduler(kv, opt);
                String[] expected = f[2].split(" ");
                assertEquals(50, expected.length, line.where());
                for (int k = 1; k <= expected.length; k++) {
                    check(f[1], expected[k - 1], step(k, opt, sched, ps), line.where() + " step " + k);
                }
            });
        });
    }
}
