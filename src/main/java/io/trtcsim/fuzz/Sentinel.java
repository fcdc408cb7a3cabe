package io.trtcsim.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.concurrent.DaemonThreads;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A well-behaved client in a room of its own while the fuzz runs: joined with a valid UserSig, it
 * sends a heartbeat every second, as the SDK does. It is disturbed by any message that is not the
 * answer to one of its own requests, by a heartbeat left unanswered for 5 s, and by losing its
 * connection.
 */
final class Sentinel implements AutoCloseable {

    static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(1);
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final int MAX_RECORDED = 10;

    private final RawWebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<String> disturbances = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(2);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong worstMillis = new AtomicLong();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("fuzz-sentinel-beat"));
    private final Thread reader;
    private volatile boolean stopping;

    private record Pending(long sentNanos, CompletableFuture<JsonNode> answer) {
    }

    private Sentinel(RawWebSocket socket) {
        this.socket = socket;
        this.reader = new DaemonThreads("fuzz-sentinel-read").newThread(this::read);
    }

    /**
     * Joins the sentinel's room; an IllegalStateException naming the reason when the join is not
     * accepted (wrong keys for this server, an answer that is not a reply).
     */
    static Sentinel join(URI url, FuzzAccounts accounts) throws IOException {
        RawWebSocket socket = RawWebSocket.connect(url, ANSWER_LIMIT, new Random());
        try {
            socket.sendText(accounts.sentinelJoin(1));
            Frame frame = socket.read(ANSWER_LIMIT);
            JsonNode reply = frame.opcode() == Frame.TEXT ? new ObjectMapper().readTree(frame.payload()) : null;
            if (reply == null || !"response".equals(reply.path("type").asText()) || reply.path("id").asLong() != 1) {
                throw new IllegalStateException("the sentinel's join at " + url + " was answered with '" + frame.text()
                        + "' instead of its response");
            }
            if (!reply.path("ok").asBoolean(false)) {
                throw new IllegalStateException("the sentinel's join (app " + accounts.sdkAppId() + ", room "
                        + accounts.sentinelRoom() + ") was refused at " + url + ": " + reply);
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        Sentinel sentinel = new Sentinel(socket);
        sentinel.reader.start();
        sentinel.heartbeats.scheduleAtFixedRate(sentinel::beat, HEARTBEAT_PERIOD.toMillis(), HEARTBEAT_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return sentinel;
    }

    private void beat() {
        long now = System.nanoTime();
        pending.forEach((id, waiting) -> {
            if (now - waiting.sentNanos() > ANSWER_LIMIT.toNanos() && pending.remove(id) != null) {
                disturbed("heartbeat " + id + " unanswered after " + ANSWER_LIMIT.toSeconds() + " s");
            }
        });
        request("heartbeat");
    }

    private CompletableFuture<JsonNode> request(String type) {
        long id = nextId.getAndIncrement();
        Pending waiting = new Pending(System.nanoTime(), new CompletableFuture<>());
        pending.put(id, waiting);
        try {
            socket.sendText("{\"type\":\"" + type + "\",\"id\":" + id + "}");
        } catch (IOException e) {
            pending.remove(id);
            disturbed("could not send its " + type + ": " + e);
            waiting.answer().completeExceptionally(e);
        }
        return waiting.answer();
    }

    private void read() {
        while (!stopping) {
            Frame frame;
            try {
                frame = socket.read(HEARTBEAT_PERIOD);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!stopping) {
                    disturbed("lost its connection: " + e);
                }
                return;
            }
            if (frame.opcode() == Frame.CLOSE) {
                if (!stopping) {
                    disturbed("closed by the server with status " + frame.closeCode() + " '" + reason(frame) + "'");
                }
                return;
            }
            answer(frame);
        }
    }

    private void answer(Frame frame) {
        JsonNode message = null;
        try {
            message = frame.opcode() == Frame.TEXT ? json.readTree(frame.payload()) : null;
        } catch (IOException e) {
            // not JSON: unexpected, below
        }
        Pending waiting = message != null && "response".equals(message.path("type").asText())
                ? pending.remove(message.path("id").asLong(-1)) : null;
        if (waiting == null) {
            disturbed("received a message that answers none of its requests: " + abbreviated(frame.text()));
            return;
        }
        answered.incrementAndGet();
        worstMillis.accumulateAndGet(Duration.ofNanos(System.nanoTime() - waiting.sentNanos()).toMillis(), Math::max);
        waiting.answer().complete(message);
    }

    /**
     * After the fuzz: one more heartbeat must be answered within the limit (the sentinel is still
     * connected and served). Records a disturbance when not.
     */
    void checkStillServed() {
        try {
            request("heartbeat").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            disturbed("its last heartbeat, after the fuzz, was unanswered after " + ANSWER_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            disturbed("its last heartbeat failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disturbed(String what) {
        if (disturbances.size() < MAX_RECORDED) {
            disturbances.add(what);
        }
    }

    List<String> disturbances() {
        return List.copyOf(disturbances);
    }

    long heartbeatsAnswered() {
        return answered.get();
    }

    long worstAnswerMillis() {
        return worstMillis.get();
    }

    private static String reason(Frame close) {
        return close.payload().length > 2 ? new String(close.payload(), 2, close.payload().length - 2,
                java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Leaves (a close frame) and stops its threads. */
    @Override
    public void close() {
        stopping = true;
        heartbeats.shutdownNow();
        try {
            socket.sendClose();
        } catch (IOException e) {
            // already gone: closing anyway
        }
        socket.close();
        try {
            reader.join(HEARTBEAT_PERIOD.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
