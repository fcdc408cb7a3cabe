package io.trtcsim.stack;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.trtcsim.concurrent.DaemonThreads;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator channels of one stack share, so a channel costs no thread of its own: one
 * Netty event loop ({@code signaling-io-<n>}) that reads and writes every channel's socket, and one
 * pool ({@code signaling-inbox-<n>}) on which each channel's inbox runs: the messages of one channel
 * in the order they arrived, one at a time. Inboxes run the SDK's reactions to replies and events
 * (and through them libwebrtc calls), so they are kept off the event loop, whose work for every
 * other socket must not wait behind them.
 * <p>
 * One loop thread, not one per core: it reads 5,000 sockets in a fan-out with a quarter of a core
 * (docs/measurements.md), and a second would only compete with the simulator for the same cores.
 * Made by the stack with its first channel and closed with the stack.
 */
final class SimulatorConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConnector.class);
    private static final int IO_THREADS = 1;
    /** As the SDK's pool: inbox tasks may call into libwebrtc, which can block for a while. */
    private static final int MIN_INBOX_PARALLELISM = 4;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(2);

    private final EventLoopGroup io;
    private final ForkJoinPool inboxes;
    /** Made on the first wss:// channel; guarded by this object's monitor. */
    private SslContext tls;

    SimulatorConnector() {
        // Netty's own thread class (daemon, named signaling-io-<pool>-<n>): its buffers' thread-local caches need it.
        this.io = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("signaling-io", true));
        this.inboxes = DaemonThreads.pool("signaling-inbox",
                Math.max(MIN_INBOX_PARALLELISM, Runtime.getRuntime().availableProcessors()));
    }

    /** The event loop every channel's socket is on. */
    EventLoopGroup io() {
        return io;
    }

    /** TLS for wss:// URIs, trusting what the JVM trusts (as the JDK's HttpClient did). */
    synchronized SslContext tls() {
        if (tls == null) {
            try {
                tls = SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new UncheckedIOException("cannot set up TLS for wss:// signaling: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    /** Where channels' inboxes run, each in a {@link io.trtcsim.concurrent.SerialExecutor} of its own. */
    Executor inboxes() {
        return inboxes;
    }

    /** Ends the threads; channels still open then get no more messages (their sockets die with the client). */
    @Override
    public void close() {
        inboxes.shutdownNow();
        io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
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
