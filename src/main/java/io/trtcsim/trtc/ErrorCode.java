package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Optional;

/** The error codes of TRTC Web SDK v4 (RtcError.getCode()), names spelled as documented, typos included. */
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
    UNKOWN(0xFFFF);

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
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a TRTC error code; documented: "
                        + Arrays.toString(values())));
    }
}
