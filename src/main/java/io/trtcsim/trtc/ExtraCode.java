package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The server's reasons that TRTC v4 documents under RtcError.getExtraCode(): account errors (why a
 * UserSig was refused) and room-entry errors. The SDK gives them to the app as plain numbers, as the
 * JavaScript SDK does; the simulator decides with these names.
 */
public enum ExtraCode {
    /** The userSig has expired. */
    USER_SIG_EXPIRED(70001),
    /** No userSig was given. */
    USER_SIG_EMPTY(70002),
    /** The userSig could not be read: truncated or malformed (70003–70008 and 70010 say where; 70003 stands for them). */
    USER_SIG_MALFORMED(70003),
    /** Signed with a key that is not this SDKAppID's. */
    USER_SIG_WRONG_KEY(70009),
    /** The userId inside the userSig is not the one joining. */
    USER_SIG_USER_ID_MISMATCH(70013),
    /** The SDKAppID inside the userSig is not the request's. */
    USER_SIG_SDK_APP_ID_MISMATCH(70014),
    /** Invalid userSig, for a reason none of the above names (here: an SDKAppID the server does not know). */
    USER_SIG_INVALID(70052),
    /** The room id is missing or invalid (string ids need useStringRoomId). */
    ROOM_ID_INVALID(-10012),
    /** UserSig authentication failed. */
    USER_SIG_AUTHENTICATION_FAILED(-10013),
    /** Advanced permission control is on for the application, and the join carried no privateMapKey. */
    PRIVATE_MAP_KEY_MISSING(-10018),
    /** The privateMapKey does not meet the requirements (another room, no enter-room privilege, unreadable). */
    PRIVATE_MAP_KEY_INSUFFICIENT(-10019);

    private final int code;

    ExtraCode(int code) {
        this.code = code;
    }

    /** The number RtcError.getExtraCode() returns. */
    public int code() {
        return code;
    }

    public static Optional<ExtraCode> ofCode(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
