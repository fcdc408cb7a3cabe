package io.trtcsim.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Random;

/**
 * Whether the server still serves: a fresh connection, a valid request (a heartbeat), and its
 * reply, all within the limit. A refused connection is a crash; no reply in time is a hang.
 */
final class LivenessProbe {

    static final Duration LIMIT = Duration.ofSeconds(5);
    private static final long PROBE_ID = 424_242;

    private final URI url;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random();

    LivenessProbe(URI url) {
        this.url = url;
    }

    enum Outcome {
        ANSWERED, REFUSED, SILENT, FAILED
    }

    /** One probe's result; {@code detail} says what went wrong (empty when answered). */
    record Result(Outcome outcome, long millis, String detail) {
    }

    Result probe() {
        long start = System.nanoTime();
        try (RawWebSocket socket = RawWebSocket.connect(url, LIMIT, random)) {
            socket.sendText("{\"type\":\"heartbeat\",\"id\":" + PROBE_ID + "}");
            while (true) {
                Duration left = LIMIT.minusNanos(System.nanoTime() - start);
                if (left.isNegative() || left.isZero()) {
                    return new Result(Outcome.SILENT, elapsed(start), "no reply to a heartbeat on a fresh connection within "
                            + LIMIT.toSeconds() + " s");
                }
                Frame frame = socket.read(left);
                if (frame.opcode() == Frame.CLOSE) {
                    return new Result(Outcome.FAILED, elapsed(start), "a fresh connection was closed with status "
                            + frame.closeCode() + " instead of answering a heartbeat");
                }
                JsonNode reply = frame.opcode() == Frame.TEXT ? json.readTree(frame.payload()) : null;
                if (reply != null && "response".equals(reply.path("type").asText()) && reply.path("id").asLong() == PROBE_ID) {
                    socket.sendClose();
                    return new Result(Outcome.ANSWERED, elapsed(start), "");
                }
            }
        } catch (ConnectException e) {
            return new Result(Outcome.REFUSED, elapsed(start), "connection refused at " + url + " (" + e.getMessage() + ")");
        } catch (SocketTimeoutException e) {
            return new Result(Outcome.SILENT, elapsed(start), "no reply to a heartbeat on a fresh connection to " + url
                    + " within " + LIMIT.toSeconds() + " s (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Result(Outcome.FAILED, elapsed(start), "a fresh connection to " + url + " failed: " + e);
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
