package io.trtcsim.watchdog;

import io.cucumber.java.en.When;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Test glue only (HungScenarioTest): a step that waits for something that never comes. */
public class HangingSteps {

    @When("the scenario waits for something that never comes")
    public void waitForever() throws InterruptedException, ExecutionException {
        new CompletableFuture<Void>().get();
    }
}
