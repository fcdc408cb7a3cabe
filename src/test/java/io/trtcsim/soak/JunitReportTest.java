package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.soak.ScenarioOutcome.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitReportTest {

    /** As Cucumber's junit plugin writes it: feature name in classname, scenario name in name. */
    static final String TWO_PASSED_ONE_FAILED_ONE_SKIPPED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite failures="1" name="io.cucumber.core.plugin.JUnitFormatter" skipped="1" errors="0" tests="4" time="12.5">
            <testcase classname="Basic call" name="Alice calls Bob" time="5.1">
            <system-out><![CDATA[Given "alice" joins ..................passed]]></system-out>
            </testcase>
            <testcase classname="Basic call" name="Bob hangs up" time="3.0"/>
            <testcase classname="Mute" name="Alice mutes her audio" time="4.0">
            <failure message="expected audio-volume 0" type="java.lang.AssertionError"><![CDATA[trace]]></failure>
            </testcase>
            <testcase classname="Devices" name="The machine's microphone" time="0.0">
            <skipped message="no PulseAudio server"/>
            </testcase>
            </testsuite>
            """;

    @TempDir
    Path folder;

    @Test
    void readsEachScenarioAndHowItEnded() throws IOException {
        Path file = Files.writeString(folder.resolve("junit.xml"), TWO_PASSED_ONE_FAILED_ONE_SKIPPED);
        JunitReport report = JunitReport.read(file);
        assertThat(report.scenarios()).containsExactly(
                new ScenarioOutcome("Basic call", "Alice calls Bob", Outcome.PASSED),
                new ScenarioOutcome("Basic call", "Bob hangs up", Outcome.PASSED),
                new ScenarioOutcome("Mute", "Alice mutes her audio", Outcome.FAILED),
                new ScenarioOutcome("Devices", "The machine's microphone", Outcome.SKIPPED));
        assertThat(report.counts()).isEqualTo("4 run: 2 passed, 1 failed, 1 skipped");
    }

    @Test
    void anErrorIsAFailure() throws IOException {
        Path file = Files.writeString(folder.resolve("junit.xml"), """
                <testsuite><testcase classname="Rooms" name="Bans"><error message="boom" type="X"/></testcase></testsuite>
                """);
        assertThat(JunitReport.read(file).count(Outcome.FAILED)).isEqualTo(1);
    }

    @Test
    void aBrokenReportIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("junit.xml"), "<testsuite><testcase name=");
        assertThatThrownBy(() -> JunitReport.read(file)).hasMessageContaining(file + " is not well-formed XML");
        Path missing = folder.resolve("absent.xml");
        assertThatThrownBy(() -> JunitReport.read(missing)).hasMessageContaining("cannot read the JUnit report " + missing);
    }
}
