package io.trtcsim.harness;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import io.trtcsim.stack.SimulatorStack;
import io.trtcsim.stack.Stack;
import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.stack.container.SimulatorContainerStack;
import io.trtcsim.stack.janus.JanusStack;
import io.trtcsim.stack.janus.JanusUrl;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Turns the harness.stack setting into a running stack. */
public final class Stacks {

    private Stacks() {
    }

    /**
     * Whether the chosen stack is one the harness starts itself and can point at the scenario's app
     * server (the embedded simulator, the simulator container); Janus sends no callbacks, and a
     * simulator running elsewhere keeps the callback URL it was started with.
     */
    public static boolean sendsCallbacks(HarnessConfig config) {
        return config.stack().equals("embedded") || config.stack().equals("simulator-container");
    }

    public static Stack start(HarnessConfig config) {
        return start(config, Optional.empty());
    }

    /**
     * {@code callbacks}: where a simulator started here sends its server callbacks (the scenario's app server).
     *
     * @throws StackUnavailableException when the chosen stack cannot run on this machine
     */
    public static Stack start(HarnessConfig config, Optional<URI> callbacks) {
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
            return JanusStack.start();
        }
        if (choice.equals("janus-container")) {
            return JanusStack.startContainer();
        }
        if (choice.equals("simulator-container")) {
            return SimulatorContainerStack.start(config.fixtures().resolve("apps.json"), config.mediaTimeout(), callbacks,
                    config.signalingTimeout(), SimulatorContainerStack.DEFAULT_READY_TIMEOUT);
        }
        if (JanusUrl.names(choice)) {
            return JanusStack.connect(JanusUrl.parse(choice), config.signalingTimeout());
        }
        if (choice.startsWith("ws://") || choice.startsWith("wss://")) {
            try {
                return new SimulatorStack(new URI(choice), config.signalingTimeout());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("harness.stack '" + choice + "' is not a valid URL: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("harness.stack '" + choice
                + "' is not known; use 'embedded', 'janus' (Debian's janus, started by the harness), 'janus-container'"
                + " or 'simulator-container' (images built by scripts/build-images.sh, started through Testcontainers)"
                + ", the ws:// URL of a running simulator's /signal endpoint, or janus+ws://host:port/ for a running Janus"
                + " (its WebSocket transport; scripts/janus.sh starts one)");
    }
}
