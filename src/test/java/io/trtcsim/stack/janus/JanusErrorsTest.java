package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.sdk.Client;
import io.trtcsim.sdk.ClientConfig;
import io.trtcsim.sdk.JoinOptions;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.TRTC;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Janus refuses, and what it has no notion of, reach the app as TRTC's documented errors. */
class JanusErrorsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RoomEventListener IGNORING = new RoomEventListener() {
        @Override
        public void onEvent(RoomEvent event) {
        }

        @Override
        public void onDisconnected(String reason) {
        }
    };

    private final Deque<AutoCloseable> teardown = new ArrayDeque<>();

    @AfterEach
    void releaseInReverseOrder() throws Exception {
        while (!teardown.isEmpty()) {
            teardown.pop().close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        teardown.push(resource);
        return resource;
    }

    private static RtcError failureOf(CompletableFuture<?> call) {
        try {
            call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RtcError.class);
            return (RtcError) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the call to fail with an RtcError, got " + e, e);
        }
        throw new AssertionError("expected the call to fail, but it succeeded");
    }

    private static JoinRequest joining(String userId, long roomId) {
        return new JoinRequest(1400000001L, userId, "unused-by-janus", RoomId.numeric(roomId), false, Mode.RTC, Role.ANCHOR, "");
    }

    @Test
    void aJanusThatIsNotThereIsASignalChannelSetupFailureNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("ws://127.0.0.1:" + closedPort + "/");
        JanusStack stack = closeLater(new JanusStack(nowhere, Duration.ofSeconds(2)));
        TRTC tab = closeLater(new TRTC("alice", stack, SdkOptions.defaults()));
        Client alice = tab.createClient(new ClientConfig(Mode.RTC, 1400000001L, "alice", "unused-by-janus"));

        RtcError error = failureOf(alice.join(JoinOptions.room(4242)));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED);
        assertThat(error.getMessage()).contains(nowhere.toString());
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void muteAndSwitchRoleAreNotSupportedAndSayWhy() {
        JanusStack stack = closeLater(new JanusStack(URI.create("ws://127.0.0.1:9/")));
        SignalingChannel session = closeLater(stack.open(IGNORING));

        RtcError mute = failureOf(session.mute(MediaKind.AUDIO, true));
        RtcError switchRole = failureOf(session.switchRole(Role.AUDIENCE));

        assertThat(mute.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
        assertThat(mute.getMessage()).contains("Janus VideoRoom has no mute signalling");
        assertThat(switchRole.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
        assertThat(switchRole.getMessage()).contains("Janus VideoRoom has no roles");
    }

    @Test
    void aStringRoomIsNotSupportedAndSaysWhyBeforeReachingJanus() {
        JanusStack stack = closeLater(new JanusStack(URI.create("ws://127.0.0.1:9/")));
        SignalingChannel session = closeLater(stack.open(IGNORING));

        RtcError error = failureOf(session.join(new JoinRequest(1400000001L, "alice", "unused-by-janus",
                RoomId.string("class-7A"), true, Mode.RTC, Role.ANCHOR, "")));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
        assertThat(error.getMessage()).contains("\"class-7A\"").contains("string_ids");
    }

    @Test
    void theStackDeclaresNoneOfTheOptionalTrtcBehaviours() {
        JanusStack stack = closeLater(new JanusStack(URI.create("ws://127.0.0.1:9/")));

        assertThat(stack.capabilities()).isEmpty();
        assertThat(stack.serverApi()).isEmpty();
    }

    @Test
    void anUnknownFeedIsRemoteStreamNotExistWithJanussText() throws Exception {
        JanusInstalled.assumeInstalled();
        JanusStack stack = closeLater(JanusStack.start());
        SignalingChannel alice = closeLater(stack.open(IGNORING));
        alice.join(joining("alice", 4343)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        RtcError error = failureOf(alice.subscribe("123456789"));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.REMOTE_STREAM_NOT_EXIST);
        assertThat(error.getMessage()).contains("428").contains("No such feed");
        assertThat(failureOf(alice.subscribe("alice_main")).errorCode()).isEqualTo(ErrorCode.REMOTE_STREAM_NOT_EXIST);
    }

    /** A room someone else made with a PIN refuses the join: JOIN_ROOM_FAILED, with Janus's reason. */
    @Test
    void aRefusedJoinIsJoinRoomFailedWithJanussText() throws Exception {
        JanusInstalled.assumeInstalled();
        JanusStack stack = closeLater(JanusStack.start());
        long room = 4444;
        createRoomWithPin(stack.webSocketUri(), room, "1234");
        TRTC tab = closeLater(new TRTC("alice", stack, SdkOptions.defaults()));
        Client alice = tab.createClient(new ClientConfig(Mode.RTC, 1400000001L, "alice", "unused-by-janus"));

        RtcError error = failureOf(alice.join(JoinOptions.room(room)));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.JOIN_ROOM_FAILED);
        assertThat(error.getMessage()).contains("Janus refused it").contains("(pin)");
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void switchRoleThroughTheSdkInLiveModeIsNotSupported() throws Exception {
        JanusInstalled.assumeInstalled();
        JanusStack stack = closeLater(JanusStack.start());
        TRTC tab = closeLater(new TRTC("alice", stack, SdkOptions.defaults()));
        Client alice = tab.createClient(new ClientConfig(Mode.LIVE, 1400000001L, "alice", "unused-by-janus"));
        alice.join(JoinOptions.room(4545)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(failureOf(alice.switchRole(Role.AUDIENCE)).errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
    }

    /** Straight through the Janus API, as another application sharing the server would. */
    private void createRoomWithPin(URI janus, long room, String pin) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JanusConnection connection = closeLater(new JanusConnection(janus, HttpClient.newHttpClient(), json, WAIT,
                new JanusConnection.Listener() {
                    @Override
                    public void onPush(JsonNode message) {
                    }

                    @Override
                    public void onClosed(String reason) {
                    }
                }, "admin"));
        long session = connection.request(json.createObjectNode().put("janus", "create"),
                reply -> reply.path("data").path("id").asLong()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long handle = connection.request(json.createObjectNode().put("janus", "attach").put("session_id", session)
                        .put("plugin", JanusSession.PLUGIN),
                reply -> reply.path("data").path("id").asLong()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        ObjectNode create = json.createObjectNode().put("janus", "message").put("session_id", session)
                .put("handle_id", handle);
        // The Janus the harness starts names rooms by strings: TRTC room 4444 is Janus room "4444".
        ObjectNode body = create.putObject("body").put("request", "create").put("pin", pin).put("permanent", false);
        body.set("room", JanusIds.STRINGS.room(RoomId.numeric(room)).orElseThrow());
        connection.request(create, reply -> reply).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
