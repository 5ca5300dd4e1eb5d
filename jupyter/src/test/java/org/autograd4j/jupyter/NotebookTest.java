package org.autograd4j.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The repository's notebook, run cell by cell through {@link JShellEvaluator} (no Jupyter), prints the
 * tutorial's transcript (examples/src/test/resources/tutorial-transcript.txt, which TutorialTest holds the
 * Java tutorial to), object addresses aside: each cell's output, then its value on a line of its own, as
 * the notebook shows them. tools/notebook/run.sh checks the same through Jupyter itself.
 */
class NotebookTest {

    @Test
    void theTutorialNotebookPrintsTheTranscript() throws IOException {
        // The pom passes both paths; the fallbacks serve a run from the module's folder in an IDE.
        Path notebook = Path.of(System.getProperty("autograd4j.notebook", "../notebooks/autograd-tutorial.ipynb"));
        Path transcript = Path.of(System.getProperty("autograd4j.transcript",
                "../examples/src/test/resources/tutorial-transcript.txt"));
        // Gson (2.8.5) comes with the Jupyter framework; its tree parser needs no reflection.
        JsonObject nb = new JsonParser().parse(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("autograd4j", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(),
                "the notebook's kernelspec");

        StringBuilder shown = new StringBuilder();
        int codeCells = 0;
        try (JShellEvaluator evaluator = new JShellEvaluator()) {
            for (JsonElement c : nb.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) {
                    continue;
                }
                codeCells++;
                String source = joined(cell.get("source"));
                JShellEvaluator.Result r = evaluator.eval(source);
                assertNull(r.error(), () -> "cell " + source + " failed: " + r.error());
                shown.append(r.stdout());
                if (r.value() != null) {
                    shown.append(r.value()).append('\n');
                }
            }
        }
        assertTrue(codeCells > 10, "the notebook has " + codeCells + " code cells");
        String got = shown.toString().replace(System.lineSeparator(), "\n")
                .replaceAll("object at 0x[0-9a-f]+", "object at 0x…");
        assertEquals(Files.readString(transcript, StandardCharsets.UTF_8), got);
    }

    /** nbformat stores a cell's source as one string or as a list of lines (each with its newline). */
    static String joined(JsonElement source) {
        if (!source.isJsonArray()) {
            return source.getAsString();
        }
        StringBuilder sb = new StringBuilder();
        JsonArray lines = source.getAsJsonArray();
        for (JsonElement line : lines) {
            sb.append(line.getAsString());
        }
        return sb.toString();
    }
}
