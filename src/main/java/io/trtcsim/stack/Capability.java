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
    SERVER_CALLBACKS("server-callbacks", "room and media callbacks to the app server"),
    LIVE_MODE_ROLES("live-mode-roles", "live mode with anchor and audience roles (switchRole)"),
    MUTE_EVENTS("mute-events", "mute-audio / mute-video events when a publisher mutes"),
    STREAM_UPDATES("stream-updates", "stream-updated when a published stream adds or removes a track"),
    /** The harness drops packets where they arrive on this machine (PacketLoss); a container's network is elsewhere. */
    PACKET_LOSS("packet-loss", "media arriving through this machine's own network stack, where the harness can drop packets");

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
