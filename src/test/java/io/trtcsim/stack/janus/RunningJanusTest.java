package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Stacks;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.LoopbackPorts;
import io.trtcsim.stack.Stack;
import io.trtcsim.stack.StackUnreachableException;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Janus already running, named by the stack value {@code janus+ws://host:port/}, as the shards of
 * a load run share it: checked before use, used, and left running; a URL with no Janus behind it is
 * one error naming it, within the connect timeout, never a hang.
 */
class RunningJanusTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The check waits at most twice the timeout (the WebSocket, then the answer); the rest is slack. */
    private static final Duration ERROR_WITHIN = TIMEOUT.multipliedBy(2).plusSeconds(2);
    private static final RoomEventListener IGNORING = new RoomEventListener() {
        @Override
        public void onEvent(RoomEvent event) {
        }

        @Override
        public void onDisconnected(String reason) {
        }
    };

    @Test
    void aRunningJanusIsCheckedUsedAndLeftRunning() throws Exception {
        JanusInstalled.assumeInstalled();
        try (JanusProcess janus = JanusProcess.start()) {
            String value = "janus+" + janus.webSocketUri();

            try (Stack stack = Stacks.start(HarnessConfig.load().with("harness.stack", value));
                 SignalingChannel alice = stack.open(IGNORING)) {
                assertThat(stack).isInstanceOf(JanusStack.class);
                assertThat(stack.name()).isEqualTo(value);
                assertThat(stack.logLines(RoomId.numeric(4646))).as("no log of a Janus this stack did not start").isEmpty();
                alice.join(new JoinRequest(1400000001L, "alice", "unused-by-janus", RoomId.numeric(4646), false, Mode.RTC,
                        Role.ANCHOR, ""))
                        .get(10, TimeUnit.SECONDS);
                alice.leave().get(10, TimeUnit.SECONDS);
            }

            assertThat(janus.isAlive()).as("janus still runs once the stack that used it is closed").isTrue();
        }
    }

    /** The harness's own configuration names rooms by strings; asked, the Janus says so, and a string room works. */
    @Test
    void aRunningJanusThatNamesRoomsByStringsTakesStringRooms() throws Exception {
        JanusInstalled.assumeInstalled();
        try (JanusProcess janus = JanusProcess.start();
             Stack stack = Stacks.start(HarnessConfig.load().with("harness.stack", "janus+" + janus.webSocketUri()));
             SignalingChannel alice = stack.open(IGNORING);
             SignalingChannel bob = stack.open(IGNORING)) {
            assertThat(stack.capabilities()).contains(Capability.STRING_ROOM_IDS);

            alice.join(new JoinRequest(1400000001L, "alice", "unused-by-janus", RoomId.string("class-7A"), true, Mode.RTC,
                    Role.ANCHOR, "")).get(10, TimeUnit.SECONDS);
            bob.join(new JoinRequest(1400000001L, "bob", "unused-by-janus", RoomId.numeric(4747), false, Mode.RTC,
                    Role.ANCHOR, "")).get(10, TimeUnit.SECONDS);
            alice.leave().get(10, TimeUnit.SECONDS);
            bob.leave().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aUrlWhereNothingListensIsOneErrorNamingIt() {
        int closedPort = LoopbackPorts.free();
        JanusUrl nowhere = JanusUrl.parse("janus+ws://127.0.0.1:" + closedPort + "/");

        long started = System.nanoTime();
        assertThatThrownBy(() -> JanusStack.connect(nowhere, TIMEOUT))
                .isInstanceOf(StackUnreachableException.class)
                .hasMessageStartingWith("no Janus answers at janus+ws://127.0.0.1:" + closedPort + "/: nothing accepts connections there");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ERROR_WITHIN);
    }

    @Test
    void aWebSocketThatIsNotJanusIsOneErrorNamingIt() {
        try (SimulatorServer simulator = SimulatorServer.start(
                SimulatorConfig.onLoopback(AppKeyStore.load(Path.of("fixtures/apps.json"))))) {
            JanusUrl notJanus = new JanusUrl(simulator.signalingUri());

            long started = System.nanoTime();
            assertThatThrownBy(() -> JanusStack.connect(notJanus, TIMEOUT))
                    .isInstanceOf(StackUnreachableException.class)
                    .hasMessageStartingWith("janus+" + simulator.signalingUri() + " is not a Janus: ");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ERROR_WITHIN);
        }
    }

    @Test
    void theStackValueNeedsAWebSocketUrlWithHostAndPort() {
        assertThat(JanusUrl.parse("janus+ws://10.0.0.5:8188/")).hasToString("janus+ws://10.0.0.5:8188/")
                .extracting(JanusUrl::webSocketUri).isEqualTo(URI.create("ws://10.0.0.5:8188/"));
        assertThat(JanusUrl.names("ws://10.0.0.5:7788/signal")).as("a bare ws:// URL is a simulator's").isFalse();
        assertThatThrownBy(() -> JanusUrl.parse("janus+http://10.0.0.5:8088/janus"))
                .hasMessageContaining("is not a ws:// or wss:// URL");
        assertThatThrownBy(() -> JanusUrl.parse("janus+ws://10.0.0.5/"))
                .hasMessageContaining("needs a host and a port");
        assertThatThrownBy(() -> Stacks.start(HarnessConfig.load().with("harness.stack", "janus+ws://bad host:1/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("janus+ws://bad host:1/");
    }
}
