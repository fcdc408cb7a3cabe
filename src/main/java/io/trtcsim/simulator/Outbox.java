package io.trtcsim.simulator;

import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one connection's messages in order, one at a time, without a thread of its own: the
 * messages wait in this queue, and the next is handed to Jetty's asynchronous send when the one
 * before has been written (see {@link Write}). The sending starts on the simulator's shared sending pool, never on the
 * thread that queues (which may hold a room's monitor, or be a media thread): nothing here waits for
 * a socket, so a client that stops reading holds up only its own queue, and only up to the limit
 * of pending messages: a message that finds that many waiting drops them all and closes the
 * connection (status 1008, docs/simulator-protocol.md "Limits"), so a client that does not read
 * cannot grow the simulator's memory without bound.
 */
final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** The end of the queue: the socket is closed once what came before it was written. */
    private record CloseRequest(String reason) {
    }

    /** How long a connection closed for its pending messages gets to take the close frame before it is cut. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final WsContext context;
    private final Executor sending;
    private final String name;
    private final LimitGuard limits;
    private final int maxPending;
    /** Messages (String) and at most one CloseRequest, guarded by this object's monitor. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    Outbox(WsContext context, Executor sending, String name, LimitGuard limits) {
        this.context = context;
        this.sending = sending;
        this.name = name;
        this.limits = limits;
        this.maxPending = limits.limits().pendingMessages();
    }

    /** Queues a message (JSON text); dropped once the outbox is closed. */
    void send(String message) {
        enqueue(message, false);
    }

    /**
     * As {@link #send}, but written at once on the calling thread when nothing is queued: for the
     * reply that Jetty's reading thread makes to the message it just read, holding no lock of ours.
     * Handing it to the sending pool instead had that pool's thread write while the reading thread
     * still held the connection's locks, and each waited for the other (measured: a third of the
     * sending threads' time waking Jetty's).
     */
    void sendFromReader(String message) {
        boolean overflowed = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!writing) {
                writing = true;
            } else if (overflows()) {
                overflowed = true;
            } else {
                queue.add(message);
                return;
            }
        }
        if (overflowed) {
            abandon();
        } else {
            writeFrom(message);
        }
    }

    /**
     * Under this monitor, before a message is queued: true when the queue is full, and then the queue
     * is dropped and the outbox closed; the caller calls {@link #abandon} once out of the monitor.
     */
    private boolean overflows() {
        if (queue.size() < maxPending) {
            return false;
        }
        queue.clear();
        closed = true;
        return true;
    }

    /**
     * A client let too many messages wait: counted, then the socket is closed with status 1008 on
     * the sending pool (never on the caller's thread, which may hold a room's monitor). The close
     * frame waits behind the one message Jetty is still writing; a client that reads none of it
     * within the grace is cut off.
     */
    private void abandon() {
        limits.pendingMessagesExceeded();
        String reason = limits.pendingCloseReason();
        try {
            sending.execute(() -> {
                log.info("outbox {}: more than {} messages pending; closing the connection", name, maxPending);
                try {
                    context.closeSession(LimitGuard.PENDING_CLOSE_STATUS, reason);
                } catch (RuntimeException e) {
                    log.debug("closing a connection that was already closing: {}", e.toString());
                }
            });
            CompletableFuture.delayedExecutor(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS, sending).execute(this::disconnect);
        } catch (RejectedExecutionException e) {
            // The simulator is stopping: its connections go with it.
        }
    }

    private void disconnect() {
        try {
            if (context.session.isOpen()) {
                context.session.disconnect();
            }
        } catch (RuntimeException e) {
            log.debug("cutting off a connection that was already closed: {}", e.toString());
        }
    }

    /** Closes the WebSocket after what is queued, and sends nothing more. */
    void closeSocket(String reason) {
        enqueue(new CloseRequest(reason), true);
    }

    private void enqueue(Object item, boolean last) {
        boolean overflowed;
        synchronized (this) {
            if (closed) {
                log.debug("outbox {} closed; {} dropped", name, item instanceof CloseRequest ? "close" : "message");
                return;
            }
            overflowed = !last && overflows();
            if (!overflowed) {
                queue.add(item);
                closed = last;
                if (writing) {
                    return;
                }
                writing = true;
            }
        }
        if (overflowed) {
            abandon();
        } else {
            writeNextLater();
        }
    }

    private void writeNextLater() {
        try {
            sending.execute(this::writeNext);
        } catch (RejectedExecutionException e) {
            // The simulator is stopping: its connections go with it.
            synchronized (this) {
                queue.clear();
                writing = false;
            }
        }
    }

    private void writeNext() {
        writeFrom(null);
    }

    /**
     * Hands {@code first} (if any), then the queued messages, to Jetty, while the socket takes them
     * at once; when a write has to wait, its callback comes back here for the next.
     */
    private void writeFrom(Object first) {
        Object next = first;
        while (true) {
            if (next == null) {
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        writing = false;
                        return;
                    }
                }
            }
            Object item = next;
            next = null;
            if (item instanceof CloseRequest close) {
                try {
                    context.closeSession(1000, close.reason());
                } catch (RuntimeException e) {
                    log.debug("closing a connection that was already closing: {}", e.toString());
                }
                continue;
            }
            // No isOpen() first: it takes the session's lock, and a closed session fails the write anyway.
            Write write = new Write();
            try {
                context.session.getRemote().sendString((String) item, write);
            } catch (RuntimeException e) {
                log.debug("dropping a message to a closed connection: {}", e.toString());
                continue;
            }
            if (!write.handOver()) {
                // Written already (the usual case: the socket took it at once): on to the next here.
                continue;
            }
            return;
        }
    }

    /**
     * One message handed to Jetty. Jetty calls back on this thread, inside sendString, when the
     * socket took the message at once, or later on one of its own when it had to wait: whichever of
     * the callback and {@link #handOver} comes second continues with the next message, so the queue
     * moves on without a task per message, and a long queue never deepens the stack.
     */
    private final class Write implements WriteCallback {
        private static final int WRITING = 0;
        private static final int WRITTEN = 1;
        private static final int HANDED_OVER = 2;
        private final AtomicInteger state = new AtomicInteger(WRITING);

        /** After sendString returned: true if the callback is still to come (and will continue the queue). */
        boolean handOver() {
            return state.compareAndSet(WRITING, HANDED_OVER);
        }

        @Override
        public void writeSuccess() {
            finished();
        }

        @Override
        public void writeFailed(Throwable failure) {
            log.debug("dropping a message to a closed connection: {}", failure.toString());
            finished();
        }

        private void finished() {
            if (!state.compareAndSet(WRITING, WRITTEN)) {
                writeNextLater();
            }
        }
    }

    /** Accepts nothing more; what is queued is still written. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
