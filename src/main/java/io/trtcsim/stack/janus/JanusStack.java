package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.Stack;
import io.trtcsim.trtc.RoomId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Janus's VideoRoom as the stack: a janus process this stack starts and stops ({@link #start()}),
 * a Janus container it starts and removes ({@link #startContainer()}), or a Janus already running at
 * a ws:// URL ({@link #connect}, shared by several harness processes, e.g. load shards). Each client gets its own
 * WebSocket and Janus session ({@link JanusSession}). A Janus the harness starts names its VideoRoom's
 * rooms by strings, so TRTC's string rooms work beside its numeric ones ({@link JanusIds}); one
 * running elsewhere is asked how it names them.
 */
public final class JanusStack implements Stack {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Lines of Janus's log handed to the report of a failed scenario. */
    private static final int LOG_LINES = 200;

    private final URI webSocketUri;
    private final Duration connectTimeout;
    private final Optional<JanusInstance> started;
    private final JanusIds ids;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sessions = new AtomicLong();

    private JanusStack(URI webSocketUri, Duration connectTimeout, Optional<JanusInstance> started, JanusIds ids,
                       HttpClient http) {
        String scheme = webSocketUri.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("Janus URL " + webSocketUri + " is not a ws:// or wss:// URL");
        }
        this.webSocketUri = webSocketUri;
        this.connectTimeout = connectTimeout;
        this.started = started;
        this.ids = ids;
        this.http = http;
    }

    private static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * A Janus already running (its WebSocket transport at {@code webSocketUri}) in the VideoRoom's
     * default configuration, rooms named by numbers, not asked; closing this stack leaves it running.
     */
    public JanusStack(URI webSocketUri, Duration connectTimeout) {
        this(webSocketUri, connectTimeout, Optional.empty(), JanusIds.NUMBERS, httpClient(connectTimeout));
    }

    public JanusStack(URI webSocketUri) {
        this(webSocketUri, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * A Janus already running at {@code url}, asked first whether it is one, with the VideoRoom;
     * closing this stack leaves it running. Rooms are shared with whoever else uses that Janus: each
     * TRTC room is created by its first client and never destroyed by the harness (docs/janus.md).
     * Whether its VideoRoom names rooms by strings ({@code string_ids}) is asked too: string rooms
     * need it.
     *
     * @throws io.trtcsim.stack.StackUnreachableException naming the URL when no Janus with a VideoRoom
     *         answers there within about twice {@code connectTimeout}
     */
    public static JanusStack connect(JanusUrl url, Duration connectTimeout) {
        HttpClient http = httpClient(connectTimeout);
        JanusIds ids = JanusProbe.requireVideoRoom(url, http, new ObjectMapper(), connectTimeout);
        return new JanusStack(url.webSocketUri(), connectTimeout, Optional.empty(), ids, http);
    }

    /**
     * Starts Debian's janus with a generated configuration and returns once it listens.
     *
     * @throws JanusNotInstalledException when janus is not installed
     */
    public static JanusStack start() {
        return start(JanusProcess.DEFAULT_READY_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    public static JanusStack start(Duration readyTimeout, Duration connectTimeout) {
        return around(JanusProcess.start(readyTimeout), connectTimeout);
    }

    /**
     * Starts Janus in a container of the locally built image trtcsim/janus:local (Testcontainers).
     *
     * @throws io.trtcsim.stack.StackUnavailableException when Docker or the image is missing
     */
    public static JanusStack startContainer() {
        return startContainer(JanusContainer.DEFAULT_READY_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    public static JanusStack startContainer(Duration readyTimeout, Duration connectTimeout) {
        return around(JanusContainer.start(readyTimeout), connectTimeout);
    }

    private static JanusStack around(JanusInstance janus, Duration connectTimeout) {
        try {
            return new JanusStack(janus.webSocketUri(), connectTimeout, Optional.of(janus), JanusIds.STRINGS,
                    httpClient(connectTimeout));
        } catch (RuntimeException e) {
            janus.close();
            throw e;
        }
    }

    /**
     * "janus" or "janus-container" for the Janus this stack runs; for one running elsewhere its
     * harness.stack value, "janus+ws://host:port/".
     */
    @Override
    public String name() {
        return started.map(JanusInstance::stackName).orElse(JanusUrl.PREFIX + webSocketUri);
    }

    public URI webSocketUri() {
        return webSocketUri;
    }

    /** The janus process this stack started, if it started one. */
    public Optional<JanusProcess> process() {
        return started.filter(JanusProcess.class::isInstance).map(JanusProcess.class::cast);
    }

    @Override
    public SignalingChannel open(RoomEventListener listener) {
        return new JanusSession(webSocketUri, http, json, connectTimeout, ids, listener, "s" + sessions.incrementAndGet());
    }

    /**
     * Why a Janus whose VideoRoom names rooms by numbers has no string room ids: Janus has them only
     * as {@code string_ids = true} in janus.plugin.videoroom.jcfg, a switch for the whole plugin.
     */
    public static final String NO_STRING_ROOM_IDS = "this Janus's VideoRoom names rooms by numbers (string_ids off);"
            + " TRTC's string rooms need string_ids = true in janus.plugin.videoroom.jcfg, as the Janus the harness"
            + " starts has it";

    /**
     * String room ids where the VideoRoom names rooms by strings ({@link JanusIds}); none of the other
     * optional TRTC behaviours: no UserSig or PrivateMapKey checks, no ban of a duplicate userId, no
     * server API or callbacks, no live-mode roles, no mute events (docs/janus.md). Packet loss only
     * for the process on this machine: media to a container or a Janus elsewhere does not arrive
     * through this machine's INPUT chain.
     */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (ids == JanusIds.STRINGS) {
            capabilities.add(Capability.STRING_ROOM_IDS);
        }
        if (started.filter(JanusInstance::receivesMediaThroughThisMachine).isPresent()) {
            capabilities.add(Capability.PACKET_LOSS);
        }
        return capabilities;
    }

    @Override
    public String whyNot(Capability missing) {
        return missing == Capability.STRING_ROOM_IDS ? NO_STRING_ROOM_IDS : Stack.super.whyNot(missing);
    }

    /**
     * Janus's log names handles and sessions rather than rooms, so a failed scenario gets the end of
     * the whole log; empty for a Janus this stack did not start.
     */
    @Override
    public List<String> logLines(RoomId roomId) {
        return started.map(janus -> janus.logTail(LOG_LINES)).orElse(List.of());
    }

    @Override
    public void close() {
        started.ifPresent(JanusInstance::close);
    }

    @Override
    public String toString() {
        return "JanusStack[" + webSocketUri + "]";
    }
}
