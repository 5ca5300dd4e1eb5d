package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's "Tensors" tutorial prints exactly what its Python twin printed in PyTorch 1.13.1
 * (tensors-tutorial-transcript.txt, from tools/goldens/gen_tensors_tutorial.py), random tensors included.
 */
class TensorsTutorialTest {
    @Test
    void printsWhatThePythonTutorialPrints() throws IOException {
        String got = CustomFunctionExamplesTest.run(TensorsTutorial::main);
        assertEquals(CustomFunctionExamplesTest.transcript("tensors-tutorial-transcript.txt"), got);
    }
}
