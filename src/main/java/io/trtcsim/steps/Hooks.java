package io.trtcsim.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.ScenarioContext;

/** The one teardown path: attach what explains the scenario, then release everything it made. */
public class Hooks {

    private final ScenarioContext scenario;

    public Hooks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /**
     * Starts the scenario's stack before its first step (after the app server, which the stack may
     * have to call back). A stack that cannot run on this machine (no janus, no Docker, no image)
     * skips the scenario with what is missing: nothing about the stack was learned.
     * <p>
     * A scenario tagged {@code @requires-<capability>} runs only on a stack that has it; elsewhere it
     * is reported as not supported by that stack, with the reason.
     */
    @Before(order = 10)
    public void skipWhatTheStackDoesNotSupport(io.cucumber.java.Scenario pending) {
        try {
            scenario.stack();
        } catch (io.trtcsim.stack.StackUnavailableException e) {
            String reason = "skipped: stack " + scenario.config().stack() + " cannot run on this machine: " + e.getMessage();
            System.out.println(pending.getName() + ": " + reason);
            throw new org.opentest4j.TestAbortedException(reason, e);
        }
        for (String tag : pending.getSourceTagNames()) {
            if (!tag.startsWith("@requires-") || tag.equals("@requires-no-camera")) {
                continue;
            }
            io.trtcsim.stack.Capability needed = io.trtcsim.stack.Capability.ofTag(tag);
            if (!scenario.stack().capabilities().contains(needed)) {
                String reason = "not supported by stack " + scenario.stack().name() + ": it has no "
                        + needed.description() + " (" + tag + ")";
                System.out.println(pending.getName() + ": " + reason);
                throw new org.opentest4j.TestAbortedException(reason);
            }
        }
    }

    /** The no-camera scenario describes machines without one; elsewhere it cannot run, and says so. */
    @Before("@requires-no-camera")
    public void skipWhereACameraExists() {
        if (!dev.onvoid.webrtc.media.MediaDevices.getVideoCaptureDevices().isEmpty()) {
            String reason = "skipped: this machine has a camera, so DEVICE_NOT_FOUND cannot be observed";
            System.out.println(reason);
            throw new org.opentest4j.TestAbortedException(reason);
        }
    }

    @After
    public void tearDown(Scenario result) {
        try {
            ScenarioReport.attachTo(result, scenario);
        } finally {
            scenario.close();
        }
    }
}
