package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The committed golden cases are the op table's: one list of ops and inputs, kept in the Java table. */
class OpCasesTest {
    @Test
    void committedCasesAreTheTables() throws IOException {
        try (InputStream in = OpCasesTest.class.getResourceAsStream("/goldens/op_cases.txt")) {
            assertNotNull(in, "missing " + OpCases.PATH);
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(OpCases.dump(), committed, "the op table changed: regenerate " + OpCases.PATH
                    + " and the goldens as OpCases' javadoc says");
        }
    }
}
