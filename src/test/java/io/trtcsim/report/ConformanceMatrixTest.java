package io.trtcsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceMatrixTest {

    @TempDir
    Path folder;

    private Path junit(String name, String cases) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "<testsuite>" + cases + "</testsuite>");
        return file;
    }

    @Test
    void putsEveryScenarioOfEveryStackInOneTableWithTheFiguresAfterIt() throws Exception {
        Path embedded = junit("embedded.xml", """
                <testcase classname="Basic call" name="Alice calls Bob"/>
                <testcase classname="Muting" name="Alice mutes"/>""");
        Path janus = junit("janus.xml", """
                <testcase classname="Basic call" name="Alice calls Bob"><failure message="no frames"/></testcase>
                <testcase classname="Muting" name="Alice mutes"><skipped message="not supported by stack janus: it has no mute events (@requires-mute-events)"/></testcase>""");
        Path container = junit("container.xml", """
                <testcase classname="Basic call" name="Alice calls Bob"><skipped message="skipped: stack janus-container cannot run on this machine: no Docker daemon answers"/></testcase>""");
        Path figures = folder.resolve("figures.md");
        Files.writeString(figures, "## The basic call on each stack\n| figure | embedded |\n");
        Path out = folder.resolve("matrix.md");

        ConformanceMatrix.main(new String[] {out.toString(), "embedded=" + embedded, "janus=" + janus,
                "janus-container=" + container, "--append", figures.toString()});

        String matrix = Files.readString(out);
        assertThat(matrix)
                .contains("| feature › scenario | embedded | janus | janus-container |")
                .contains("| Basic call › Alice calls Bob | pass | **fail** | skipped (skipped: stack janus-container cannot run on this machine: no Docker daemon answers) |")
                .contains("| Muting › Alice mutes | pass | not supported (it has no mute events (@requires-mute-events)) | — |")
                .contains("- embedded: 2 passed, 0 failed, 0 not supported")
                .contains("- janus: 0 passed, 1 failed, 1 not supported");
        assertThat(matrix.indexOf("## The basic call on each stack")).isGreaterThan(matrix.indexOf("- janus:"));

        String page = Files.readString(folder.resolve("matrix.html"));
        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<td class=\"pass\">pass</td>")
                .contains("<td class=\"fail\"><strong>fail</strong></td>")
                .contains("<td class=\"unsupported\">not supported (it has no mute events (@requires-mute-events))</td>")
                .contains("<td class=\"skipped\">skipped (")
                .contains("<h2>The basic call on each stack</h2>");
    }

    @Test
    void aMalformedArgumentIsNamed() {
        assertThatThrownBy(() -> ConformanceMatrix.main(new String[] {folder.resolve("m.md").toString(), "janus"}))
                .hasMessageContaining("argument 'janus'");
    }
}
