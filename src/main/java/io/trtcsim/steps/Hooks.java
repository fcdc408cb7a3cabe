package io.trtcsim.steps;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.MachineDevices;
import io.trtcsim.harness.ParticipantNetworks;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ProcessEngines;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.ScenarioReport;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/** The one teardown path: attach what explains the scenario, then release everything it made. */
public class Hooks {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final ParticipantNetworks networks;

    public Hooks(ScenarioContext scenario, Participants participants, ParticipantNetworks networks) {
        this.networks = networks;
        this.scenario = scenario;
        this.participants = participants;
    }

    /** First of all: the watchdog that fails a scenario running past harness.timeout.scenario, with a thread dump. */
    @Before(order = 0)
    public void watch(Scenario starting) {
        scenario.watch(Thread.currentThread(), starting.getName());
    }

    /**
     * Starts the scenario's stack before its first step. A stack that cannot run on this machine (no
     * janus, no Docker, no image) skips the scenario with what is missing: nothing about the stack was
     * learned. A scenario tagged {@code @requires-<capability>} runs only on a stack that has it;
     * elsewhere it is reported as not supported by that stack, with the reason.
     */
    @Before(order = 10)
    public void skipWhatTheStackDoesNotSupport(Scenario pending) {
        scenario.reasonItCannotRun(pending.getSourceTagNames()).ifPresent(reason -> skip(pending, reason));
    }

    /** The no-camera scenario describes machines without one; elsewhere it cannot run, and says so. */
    @Before(ScenarioContext.NO_CAMERA_TAG)
    public void skipWhereACameraExists(Scenario pending) {
        if (scenario.machineHasCamera()) {
            skip(pending, "skipped: this machine has a camera, so DEVICE_NOT_FOUND cannot be observed");
        }
    }

    /** A scenario that captures microphones of this machine needs a PulseAudio server the harness can start. */
    @Before(MACHINE_MICROPHONE_TAG)
    public void skipWithoutMachineMicrophones(Scenario pending) {
        MachineDevices.reasonNoMicrophones().ifPresent(reason -> skip(pending, "skipped: the harness cannot give"
                + " this machine microphones: " + reason));
    }

    /** A scenario that captures a camera of this machine needs one (a V4L2 device, /dev/video*). */
    @Before(MACHINE_CAMERA_TAG)
    public void skipWithoutMachineCamera(Scenario pending) {
        if (!scenario.machineHasCamera()) {
            skip(pending, "skipped: this machine has no camera (no V4L2 device /dev/video* that libwebrtc lists;"
                    + " a v4l2loopback device fed from a Y4M file makes one, docs/steps.md \"Devices\")");
        }
    }

    private static final String MACHINE_MICROPHONE_TAG = "@machine-microphone";
    private static final String MACHINE_CAMERA_TAG = "@machine-camera";

    private static void skip(Scenario pending, String reason) {
        System.out.println(pending.getName() + ": " + reason);
        throw new TestAbortedException(reason);
    }

    @After
    public void tearDown(Scenario result) {
        Optional<String> dump = scenario.ranPastItsLimit();
        // The watchdog's interrupt is meant for the step it stopped, not for the teardown's own waits.
        Thread.interrupted();
        try {
            dump.ifPresent(threads -> result.attach(threads, "text/plain", "thread dump: the scenario ran past "
                    + scenario.config().scenarioTimeout().toSeconds() + " s (harness.timeout.scenario)"));
            ScenarioReport.attachTo(result::attach, result.isFailed(), scenario, participants, networks.timeline());
        } finally {
            scenario.close();
        }
        if (dump.isPresent() && !result.isFailed()) {
            throw new AssertionError("the scenario ran past harness.timeout.scenario ("
                    + scenario.config().scenarioTimeout().toSeconds() + " s); the thread dump is attached");
        }
    }

    /** After the last scenario: the engines kept between scenarios are disposed (an undisposed one keeps the JVM alive). */
    @AfterAll
    public static void disposeKeptEngines() {
        ProcessEngines.closeAfterRun();
    }
}
