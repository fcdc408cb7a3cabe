package io.trtcsim.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codes against Tencent's 4.x table (../shared/reference/trtc-web-sdk-v4.md), and the names steps accept. */
class ErrorCodeTest {

    @Test
    void everyCodeOfThe4xTableHasItsDocumentedNumber() {
        Map<String, Integer> documented = Map.ofEntries(Map.entry("INVALID_PARAMETER", 4096), Map.entry("INVALID_OPERATION", 4097),
                Map.entry("NOT_SUPPORTED", 4098), Map.entry("DEVICE_NOT_FOUND", 4099), Map.entry("INITIALIZE_FAILED", 4100),
                Map.entry("SIGNAL_CAHNNEL_SETUP_FAILED", 16385), Map.entry("SIGNAL_CHANNEL_ERROR", 16386),
                Map.entry("ICE_TRANSPORT_ERROR", 16387), Map.entry("JOIN_ROOM_FAILED", 16388),
                Map.entry("CREATE_OFFER_FAILED", 16389), Map.entry("SIGNAL_CHANNEL_RECONNECTION_FAILED", 16390),
                Map.entry("UPLINK_RECONNECTION_FAILED", 16391), Map.entry("DOWNLINK_RECONNECTION_FAILED", 16392),
                Map.entry("REMOTE_STREAM_NOT_EXIST", 16400), Map.entry("CLIENT_BANNED", 16448), Map.entry("SERVER_TIMEOUT", 16449),
                Map.entry("SUBSCRIPTION_TIMEOUT", 16450), Map.entry("PLAY_NOT_ALLOWED", 16451),
                Map.entry("DEVICE_AUTO_RECOVER_FAILED", 16452), Map.entry("START_PUBLISH_CDN_FAILED", 16453),
                Map.entry("STOP_PUBLISH_CDN_FAILED", 16454), Map.entry("START_MIX_TRANSCODE_FAILED", 16455),
                Map.entry("STOP_MIX_TRANSCODE_FAILED", 16456), Map.entry("NOT_SUPPORTED_H264", 16457),
                Map.entry("SWITCH_ROLE_FAILED", 16458), Map.entry("UNKNOWN", 65535));

        Map<String, Integer> ours = Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(Enum::name, ErrorCode::code));

        assertThat(ours).isEqualTo(documented);
    }

    @Test
    void bothSpellingsOfTheSetupCodeAreTheSameCodeAndOthersAreRefusedNamingTheDocumentedOnes() {
        assertThat(ErrorCode.named("SIGNAL_CHANNEL_SETUP_FAILED")).isSameAs(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED);
        assertThat(ErrorCode.named("SIGNAL_CAHNNEL_SETUP_FAILED")).isSameAs(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED);
        assertThatThrownBy(() -> ErrorCode.named("UNKOWN")).hasMessageContaining("'UNKOWN' is not a TRTC error code")
                .hasMessageContaining("UNKNOWN");
    }

    @Test
    void extraCodesAndBanReasonsAreTheDocumentedOnes() {
        assertThat(ExtraCode.ofCode(70001)).contains(ExtraCode.USER_SIG_EXPIRED);
        assertThat(ExtraCode.ofCode(-10018)).contains(ExtraCode.PRIVATE_MAP_KEY_MISSING);
        assertThat(ExtraCode.ofCode(12345)).isEmpty();
        assertThat(Arrays.stream(BanReason.values()).map(BanReason::wireName)).containsExactly("kick", "banned", "room-disband");
        assertThatThrownBy(() -> BanReason.named("kicked")).hasMessageContaining("'kicked' is not a client-banned reason")
                .hasMessageContaining("[kick, banned, room-disband]");
    }
}
