package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallFlowIT {

    @Test
    void twoParticipantsSeeEachOther() throws Exception {
        AppKey app = new AppKey(1400000001L, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        UserSigGenerator sigs = new UserSigGenerator(app);
        try (EmbeddedSimulatorStack stack = EmbeddedSimulatorStack.start(SimulatorConfig.onLoopback(AppKeyStore.of(app)), Duration.ofSeconds(5));
             TRTC aliceTab = new TRTC("alice", stack, SdkOptions.defaults());
             TRTC bobTab = new TRTC("bob", stack, SdkOptions.defaults())) {
            Client alice = aliceTab.createClient(new ClientConfig("rtc", app.sdkAppId(), "alice", sigs.genUserSig("alice", Duration.ofHours(1))));
            Client bob = bobTab.createClient(new ClientConfig("rtc", app.sdkAppId(), "bob", sigs.genUserSig("bob", Duration.ofHours(1))));
            bob.on("stream-added", e -> bob.subscribe(e.stream()));
            bob.on("stream-subscribed", e -> e.stream().play("remote_stream-" + e.stream().getId()));
            alice.join(JoinOptions.room(8888)).get();
            bob.join(JoinOptions.room(8888)).get();
            LocalStream local = aliceTab.createStream(StreamConfig.of("alice", true, true));
            local.initialize().get();
            long t0 = System.nanoTime();
            alice.publish(local).get();
            System.out.println("publish took ms " + (System.nanoTime() - t0) / 1e6);
            await().atMost(Duration.ofSeconds(10)).until(() -> bob.remoteStreams().size() == 1 && bob.remoteStreams().get(0).isSubscribed());
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            System.out.println(bob.debugStats());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                RemoteStream remote = bob.remoteStreams().get(0);
                assertThat(remote.playback()).isPresent();
                assertThat(remote.playback().get().video().get().framesRendered()).isGreaterThan(30);
                assertThat(remote.playback().get().audio().get().samplesReceived()).isGreaterThan(4800);
            });
            var frames = bob.remoteStreams().get(0).playback().get().video().get().frames();
            System.out.println("frames " + frames.size() + " last " + frames.get(frames.size() - 1) + " lat ms " + frames.get(frames.size() - 1).latencyMicros() / 1000.0);
            System.out.println(bob.journal().describe());
            alice.leave().get();
            await().atMost(Duration.ofSeconds(5)).until(() -> bob.journal().count(ClientEvent.PEER_LEAVE, "alice") == 1);
            System.out.println(bob.journal().describe());
        }
    }
}
