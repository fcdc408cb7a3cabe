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
