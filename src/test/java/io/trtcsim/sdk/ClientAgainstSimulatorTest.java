package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.stack.SimulatorStack;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK against a simulator reached by URL, as a remote stack would be: signaling, errors and
 * the connection lifecycle. Media is covered by the features.
 */
class ClientAgainstSimulatorTest {

    private static final AppKey APP = new AppKey(1400000001L, "5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private SimulatorServer server;
    private SimulatorStack stack;
    private TRTC tab;

    @BeforeEach
    void start() {
        server = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.of(APP)));
        stack = new SimulatorStack(server.signalingUri(), WAIT);
        tab = new TRTC("test", stack, SdkOptions.defaults());
    }

    @AfterEach
    void stop() {
        tab.close();
        stack.close();
        server.close();
    }

    private Client client(String userId) {
        return tab.createClient(new ClientConfig(Mode.RTC, APP.sdkAppId(), userId,
                new UserSigGenerator(APP).genUserSig(userId, Duration.ofHours(1))));
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

    @Test
    void joinLeaveAndJoinAgainReportTheConnectionStates() throws Exception {
        Client alice = client("alice");
        alice.join(JoinOptions.room(4242)).get(5, TimeUnit.SECONDS);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        alice.leave().get(5, TimeUnit.SECONDS);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        alice.join(JoinOptions.room(4242)).get(5, TimeUnit.SECONDS);

        await("six connection-state-changed events").atMost(WAIT)
                .until(() -> alice.journal().count(ClientEvent.CONNECTION_STATE_CHANGED, null) == 5);
        List<ConnectionState> states = alice.journal().entries().stream()
                .filter(e -> e.event() == ClientEvent.CONNECTION_STATE_CHANGED)
                .map(e -> ((ConnectionStateChange) e.payload()).state()).toList();
        assertThat(states).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.DISCONNECTED, ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void aPeerThatJoinsLaterIsAnnouncedAndItsLeaveToo() throws Exception {
        Client alice = client("alice");
        Client bob = client("bob");
        alice.join(JoinOptions.room(4343)).get(5, TimeUnit.SECONDS);
        bob.join(JoinOptions.room(4343)).get(5, TimeUnit.SECONDS);
        await("alice hears bob join").atMost(WAIT).until(() -> alice.journal().count(ClientEvent.PEER_JOIN, "bob") == 1);
        await("bob hears alice is there").atMost(WAIT).until(() -> bob.journal().count(ClientEvent.PEER_JOIN, "alice") == 1);
        bob.leave().get(5, TimeUnit.SECONDS);
        await("alice hears bob leave").atMost(WAIT).until(() -> alice.journal().count(ClientEvent.PEER_LEAVE, "bob") == 1);
    }

    @Test
    void aForgedSignatureIsJoinRoomFailedNamingTheReason() {
        Client mallory = tab.createClient(new ClientConfig(Mode.RTC, APP.sdkAppId(), "mallory",
                new UserSigGenerator(APP).genUserSig("somebody-else", Duration.ofHours(1))));
        RtcError error = failureOf(mallory.join(JoinOptions.room(4444)));
        assertThat(error.getCode()).isEqualTo(0x4004);
        assertThat(error.getMessage()).contains("IDENTIFIER_MISMATCH");
        assertThat(mallory.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void roomIdsOutsideTheRangeAreRefusedByTheSdk() {
        assertThat(failureOf(client("alice").join(JoinOptions.room(0))).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(failureOf(client("bob").join(JoinOptions.room(4_294_967_295L))).errorCode())
                .isEqualTo(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void publishingBeforeJoiningOrWithoutInitializingIsAnInvalidOperation() throws Exception {
        Client alice = client("alice");
        LocalStream stream = tab.createStream(StreamConfig.of("alice", true, true));
        assertThat(failureOf(alice.publish(stream)).errorCode()).isEqualTo(ErrorCode.INVALID_OPERATION);
        alice.join(JoinOptions.room(4545)).get(5, TimeUnit.SECONDS);
        assertThat(failureOf(alice.publish(stream)).getMessage()).contains("not initialized");
    }

    @Test
    void undocumentedEventNamesAreRefused() {
        Client alice = client("alice");
        assertThatThrownBy(() -> alice.on("stream-add", event -> { }))
                .isInstanceOf(RtcError.class)
                .hasMessageContaining("stream-add")
                .hasMessageContaining("stream-added");
    }

    @Test
    void anUnreachableStackIsASignalChannelSetupFailure() {
        String uri = server.signalingUri().toString();
        server.close();
        RtcError error = failureOf(client("alice").join(JoinOptions.room(4646)));
        assertThat(error.errorCode()).isEqualTo(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED);
        assertThat(error.getMessage()).contains(uri);
    }
}
