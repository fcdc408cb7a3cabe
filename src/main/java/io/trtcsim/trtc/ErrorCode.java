package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The error codes of TRTC Web SDK v4 (RtcError.getCode()), every code of Tencent's 4.x table, names
 * spelled as its "Key" column spells them: the second signaling code is SIGNAL_CAHNNEL_SETUP_FAILED
 * there (some of its API pages write SIGNAL_CHANNEL_SETUP_FAILED; {@link #named} takes both).
 */
public enum ErrorCode {
    INVALID_PARAMETER(0x1000),
    INVALID_OPERATION(0x1001),
    NOT_SUPPORTED(0x1002),
    DEVICE_NOT_FOUND(0x1003),
    INITIALIZE_FAILED(0x1004),
    SIGNAL_CAHNNEL_SETUP_FAILED(0x4001),
    SIGNAL_CHANNEL_ERROR(0x4002),
    ICE_TRANSPORT_ERROR(0x4003),
    JOIN_ROOM_FAILED(0x4004),
    CREATE_OFFER_FAILED(0x4005),
    SIGNAL_CHANNEL_RECONNECTION_FAILED(0x4006),
    UPLINK_RECONNECTION_FAILED(0x4007),
    DOWNLINK_RECONNECTION_FAILED(0x4008),
    REMOTE_STREAM_NOT_EXIST(0x4010),
    CLIENT_BANNED(0x4040),
    SERVER_TIMEOUT(0x4041),
    SUBSCRIPTION_TIMEOUT(0x4042),
    PLAY_NOT_ALLOWED(0x4043),
    DEVICE_AUTO_RECOVER_FAILED(0x4044),
    START_PUBLISH_CDN_FAILED(0x4045),
    STOP_PUBLISH_CDN_FAILED(0x4046),
    START_MIX_TRANSCODE_FAILED(0x4047),
    STOP_MIX_TRANSCODE_FAILED(0x4048),
    NOT_SUPPORTED_H264(0x4049),
    SWITCH_ROLE_FAILED(0x404a),
    UNKNOWN(0xFFFF);

    /** The spelling some of Tencent's pages use for SIGNAL_CAHNNEL_SETUP_FAILED: the same code. */
    static final String CORRECTED_SETUP_FAILED = "SIGNAL_CHANNEL_SETUP_FAILED";

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ErrorCode> ofCode(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }

    /** Looks a name up as a feature file writes it; the message lists the documented names. */
    public static ErrorCode named(String name) {
        if (CORRECTED_SETUP_FAILED.equals(name)) {
            return SIGNAL_CAHNNEL_SETUP_FAILED;
        }
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a TRTC error code; documented: "
                        + Arrays.toString(values())));
    }
}
