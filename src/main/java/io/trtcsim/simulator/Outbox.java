package io.trtcsim.simulator;

import io.javalin.websocket.WsContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one connection's messages in order from a single thread: Jetty's blocking send must not be
 * entered from several threads at once, and webrtc callbacks must never wait on a socket.
 */
final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final WsContext context;
    private final ExecutorService sender;

    Outbox(WsContext context, String name) {
        this.context = context;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "sim-outbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void send(String message) {
        if (sender.isShutdown()) {
            return;
        }
        try {
            sender.execute(() -> {
                try {
                    if (context.session.isOpen()) {
                        context.send(message);
                    }
                } catch (Exception e) {
                    // Javalin rethrows Jetty's IOException unchecked (a closed or timed-out socket).
                    log.debug("dropping a message to a closed connection: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("outbox closed; message dropped");
        }
    }

    /**
     * Closes the WebSocket after what is queued, from the sending thread (a close may wait for the
     * socket as a send does), and sends nothing more.
     */
    void closeSocket(String reason) {
        try {
            sender.execute(() -> {
                try {
                    context.closeSession(1000, reason);
                } catch (Exception e) {
                    log.debug("closing a connection that was already closing: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("outbox closed; the socket closes with it");
        }
        sender.shutdown();
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
