package org.autograd4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.autograd4j.benchmarks.Workloads.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Java workload computes what its PyTorch twin computes: the first call's fingerprint (sum and sum of
 * absolute values of the result, from the same seeded inputs) against PyTorch's, which
 * {@code tools/bench/gen_fingerprints.py} wrote from {@code tools/bench/torch_worker.py}'s twins.
 */
class WorkloadsTest {
    /** Both sides round in float32, in different orders: allow that, relative to the result's magnitude. */
    static final double TOLERANCE = 1e-5;

    static Map<String, double[]> golden() throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        try (InputStream in = WorkloadsTest.class.getResourceAsStream("/workload-fingerprints.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                m.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return m;
    }

    // sgemm_2048 is left out: its body is sgemm_1024's at twice the size, and it is the slowest call here.
    static Stream<String> names() {
        return Workloads.all().stream().map(Workload::name).filter(n -> !n.equals("sgemm_2048"));
    }

    @Test
    void everyWorkloadHasATwinAndEveryTwinAWorkload() throws IOException {
        assertEquals(List.copyOf(golden().keySet()), Workloads.all().stream().map(Workload::name).toList(),
                "Workloads.all() and torch_worker.py's WORKLOADS (via workload-fingerprints.txt) differ");
    }

    @ParameterizedTest
    @MethodSource("names")
    void firstCallMatchesPyTorch(String name) throws IOException {
        double[] expected = golden().get(name);
        double[] actual = Workloads.fingerprint(Workloads.byName(name).newStep().run());
        double tol = TOLERANCE * expected[1] + 1e-9;
        assertTrue(Math.abs(actual[0] - expected[0]) <= tol && Math.abs(actual[1] - expected[1]) <= tol,
                name + ": sum " + actual[0] + ", sum of |x| " + actual[1] + "; PyTorch " + expected[0] + ", "
                        + expected[1] + " (tolerance " + tol + ")");
    }

    @Test
    void fingerprintIsTheSumAndTheSumOfMagnitudes() {
        double[] f = Workloads.fingerprint(org.autograd4j.Torch.tensor(1.5, -2.0, 0.25));
        assertEquals(-0.25, f[0]);
        assertEquals(3.75, f[1]);
    }
}
