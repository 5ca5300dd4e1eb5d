package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * PyTorch's UserWarnings as Python's default filter prints them: one stderr line
 * {@code File.java:line: UserWarning: message} naming the caller, once per call site; {@code T}'s once per run;
 * none after {@code Torch.setWarnings(false)}. (The message texts are checked against PyTorch in
 * EverydayGoldenTest's {@code warn.*} cases.)
 */
@Isolated
class WarningsTest {
    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    private static List<String> stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean was = PyWarnings.isEnabled();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            PyWarnings.setEnabled(true);
            r.run();
        } finally {
            System.setErr(old);
            PyWarnings.setEnabled(was);
        }
        return buf.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void nonLeafGradWarnsOncePerCallSite() {
        Tensor x = Torch.ones(2).requiresGrad_();
        Tensor y = x.mul(2);
        int[] at = new int[2];
        List<String> err = stderrOf(() -> {
            for (int i = 0; i < 3; i++) {
                at[0] = line(); y.grad();
            }
            at[1] = line(); y.grad();
            x.grad(); // a leaf: no warning
        });
        String msg = ": UserWarning: " + PyWarnings.NON_LEAF_GRAD;
        assertEquals(List.of("WarningsTest.java:" + at[0] + msg, "WarningsTest.java:" + at[1] + msg), err);
    }

    @Test
    void switchedOffPrintsNothing() {
        Tensor y = Torch.ones(2).requiresGrad_().mul(2);
        List<String> err = stderrOf(() -> {
            Torch.setWarnings(false);
            y.grad();
        });
        assertEquals(List.of(), err);
    }

    @Test
    void transposeOfAVectorWarnsOncePerRun() {
        int[] at = new int[1];
        List<String> err = stderrOf(() -> {
            at[0] = line(); Torch.ones(3).T();
            Torch.ones(2, 3, 4).T();
            Torch.ones(2, 3).T(); // 2-d: never warns
        });
        // once per run: another test of this JVM may have triggered it first
        if (!err.isEmpty()) assertEquals(List.of("WarningsTest.java:" + at[0] + ": UserWarning: " + PyWarnings.T_NOT_2D), err);
        assertEquals(List.of(), stderrOf(() -> Torch.ones(3).T()));
    }
}
