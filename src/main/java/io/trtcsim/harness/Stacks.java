package io.trtcsim.harness;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import io.trtcsim.stack.SimulatorStack;
import io.trtcsim.stack.Stack;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.net.URISyntaxException;

/** Turns the harness.stack setting into a running stack. */
public final class Stacks {

    private Stacks() {
    }

    public static Stack start(HarnessConfig config) {
        return start(config, java.util.Optional.empty());
    }

    /** {@code callbacks}: where an embedded simulator sends its server callbacks (the scenario's app server). */
    public static Stack start(HarnessConfig config, java.util.Optional<URI> callbacks) {
        String choice = config.stack();
        if (choice.equals("embedded")) {
            AppKeyStore keys = AppKeyStore.load(config.fixtures().resolve("apps.json"));
            SimulatorConfig simulator = SimulatorConfig.onLoopback(keys).withMediaTimeout(config.mediaTimeout());
            if (callbacks.isPresent()) {
                simulator = simulator.withCallbacksTo(callbacks.get());
            }
            return EmbeddedSimulatorStack.start(simulator, config.signalingTimeout());
        }
        if (choice.equals("janus")) {
            return io.trtcsim.stack.janus.JanusStack.start();
        }
        if (choice.startsWith("ws://") || choice.startsWith("wss://")) {
            try {
                return new SimulatorStack(new URI(choice), config.signalingTimeout());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("harness.stack '" + choice + "' is not a valid URL: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("harness.stack '" + choice
                + "' is not known; use 'embedded', 'janus' (Debian's janus, started by the harness) or the ws:// URL"
                + " of a running simulator's /signal endpoint");
    }
}
