package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * PyTorch's {@code torch.autograd.gradcheck} and {@code gradgradcheck} (slow mode): the Jacobian of a function
 * computed by central differences, {@code (f(x + ε) − f(x − ε)) / 2ε} per input element, compared with the one
 * its derivatives give (one backward per output element; with {@link Options#checkForwardAd} also one forward-mode
 * pass per input element) by {@code |analytical − numerical| ≤ atol + rtol·|numerical|}. Use float64 inputs.
 *
 * <p>A mismatch raises {@link GradcheckError} with PyTorch's report, e.g.
 * {@code Jacobian mismatch for output 0 with respect to input 0,\nnumerical:tensor(...)\nanalytical:tensor(...)\n},
 * where each Jacobian has a row per input element and a column per output element; with
 * {@code raiseException(false)} the check returns false instead. As PyTorch, the check also runs every backward
 * twice (reentrancy) and checks that a zero output gradient gives zero input gradients.
 *
 * <pre>{@code
 * GradCheck.gradcheck(x -> x.sin().mul(x), x);                          // gradcheck(lambda x: x.sin() * x, (x,))
 * GradCheck.gradcheck(f, List.of(a, b), GradCheck.options().checkForwardAd(true));
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** PyTorch's {@code GradcheckError}: the gradients did not pass. */
    public static final class GradcheckError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * A failure with PyTorch's message.
         *
         * @param message the report
         */
        public GradcheckError(String message) {
            super(message);
        }
    }

    /**
     * The keyword arguments of {@code gradcheck} and {@code gradgradcheck}, PyTorch's defaults:
     * {@code eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0, check_forward_ad=False,
     * check_backward_ad=True}.
     */
    public static final class Options {
        private double eps = 1e-6, atol = 1e-5, rtol = 1e-3, nondetTol = 0;
        private boolean raiseException = true, checkForwardAd, checkBackwardAd = true;

        private Options() {
        }

        /**
         * The finite-difference step.
         *
         * @param v the step
         * @return these options
         */
        public Options eps(double v) {
            eps = v;
            return this;
        }

        /**
         * The absolute tolerance.
         *
         * @param v the tolerance
         * @return these options
         */
        public Options atol(double v) {
            atol = v;
            return this;
        }

        /**
         * The relative tolerance.
         *
         * @param v the tolerance
         * @return these options
         */
        public Options rtol(double v) {
            rtol = v;
            return this;
        }

        /**
         * The tolerance between two backward passes on the same gradient (reentrancy).
         *
         * @param v the tolerance
         * @return these options
         */
        public Options nondetTol(double v) {
            nondetTol = v;
            return this;
        }

        /**
         * Whether a failure raises {@link GradcheckError} (true) or returns false.
         *
         * @param v the choice
         * @return these options
         */
        public Options raiseException(boolean v) {
            raiseException = v;
            return this;
        }

        /**
         * Whether to check the forward-mode (tangent) Jacobian too.
         *
         * @param v the choice
         * @return these options
         */
        public Options checkForwardAd(boolean v) {
            checkForwardAd = v;
            return this;
        }

        /**
         * Whether to check the reverse-mode Jacobian.
         *
         * @param v the choice
         * @return these options
         */
        public Options checkBackwardAd(boolean v) {
            checkBackwardAd = v;
            return this;
        }
    }

    /**
     * PyTorch's defaults, to adjust.
     *
     * @return new options
     */
    public static Options options() {
        return new Options();
    }

    /**
     * {@code gradcheck(f, (x,))} with PyTorch's defaults.
     *
     * @param f the function
     * @param x the input (float64, requires grad)
     * @return true (a failure raises {@link GradcheckError})
     */
    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor x) {
        return gradcheck(f, x, options());
    }

    /**
     * {@code gradcheck(f, (x,), ...)}.
     *
     * @param f the function
     * @param x the input
     * @param o the options
     * @return whether the gradients pass
     */
    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor x, Options o) {
        return gradcheckOutputs(in -> List.of(f.apply(in.get(0))), List.of(x), o);
    }

    /**
     * {@code gradcheck(f, inputs)} with PyTorch's defaults; inputs that do not require grad are constants.
     *
     * @param f the function
     * @param inputs its inputs
     * @return true (a failure raises {@link GradcheckError})
     */
    public static boolean gradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return gradcheck(f, inputs, options());
    }

    /**
     * {@code gradcheck(f, inputs, ...)}.
     *
     * @param f the function
     * @param inputs its inputs
     * @param o the options
     * @return whether the gradients pass
     */
    public static boolean gradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Options o) {
        return gradcheckOutputs(in -> List.of(f.apply(in)), inputs, o);
    }

    /**
     * {@code gradcheck} of a function with several outputs (a Python function returning a tuple).
     *
     * @param f the function
     * @param inputs its inputs
     * @param o the options
     * @return whether the gradients pass
     */
    public static boolean gradcheckOutputs(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, Options o) {
        if (!o.checkForwardAd && !o.checkBackwardAd) {
            throw new IllegalArgumentException("Expected at least one of check_forward_ad or check_backward_ad to be True");
        }
        if (!o.raiseException) {
            try {
                return check(f, inputs, o);
            } catch (GradcheckError e) {
                return false;
            }
        }
        return check(f, inputs, o);
    }

    /**
     * {@code gradgradcheck(f, (x,))}: gradcheck of the function's gradient (random output gradients in [-1, 1]).
     *
     * @param f the function
     * @param x the input
     * @return true (a failure raises {@link GradcheckError})
     */
    public static boolean gradgradcheck(UnaryOperator<Tensor> f, Tensor x) {
        return gradgradcheck(in -> List.of(f.apply(in.get(0))), List.of(x), null, options());
    }

    /**
     * {@code gradgradcheck(f, inputs)} with PyTorch's defaults.
     *
     * @param f the function
     * @param inputs its inputs
     * @return true (a failure raises {@link GradcheckError})
     */
    public static boolean gradgradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return gradgradcheck(in -> List.of(f.apply(in)), inputs, null, options());
    }

    /**
     * {@code gradgradcheck(f, inputs, grad_outputs, ...)}: {@link #gradcheck} of
     * {@code (inputs, gradOutputs) → autograd.grad(f(inputs), inputs, gradOutputs, create_graph=True)}.
     *
     * @param f the function
     * @param inputs its inputs
     * @param gradOutputs the output gradients (null: random in [-1, 1), requiring grad, as PyTorch's)
     * @param o the options
     * @return whether the second derivatives pass
     */
    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> gradOutputs,
            Options o) {
        List<Tensor> gos = gradOutputs;
        if (gos == null) {
            Random r = new Random(0);
            gos = new ArrayList<>();
            for (Tensor out : differentiable(f.apply(inputs))) {
                double[] v = new double[(int) out.numel()];
                for (int i = 0; i < v.length; i++) v[i] = 2 * r.nextDouble() - 1;
                DType t = out.dtype().isFloatingPoint() ? out.dtype() : DType.FLOAT64;
                gos.add(Torch.tensor(v, t).reshape(out.shape()).requiresGrad_());
            }
        }
        int nIn = inputs.size(), nOut = gos.size();
        boolean[] diffIn = new boolean[nIn], diffOut = new boolean[nOut];
        for (int i = 0; i < nIn; i++) diffIn[i] = inputs.get(i).requiresGrad();
        for (int i = 0; i < nOut; i++) diffOut[i] = gos.get(i).requiresGrad();
        Function<List<Tensor>, List<Tensor>> newFunc = args -> {
            List<Tensor> ins = args.subList(0, nIn), go = args.subList(nIn, nIn + nOut);
            List<Tensor> outputs = differentiable(f.apply(ins));
            List<Tensor> diffArgs = new ArrayList<>();
            for (int i = 0; i < nIn; i++) if (diffIn[i]) diffArgs.add(ins.get(i));
            List<Tensor> grads = Autograd.grad(outputs, diffArgs, go, true, true, true);
            List<Tensor> r = new ArrayList<>();
            for (Tensor g : grads) if (g != null) r.add(g);
            return r;
        };
        List<Tensor> all = new ArrayList<>(inputs);
        all.addAll(gos);
        return gradcheckOutputs(newFunc, all, o);
    }

    // ------------------------------------------------------------------ the check

    private static List<Tensor> differentiable(List<Tensor> outs) {
        List<Tensor> r = new ArrayList<>();
        for (Tensor t : outs) if (t.requiresGrad()) r.add(t);
        return r;
    }

    private static boolean check(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, Options o) {
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (!t.requiresGrad()) continue;
            long[] st = t.stride(), sh = t.shape();
            for (int d = 0; d < sh.length; d++) {
                if (st[d] == 0 && sh[d] > 1) {
                    throw new IllegalArgumentException("The " + i + "th input has a dimension with stride 0. gradcheck only supports "
                            + "inputs that are non-overlapping to be able to compute the numerical gradients correctly. You should "
                            + "call .contiguous on the input before passing it to gradcheck.");
                }
            }
            diff.add(i);
        }
        if (diff.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient, but none of the them "
                    + "have requires_grad=True.");
        }
        List<Tensor> funcOut = f.apply(inputs);
        List<Integer> outIdx = new ArrayList<>();
        for (int j = 0; j < funcOut.size(); j++) if (funcOut.get(j).requiresGrad()) outIdx.add(j);
        // numerical[k][j]: d(output j)/d(diff input k), rows input elements, columns output elements
        Tensor[][] numerical = numericalJacobian(f, inputs, diff, funcOut, o.eps);
        if (outIdx.isEmpty()) {
            for (Tensor[] row : numerical) {
                for (Tensor n : row) {
                    if (n.ne(0.0).sum().item() > 0) throw new GradcheckError("Numerical gradient for function expected to be zero");
                }
            }
            return true;
        }
        if (o.checkBackwardAd) {
            for (int i = 0; i < outIdx.size(); i++) {
                Tensor out = funcOut.get(outIdx.get(i));
                Tensor[] analytical = analyticalJacobian(inputs, diff, out, o.nondetTol);
                for (int k = 0; k < diff.size(); k++) {
                    Tensor n = numerical[k][outIdx.get(i)];
                    if (!allclose(analytical[k], n, o.rtol, o.atol)) throw new GradcheckError(report(analytical[k], n, i, k, false));
                }
            }
        }
        if (o.checkForwardAd) {
            Tensor[][] forward = forwardJacobian(f, inputs, diff, funcOut);
            for (int i = 0; i < outIdx.size(); i++) {
                for (int k = 0; k < diff.size(); k++) {
                    Tensor a = forward[k][outIdx.get(i)], n = numerical[k][outIdx.get(i)];
                    if (!allclose(a, n, o.rtol, o.atol)) throw new GradcheckError(report(a, n, i, k, true));
                }
            }
        }
        if (!o.checkBackwardAd) return true;
        backwardMultipliedByGradOutput(differentiable(funcOut), inputs, diff);
        return true;
    }

    /** PyTorch's {@code _get_notallclose_msg}. */
    private static String report(Tensor analytical, Tensor numerical, int output, int input, boolean forward) {
        return "Jacobian " + (forward ? "computed with forward mode " : "") + "mismatch for output " + output + " with respect to input "
                + input + ",\nnumerical:" + numerical + "\nanalytical:" + analytical + "\n";
    }

    /** {@code torch.allclose(a, n, rtol, atol)}: |a − n| ≤ atol + rtol·|n| everywhere (NaNs unequal). */
    private static boolean allclose(Tensor a, Tensor n, double rtol, double atol) {
        double[] x = a.toDoubleArray(), y = n.toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) continue;
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
        }
        return true;
    }

    /** Central differences, perturbing each element of each differentiable input in place (as PyTorch). */
    private static Tensor[][] numericalJacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Integer> diff,
            List<Tensor> funcOut, double eps) {
        Tensor[][] jac = new Tensor[diff.size()][funcOut.size()];
        for (int k = 0; k < diff.size(); k++) {
            Tensor x = inputs.get(diff.get(k));
            int n = (int) x.numel();
            double[][][] cols = new double[funcOut.size()][n][];
            // written through an alias with a version counter of its own (PyTorch writes through x.data), so the
            // graph already recorded for the outputs stays usable
            Tensor flat = ForwardAD.wrap(ForwardAD.impl(x).alias());
            // grad mode as it is: gradgradcheck's function calls autograd.grad
            for (int e = 0; e < n; e++) {
                long[] at = unravel(e, x.shape());
                Tensor entry = element(flat, at);
                double orig = entry.item();
                entry.fill_(orig - eps);
                List<Tensor> a = f.apply(inputs);
                double[][] outA = values(a);
                entry.fill_(orig + eps);
                double[][] outB = values(f.apply(inputs));
                entry.fill_(orig);
                for (int j = 0; j < funcOut.size(); j++) {
                    double[] d = new double[outA[j].length];
                    for (int m = 0; m < d.length; m++) d[m] = (outB[j][m] - outA[j][m]) / (2 * eps);
                    cols[j][e] = d;
                }
            }
            for (int j = 0; j < funcOut.size(); j++) jac[k][j] = matrix(cols[j], n, (int) funcOut.get(j).numel());
        }
        return jac;
    }

    private static double[][] values(List<Tensor> outs) {
        double[][] r = new double[outs.size()][];
        for (int j = 0; j < r.length; j++) r[j] = outs.get(j).detach().toDoubleArray();
        return r;
    }

    private static long[] unravel(int e, long[] shape) {
        long[] at = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = e % shape[d];
            e /= (int) shape[d];
        }
        return at;
    }

    private static Tensor element(Tensor t, long[] at) {
        Tensor r = t;
        for (long i : at) r = r.select(0, i);
        return r;
    }

    /** An n × m float64 matrix from rows (a null row is zeros). */
    private static Tensor matrix(double[][] rows, int n, int m) {
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) if (rows[i] != null) System.arraycopy(rows[i], 0, flat, i * m, m);
        return Torch.tensor(flat, DType.FLOAT64).reshape(n, m);
    }

    /** One backward per output element, twice (reentrancy), as PyTorch's {@code _check_analytical_jacobian_attributes}. */
    private static Tensor[] analyticalJacobian(List<Tensor> inputs, List<Integer> diff, Tensor out, double nondetTol) {
        Tensor[] first = analyticalRows(inputs, diff, out), second = analyticalRows(inputs, diff, out);
        for (int k = 0; k < diff.size(); k++) {
            double[] a = first[k].toDoubleArray(), b = second[k].toDoubleArray();
            for (int i = 0; i < a.length; i++) {
                if (!(Math.abs(a[i] - b[i]) <= nondetTol) && a[i] != b[i]) {
                    throw new GradcheckError("Backward is not reentrant, i.e., running backward with same input and grad_output multiple "
                            + "times gives different values, although analytical gradient matches numerical gradient."
                            + "The tolerance for nondeterminism was " + Torch.str(nondetTol) + "." + FAILED_NONDET_MSG);
                }
            }
        }
        return first;
    }

    /** PyTorch's {@code FAILED_NONDET_MSG}, appended to the reentrancy failure. */
    private static final String FAILED_NONDET_MSG = "\n\nNOTE: If your op relies on non-deterministic operations i.e., it is listed here:\n"
            + "https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html\n"
            + "this failure might be expected.\n\n"
            + "If you are adding a new operator, please file an issue and then use one of the\n"
            + "workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.\n"
            + "If the test\n"
            + "- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck\n"
            + "  with `nondet_tol=<tol>` as a keyword argument.\n"
            + "- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test\n"
            + "  to have `gradcheck_nondet_tol=<tol>`.\n"
            + "- is a Module test (e.g., in common_nn.py), then modify the corresponding\n"
            + "  module_test entry to have `gradcheck_nondet_tol=<tol>`\n";

    private static Tensor[] analyticalRows(List<Tensor> inputs, List<Integer> diff, Tensor out) {
        int m = (int) out.numel();
        List<Tensor> xs = new ArrayList<>();
        for (int k : diff) xs.add(inputs.get(k));
        double[][][] cols = new double[diff.size()][m][];
        for (int j = 0; j < m; j++) {
            double[] onehot = new double[m];
            onehot[j] = 1;
            Tensor go = Torch.tensor(onehot, out.dtype()).reshape(out.shape());
            List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(go), true, false, true);
            for (int k = 0; k < diff.size(); k++) {
                Tensor g = grads.get(k);
                if (g != null && !Arrays.equals(g.shape(), xs.get(k).shape())) {
                    throw new GradcheckError("Analytical gradient has incorrect size");
                }
                cols[k][j] = g == null ? null : g.toDoubleArray();
            }
        }
        Tensor[] r = new Tensor[diff.size()];
        for (int k = 0; k < diff.size(); k++) {
            int n = (int) xs.get(k).numel();
            double[][] rows = new double[n][m];
            for (int j = 0; j < m; j++) {
                if (cols[k][j] == null) continue;
                for (int i = 0; i < n; i++) rows[i][j] = cols[k][j][i];
            }
            r[k] = matrix(rows, n, m);
        }
        return r;
    }

    /** One forward-mode pass per input element, as PyTorch's {@code _get_analytical_jacobian_forward_ad}. */
    private static Tensor[][] forwardJacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Integer> diff,
            List<Tensor> funcOut) {
        Tensor[][] jac = new Tensor[diff.size()][funcOut.size()];
        for (int k = 0; k < diff.size(); k++) {
            Tensor x = inputs.get(diff.get(k));
            int n = (int) x.numel();
            double[][][] rows = new double[funcOut.size()][n][];
            for (int e = 0; e < n; e++) {
                double[] onehot = new double[n];
                onehot[e] = 1;
                try (ForwardAD.DualLevel level = ForwardAD.dualLevel()) {
                    List<Tensor> duals = new ArrayList<>();
                    for (int i = 0; i < inputs.size(); i++) {
                        Tensor in = inputs.get(i);
                        if (i == diff.get(k)) duals.add(ForwardAD.makeDual(in.detach(), Torch.tensor(onehot, in.dtype()).reshape(in.shape())));
                        else duals.add(in.requiresGrad() ? in.detach() : in);
                    }
                    List<Tensor> outs = f.apply(duals);
                    for (int j = 0; j < outs.size(); j++) {
                        Tensor t = ForwardAD.unpackDual(outs.get(j)).tangent();
                        rows[j][e] = t == null ? null : t.toDoubleArray();
                    }
                }
            }
            for (int j = 0; j < funcOut.size(); j++) jac[k][j] = matrix(rows[j], n, (int) funcOut.get(j).numel());
        }
        return jac;
    }

    /** PyTorch's {@code _test_backward_mul_by_grad_output}: zero output gradients give zero input gradients. */
    private static void backwardMultipliedByGradOutput(List<Tensor> outputs, List<Tensor> inputs, List<Integer> diff) {
        List<Tensor> xs = new ArrayList<>(), zeros = new ArrayList<>();
        for (int k : diff) xs.add(inputs.get(k));
        for (Tensor o : outputs) zeros.add(Torch.zerosLike(o));
        List<Tensor> grads = Autograd.grad(outputs, xs, zeros, false, false, true);
        for (int k = 0; k < xs.size(); k++) {
            Tensor g = grads.get(k);
            if (g == null) continue;
            if (g.ne(0.0).sum().item() > 0) throw new GradcheckError("backward not multiplied by grad_output");
            if (g.dtype() != xs.get(k).dtype()) throw new GradcheckError("grad is incorrect type");
            if (!Arrays.equals(g.shape(), xs.get(k).shape())) throw new GradcheckError("grad is incorrect size");
        }
    }
}
