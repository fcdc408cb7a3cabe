package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why TRTC removed a client, as the {@code client-banned} event's {@code reason} says from SDK
 * 4.14.0 on ({@code {reason, message}}).
 */
public enum BanReason {
    /** Another client with the same userId entered the room. */
    KICK("kick"),
    /** The app server removed the user (server API RemoveUser). */
    BANNED("banned"),
    /** The app server dismissed the room (server API DismissRoom). */
    ROOM_DISBAND("room-disband");

    private final String wireName;

    BanReason(String wireName) {
        this.wireName = wireName;
    }

    /** As the event carries it: "kick", "banned", "room-disband". */
    public String wireName() {
        return wireName;
    }

    /** The reason of that documented name, if it is one. */
    public static Optional<BanReason> ofWireName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.wireName.equals(name)).findFirst();
    }

    /** As a feature writes it; anything else names the documented reasons. */
    public static BanReason named(String name) {
        return ofWireName(name).orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a client-banned"
                + " reason TRTC documents; documented: " + Arrays.stream(values()).map(BanReason::wireName).toList()));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
