package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code Torch.config()} names what is really in use. */
class ConfigTest {
    @Test
    void configNamesVersionKernelsLibmAndJdk() {
        String c = Torch.config();
        assertTrue(c.startsWith("autograd4j 0."), c);
        // the build runs core's tests twice: with the Vector API (the default) and with -Dautograd4j.kernels=scalar
        String expected = "scalar".equals(System.getProperty("autograd4j.kernels")) ? "kernels: scalar" : "kernels: vector (Vector API, ";
        assertTrue(c.contains(expected), c);
        // core's own tests run without the optional glibc-math artifact
        assertTrue(c.contains("float64 libm: autograd4j built-in"), c);
        assertTrue(c.contains("JDK: " + Runtime.version()), c);
    }
}
