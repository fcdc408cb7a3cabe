package io.trtcsim.stack;

import io.trtcsim.concurrent.DaemonThreads;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator channels of one stack share, so a channel costs no thread of its own: one
 * {@link HttpClient} (one selector thread for all their sockets) whose own work runs on two
 * {@code signaling-io-<n>} threads, and one pool ({@code signaling-inbox-<n>}) on which each
 * channel's inbox runs: the messages of one channel in the order they arrived, one at a time.
 * Inboxes run the SDK's reactions to replies and events (and through them libwebrtc calls), so they
 * are kept off the JDK's threads, whose work for every other socket must not wait behind them.
 * <p>
 * Made by the stack with its first channel and closed with the stack. The JDK 17 HttpClient cannot
 * be closed: its selector thread ends once the client is garbage and its sockets are closed.
 */
final class SimulatorConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConnector.class);
    private static final int IO_THREADS = 2;
    /** As the SDK's pool: inbox tasks may call into libwebrtc, which can block for a while. */
    private static final int MIN_INBOX_PARALLELISM = 4;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(2);

    private final ForkJoinPool io;
    private final ForkJoinPool inboxes;
    private final HttpClient http;

    SimulatorConnector(Duration connectTimeout) {
        this.io = DaemonThreads.pool("signaling-io", IO_THREADS);
        this.inboxes = DaemonThreads.pool("signaling-inbox",
                Math.max(MIN_INBOX_PARALLELISM, Runtime.getRuntime().availableProcessors()));
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(io).build();
    }

    HttpClient http() {
        return http;
    }

    /** Where channels' inboxes run, each in a {@link io.trtcsim.concurrent.SerialExecutor} of its own. */
    Executor inboxes() {
        return inboxes;
    }

    /** Ends the threads; channels still open then get no more messages (their sockets die with the client). */
    @Override
    public void close() {
        inboxes.shutdownNow();
        io.shutdownNow();
        try {
            boolean ended = inboxes.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                    & io.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                log.warn("the signaling threads did not end within {} ms of closing the stack", CLOSE_PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
