package org.autograd4j.jupyter;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jupyter kernel: Jupyter's messaging from {@code jupyter-jvm-basekernel}, the cells run by a
 * {@link JShellEvaluator}. A cell's output goes to the notebook as its stdout stream, the value of its last
 * expression as its {@code text/plain} result (a tensor's repr), and a compile error or exception as a
 * Jupyter error (ename, evalue, traceback).
 *
 * <p>Jupyter starts it as the kernelspec {@code install-kernel.sh} writes says:
 * {@code java -cp <this jar, the library jar, the framework's jars> org.autograd4j.jupyter.Kernel <connection-file>}.
 */
public final class Kernel extends BaseKernel {

    private final JShellEvaluator evaluator;
    private final LanguageInfo languageInfo;

    /**
     * A kernel over its own JShell session.
     *
     * @param evaluator the session the cells run in; the kernel closes it on shutdown
     */
    public Kernel(JShellEvaluator evaluator) {
        this.evaluator = evaluator;
        this.languageInfo = new LanguageInfo(
                "java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", "script");
    }

    /**
     * Serves Jupyter on the sockets the connection file names, until Jupyter shuts the kernel down.
     *
     * @param args one argument: the path of the connection file Jupyter wrote ({@code {connection_file}}
     *     in the kernelspec's argv)
     * @throws Exception when the file cannot be read or the sockets cannot be opened
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp ... org.autograd4j.jupyter.Kernel <connection-file>");
            System.exit(2);
        }
        // The framework logs every message it handles at INFO, on stderr, which Jupyter shows in its console,
        // under loggers named after its classes' simple names (no common parent): warnings only, from all.
        Logger.getLogger("").setLevel(Level.WARNING);
        KernelConnectionProperties props =
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JupyterConnection connection = new JupyterConnection(props);
        Kernel kernel = new Kernel(new JShellEvaluator());
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    /** {@inheritDoc} */
    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    /** {@inheritDoc} */
    @Override
    public String getBanner() {
        return "autograd4j: Java " + Runtime.version() + " (JShell), with import static org.autograd4j.Torch.*";
    }

    /**
     * Runs a cell: prints its output to the cell's stdout, returns its value, throws its error.
     *
     * @param code the cell's source
     * @return the value of the cell's last expression as {@code text/plain}, or {@code null} for none
     * @throws CellError the cell's compile error or exception, which the framework sends as a Jupyter error
     */
    @Override
    public DisplayData eval(String code) throws CellError {
        JShellEvaluator.Result r = evaluator.eval(code);
        if (!r.stdout().isEmpty()) {
            getIO().out.print(r.stdout());
            getIO().out.flush();
        }
        if (r.error() != null) {
            throw new CellError(r.error());
        }
        return r.value() == null ? null : new DisplayData(r.value());
    }

    /** {@inheritDoc} */
    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError cell) {
            return cell.error.traceback();
        }
        return super.formatError(e);
    }

    /** Stops the running cell (Jupyter's interrupt). */
    @Override
    public void interrupt() {
        evaluator.stop();
    }

    /** {@inheritDoc} */
    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }

    /**
     * A cell's failure on its way to Jupyter. The framework names a Jupyter error after the exception's
     * class and its message ({@code ErrorReply.of}), so the evaluator's ename leads the message.
     */
    public static final class CellError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient JShellEvaluator.Error error;

        /**
         * Wraps an evaluator's error.
         *
         * @param error the cell's compile error or exception
         */
        public CellError(JShellEvaluator.Error error) {
            super(error.ename() + ": " + error.evalue(), null, false, false);
            this.error = error;
        }

        /**
         * The error as the evaluator gave it.
         *
         * @return the cell's ename, evalue and traceback
         */
        public JShellEvaluator.Error error() {
            return error;
        }
    }
}
