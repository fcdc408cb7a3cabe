package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.stack.StackUnreachableException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a URL said to be a running Janus for its server info ({@code {"janus": "info"}}) before any
 * client uses it, so a wrong URL is one clear error naming it, within a bounded time, rather than
 * every join failing on its own: nothing listening, something that is not a Janus (no
 * {@code server_info} answer), or a Janus without the VideoRoom plugin. It also asks how the
 * VideoRoom names rooms ({@link JanusIds}): an {@code exists} with a string room is answered where
 * {@code string_ids} is on and refused as the wrong type where rooms are numbers.
 */
final class JanusProbe {

    private static final Logger log = LoggerFactory.getLogger(JanusProbe.class);
    private static final JanusConnection.Listener IGNORED = new JanusConnection.Listener() {
        @Override
        public void onPush(JsonNode message) {
        }

        @Override
        public void onClosed(String reason) {
        }
    };

    /** The room asked about to learn whether the VideoRoom names rooms by strings; it need not exist. */
    private static final String PROBE_ROOM = "trtc-harness-probe";

    private JanusProbe() {
    }

    /**
     * @param timeout for the WebSocket to open, and again for the answer to 'info'
     * @return how that VideoRoom names its rooms
     * @throws StackUnreachableException naming the URL when there is no Janus with a VideoRoom behind it
     */
    static JanusIds requireVideoRoom(JanusUrl url, HttpClient http, ObjectMapper json, Duration timeout) {
        JanusConnection connection = new JanusConnection(url.webSocketUri(), http, json, timeout, IGNORED, "probe");
        try {
            try {
                connection.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new StackUnreachableException("no Janus answers at " + url + ": " + whyNoConnection(e, timeout), e);
            }
            JsonNode info;
            try {
                info = connection.request(json.createObjectNode().put("janus", "info"), reply -> reply)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new StackUnreachableException(url + " is not a Janus: its WebSocket opened, but Janus's 'info' request"
                        + " got no answer within " + timeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                throw new StackUnreachableException(url + " is not a Janus: Janus's 'info' request failed there: "
                        + JanusErrors.describe(e), e);
            }
            if (!"server_info".equals(info.path("janus").asText())) {
                throw new StackUnreachableException(url + " is not a Janus: it answered 'info' with " + info);
            }
            if (!info.path("plugins").has(JanusSession.PLUGIN)) {
                List<String> plugins = new ArrayList<>();
                info.path("plugins").fieldNames().forEachRemaining(plugins::add);
                throw new StackUnreachableException("the Janus at " + url + " has no VideoRoom plugin (" + JanusSession.PLUGIN
                        + "); its plugins: " + plugins);
            }
            JanusIds ids = roomNaming(connection, json, timeout, url);
            log.info("{} is {} {}; its VideoRoom names rooms by {}", url, info.path("name").asText("Janus"),
                    info.path("version_string").asText(""), ids.name().toLowerCase(Locale.ROOT));
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackUnreachableException("interrupted while asking " + url + " whether it is a Janus", e);
        } finally {
            connection.close();
        }
    }

    /** A session and a VideoRoom handle of its own, asked whether a string room exists, then destroyed. */
    private static JanusIds roomNaming(JanusConnection connection, ObjectMapper json, Duration timeout, JanusUrl url)
            throws InterruptedException {
        long session;
        try {
            session = connection.request(json.createObjectNode().put("janus", "create"),
                    reply -> reply.path("data").path("id").asLong()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackUnreachableException("the Janus at " + url + " does not create a session: "
                    + JanusErrors.describe(e), e);
        }
        try {
            long handle = connection.request(json.createObjectNode().put("janus", "attach").put("session_id", session)
                    .put("plugin", JanusSession.PLUGIN), reply -> reply.path("data").path("id").asLong())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ObjectNode exists = json.createObjectNode().put("janus", "message").put("session_id", session)
                    .put("handle_id", handle);
            exists.putObject("body").put("request", "exists").put("room", PROBE_ROOM);
            try {
                connection.request(exists, reply -> reply).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return JanusIds.STRINGS;
            } catch (ExecutionException e) {
                if (JanusErrors.unwrap(e) instanceof JanusException refused) {
                    log.debug("{}: a string room is refused ({}): rooms are numbers", url, refused.reason());
                    return JanusIds.NUMBERS;
                }
                throw e;
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackUnreachableException("the Janus at " + url + " did not answer whether its VideoRoom names"
                    + " rooms by strings: " + JanusErrors.describe(e), e);
        } finally {
            destroy(connection, json, session, timeout);
        }
    }

    /** Waited for, so that the connection's close does not overtake it; Janus would end the session in 60 s anyway. */
    private static void destroy(JanusConnection connection, ObjectMapper json, long session, Duration timeout)
            throws InterruptedException {
        try {
            connection.request(json.createObjectNode().put("janus", "destroy").put("session_id", session), reply -> reply)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("destroying the probe's Janus session {} failed: {}", session, JanusErrors.describe(e));
        }
    }

    /** The JDK's refused connection reads "ClosedChannelException" alone, which says little. */
    private static String whyNoConnection(Exception failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
                return "nothing accepts connections there (" + JanusErrors.describe(failure) + ")";
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
                return "no connection within " + timeout.toMillis() + " ms";
            }
        }
        return JanusErrors.describe(failure);
    }
}
