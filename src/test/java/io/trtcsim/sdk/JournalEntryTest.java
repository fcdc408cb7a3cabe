package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journal's lines keep the form reports and the step catalogue show: TRTC's field names, map-like. */
class JournalEntryTest {

    private static String line(ClientEvent event, String userId, EventPayload payload) {
        return new JournalEntry(1_500_000_000L, event, userId, null, payload).describe(1_000_000_000L);
    }

    @Test
    void eachPayloadIsWrittenWithTrtcsFieldNames() {
        assertThat(line(ClientEvent.CONNECTION_STATE_CHANGED, null,
                new ConnectionStateChange(ConnectionState.CONNECTING, ConnectionState.CONNECTED)))
                .isEqualTo("+0.500s connection-state-changed {prevState=CONNECTING, state=CONNECTED}");
        assertThat(line(ClientEvent.CLIENT_BANNED, "alice", new BanNotice(Optional.of(io.trtcsim.trtc.BanReason.KICK), Optional.of("kicked: user alice joined again"))))
                .isEqualTo("+0.500s client-banned from alice {reason=kick, message=kicked: user alice joined again}");
        assertThat(line(ClientEvent.AUDIO_VOLUME, null, new AudioVolumes(Map.of("bob", 0, "alice", 30))))
                .isEqualTo("+0.500s audio-volume {alice=30, bob=0}");
        assertThat(line(ClientEvent.NETWORK_QUALITY, null, new NetworkQuality(1, 2, 3, 0, 120, 2)))
                .isEqualTo("+0.500s network-quality {uplinkNetworkQuality=1, downlinkNetworkQuality=2, uplinkRTT=3,"
                        + " uplinkLoss=0, downlinkRTT=120, downlinkLoss=2}");
        assertThat(line(ClientEvent.PEER_JOIN, "bob", EventPayload.NONE)).isEqualTo("+0.500s peer-join from bob");
    }
}
