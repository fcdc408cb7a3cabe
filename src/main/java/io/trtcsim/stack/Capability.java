package io.trtcsim.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Documented TRTC behaviours a stack may lack. A feature that needs one says so with a tag
 * ({@code @requires-server-callbacks}); on a stack without it the scenario is reported as not
 * supported, with the reason — never passed, never failed.
 */
public enum Capability {
    USER_SIG("user-sig", "UserSig checks (TLS-SigAPIv2) refusing bad signatures"),
    PRIVATE_MAP_KEY("private-map-key", "PrivateMapKey privileges"),
    DUPLICATE_LOGIN_BAN("duplicate-login-ban", "client-banned for the earlier client when a userId joins a room again"),
    SERVER_API("server-api", "server API for the app server (RemoveUser, DismissRoom)"),
    /** A Janus has them only when its VideoRoom names rooms by strings: see JanusStack#NO_STRING_ROOM_IDS. */
    STRING_ROOM_IDS("string-room-ids", "string room ids (useStringRoomId) beside numeric rooms, as distinct rooms"),
    SERVER_CALLBACKS("server-callbacks", "room and media callbacks to the app server"),
    LIVE_MODE_ROLES("live-mode-roles", "live mode with anchor and audience roles (switchRole)"),
    MUTE_EVENTS("mute-events", "mute-audio / mute-video events when a publisher mutes"),
    STREAM_UPDATES("stream-updates", "stream-updated when a published stream adds or removes a track"),
    /** A screen-sharing stream published as the user's auxiliary stream (getType 'auxiliary', callbacks 205/206). */
    AUXILIARY_STREAMS("auxiliary-streams", "screen sharing as the user's auxiliary stream (getType 'auxiliary')"),
    /** TRTC's dual stream: a publisher's small stream beside the big one, chosen per subscriber. */
    SMALL_STREAMS("small-streams", "dual streams (enableSmallStream, setRemoteVideoStreamType)"),
    /** The stack's own media plane shapes each participant's packets (loss, delay, jitter, capacity, outages). */
    NETWORK_EMULATION("network-emulation", "network conditions applied per participant by the stack's own media plane"
            + " (delay, jitter, capacity, outages) in user space"),
    /** TRTC's reconnection: a rejoin while the old membership still stands resumes it, unseen by the others. */
    RECONNECTION("reconnection", "TRTC's reconnection: a client whose signaling was lost rejoins and resumes its"
            + " membership, unseen by the others, within the server's heartbeat timeout"),
    /** Loss alone: the stack's own emulation, else iptables as root where the media reaches this machine (PacketLoss). */
    PACKET_LOSS("packet-loss", "packet loss on a participant's links: the stack's own emulation, or (Janus as a process,"
            + " as root) iptables where the media arrives on this machine");

    private final String tag;
    private final String description;

    Capability(String tag, String description) {
        this.tag = tag;
        this.description = description;
    }

    /** The tag that asks for it: {@code @requires-<tag>}. */
    public String tag() {
        return "@requires-" + tag;
    }

    public String description() {
        return description;
    }

    public static Capability ofTag(String tag) {
        return Arrays.stream(values()).filter(c -> c.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tag " + tag + " names no stack capability; known: "
                        + Arrays.stream(values()).map(Capability::tag).collect(Collectors.joining(", "))));
    }
}
