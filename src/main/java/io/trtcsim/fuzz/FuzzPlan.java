package io.trtcsim.fuzz;

import io.trtcsim.usersig.AppKey;
import java.net.URI;
import java.time.Duration;

/**
 * What one fuzz run does: where, how many hostile messages over how many parallel connections, with
 * which seed, for at most how long, and with which application's keys for the valid joins.
 */
record FuzzPlan(URI url, long messages, int connections, long seed, Duration duration, AppKey app) {

    FuzzPlan {
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be a ws:// URL such as ws://127.0.0.1:7788/signal, got " + url);
        }
        if ("wss".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url " + url + ": wss:// is not supported; the fuzzer speaks plain ws://");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("--url " + url + " names no host");
        }
        if (messages < 1) {
            throw new IllegalArgumentException("--messages must be at least 1, got " + messages);
        }
        if (connections < 1 || connections > 2000) {
            throw new IllegalArgumentException("--connections must be between 1 and 2000, got " + connections);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
    }

    /** {@code GET /health} on the same host and port: ws://h:p/signal gives http://h:p/health. */
    URI healthUrl() {
        return URI.create("http://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/health");
    }
}
