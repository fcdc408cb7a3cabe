package io.trtcsim.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One of the fuzzer's parallel connections: takes scenarios from the source one after the other,
 * each on a new WebSocket, sends its frames, ends it as the scenario says, and counts everything.
 */
final class FuzzConnection implements Runnable {

    /** How long replies are read for: a marker's answer, or the close an oversized frame must cause. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(5);

    private final URI url;
    private final ScenarioSource source;
    private final FuzzTally tally;
    private final Consumer<String> refused;
    private final Random random;

    /** {@code refused} is told when the server refused a connection (a crash, if a probe confirms it). */
    FuzzConnection(URI url, ScenarioSource source, FuzzTally tally, Consumer<String> refused, long seed) {
        this.url = url;
        this.source = source;
        this.tally = tally;
        this.refused = refused;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        for (var scenario = source.next(); scenario.isPresent(); scenario = source.next()) {
            run(scenario.get());
        }
    }

    private void run(Scenario scenario) {
        RawWebSocket socket;
        try {
            socket = RawWebSocket.connect(url, REPLY_WAIT, random);
        } catch (ConnectException e) {
            tally.connectFailed("refused");
            refused.accept("connection refused at " + url + " (" + e.getMessage() + ")");
            return;
        } catch (SocketTimeoutException e) {
            tally.connectFailed("no upgrade within " + REPLY_WAIT.toSeconds() + " s");
            return;
        } catch (IOException e) {
            tally.connectFailed(e.getClass().getSimpleName());
            return;
        }
        tally.connectionOpened();
        tally.scenarioRun();
        try (socket) {
            if (send(socket, scenario)) {
                end(socket, scenario);
            } else {
                // The server closed it early: read its close, if it sent one.
                readUntil(socket, scenario.category(), Long.MIN_VALUE, Duration.ofSeconds(1));
            }
        }
    }

    /** Sends the scenario's frames; false when the connection broke before all were written. */
    private boolean send(RawWebSocket socket, Scenario scenario) {
        List<Frame> frames = scenario.frames();
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            try {
                if (i == frames.size() - 1 && scenario.cutLast()) {
                    socket.sendPart(frame, frame.payload().length / 2);
                } else {
                    socket.send(frame);
                }
                tally.sent(scenario.category());
            } catch (IOException e) {
                // The last frame of an oversized or invalid one may be cut short by the server's close: it was sent.
                if (i == frames.size() - 1 && scenario.ending() == Scenario.Ending.SERVER_CLOSES) {
                    tally.sent(scenario.category());
                    return false;
                }
                for (int j = i; j < frames.size(); j++) {
                    tally.unsent(scenario.category());
                }
                return false;
            }
        }
        return true;
    }

    private void end(RawWebSocket socket, Scenario scenario) {
        switch (scenario.ending()) {
            case AWAIT_REPLIES -> {
                long marker = HostileMessages.MARKER_IDS + scenario.index();
                try {
                    socket.sendText("{\"type\":\"heartbeat\",\"id\":" + marker + "}");
                    tally.markerSent();
                } catch (IOException e) {
                    readUntil(socket, scenario.category(), Long.MIN_VALUE, Duration.ofSeconds(1));
                    return;
                }
                if (readUntil(socket, scenario.category(), marker, REPLY_WAIT)) {
                    tally.markerAnswered();
                    closeCleanly(socket);
                }
            }
            case SERVER_CLOSES -> {
                if (!readUntil(socket, scenario.category(), Long.MIN_VALUE, REPLY_WAIT)) {
                    tally.expectedCloseMissing();
                }
            }
            case CLOSE_AT_ONCE -> closeCleanly(socket);
            case ABRUPT_FIN -> socket.abort(false);
            case ABRUPT_RST -> socket.abort(true);
        }
    }

    private static void closeCleanly(RawWebSocket socket) {
        try {
            socket.sendClose();
        } catch (IOException e) {
            // the server closed first
        }
    }

    /**
     * Reads and counts what the server sends until the response to {@code markerId} (true), or,
     * with {@code Long.MIN_VALUE}, until the server closes (true); false when the wait ran out or
     * the marker's connection was closed first.
     */
    private boolean readUntil(RawWebSocket socket, Category category, long markerId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                return timedOut(markerId);
            }
            Frame frame;
            try {
                frame = socket.read(left);
            } catch (SocketTimeoutException e) {
                return timedOut(markerId);
            } catch (IOException e) {
                // EOF or a reset: the server closed the TCP connection without a close frame.
                tally.closedWithoutCloseFrame(category);
                return closedFirst(markerId);
            }
            JsonNode message = tally.received(frame, category);
            if (frame.opcode() == Frame.CLOSE) {
                return closedFirst(markerId);
            }
            if (markerId != Long.MIN_VALUE && message != null && "response".equals(message.path("type").asText())
                    && message.path("id").asLong() == markerId) {
                return true;
            }
        }
    }

    /** True when a close was what was awaited; a marker's connection closed first is counted. */
    private boolean closedFirst(long markerId) {
        if (markerId != Long.MIN_VALUE) {
            tally.markerClosedFirst();
        }
        return markerId == Long.MIN_VALUE;
    }

    private boolean timedOut(long markerId) {
        if (markerId != Long.MIN_VALUE) {
            tally.markerUnanswered();
        }
        return false;
    }
}
