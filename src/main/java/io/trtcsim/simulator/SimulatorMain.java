package io.trtcsim.simulator;

import io.trtcsim.usersig.AppKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference simulator on its own, for other clients, machines or CI jobs:
 * {@code mvn -q compile exec:java -Dexec.args="--port 7788 --host 0.0.0.0 --fixtures fixtures"}.
 * Stops on Ctrl-C (SIGINT/SIGTERM), releasing its media engine.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 7788;
        Path fixtures = Path.of("fixtures");
        Duration mediaTimeout = Duration.ofSeconds(10);
        java.util.Optional<java.net.URI> callbackUrl = java.util.Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                usage("option " + option + " needs a value");
            }
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = parsePort(value);
                case "--fixtures" -> fixtures = Path.of(value);
                case "--media-timeout-seconds" -> mediaTimeout = Duration.ofSeconds(Long.parseLong(value));
                case "--callback-url" -> callbackUrl = java.util.Optional.of(java.net.URI.create(value));
                default -> usage("unknown option " + option);
            }
        }
        AppKeyStore keys = AppKeyStore.load(fixtures.resolve("apps.json"));
        SimulatorConfig config = SimulatorConfig.onLoopback(keys).withHost(host).withPort(port).withMediaTimeout(mediaTimeout);
        if (callbackUrl.isPresent()) {
            config = config.withCallbacksTo(callbackUrl.get());
        }
        SimulatorServer server = SimulatorServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("TRTC simulator ready: signaling " + server.signalingUri() + ", health " + server.httpUri() + "/health");
        stopped.await();
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            usage("--port '" + value + "' is not a number");
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: SimulatorMain [--host 127.0.0.1] [--port 7788] [--fixtures fixtures] [--media-timeout-seconds 10] [--callback-url http://app-server/trtc/callback]");
        System.exit(2);
    }
}
