package io.trtcsim.simulator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.RoomId;
import java.util.Locale;
import java.util.Objects;

/**
 * One room or media event as the simulator saw it, before it becomes a callback body.
 *
 * <p>Which optional fields the body carries:
 * <ul>
 *   <li>{@code UserId} when {@code userId} is given. Room lifecycle events (create, dismiss) may
 *       leave it null; every other event concerns one user and must name them.</li>
 *   <li>{@code Role} when {@code role} is not 0: 20 anchor, 21 audience (21 is *unconfirmed* in
 *       TRTC's pages; it is what the simulator sends). 0 means "not applicable".</li>
 *   <li>{@code Reason} for enter room and exit room only, the two events TRTC gives a reason for,
 *       and only when {@code reason} is given.</li>
 * </ul>
 *
 * <p>{@code reason} is the simulator's own words for why (it is logged as is) and becomes TRTC's
 * numeric Reason by its first matching keyword, case-insensitively:
 * <ul>
 *   <li>2, timeout: "timeout", "timed out", "disconnected" (a client that vanished without leaving,
 *       which TRTC only notices by a timeout);</li>
 *   <li>3, kicked: "kicked", "banned", "removed", "dismissed" (the app server or a newer login took
 *       the user out, or the app server dismissed the room under them);</li>
 *   <li>1, normal: anything else, such as "left" or "normal".</li>
 * </ul>
 * {@code TerminalType} is always 1 and {@code UserType} always 3: the simulator does not model
 * terminals or user kinds, so it sends one fixed pair.
 */
public record RoomCallback(long sdkAppId, CallbackEvent event, RoomId roomId, String userId, int role, String reason,
                           long eventMillis) {

    public static final int ROLE_NOT_APPLICABLE = 0;
    public static final int ROLE_ANCHOR = 20;
    public static final int ROLE_AUDIENCE = 21;

    public static final int REASON_NORMAL = 1;
    public static final int REASON_TIMEOUT = 2;
    public static final int REASON_KICKED = 3;

    static final int TERMINAL_TYPE = 1;
    static final int USER_TYPE = 3;

    public RoomCallback {
        Objects.requireNonNull(event, "event");
        if (sdkAppId <= 0) {
            throw new IllegalArgumentException("sdkAppId must be positive, was " + sdkAppId);
        }
        Objects.requireNonNull(roomId, "roomId");
        roomId.problem(roomId.isString()).ifPresent(problem -> {
            throw new IllegalArgumentException("a callback needs a valid room: " + problem);
        });
        if (event.concernsUser() && (userId == null || userId.isEmpty())) {
            throw new IllegalArgumentException(event.phrase() + " concerns one user, but no userId was given");
        }
        if (role != ROLE_NOT_APPLICABLE && role != ROLE_ANCHOR && role != ROLE_AUDIENCE) {
            throw new IllegalArgumentException("role must be 20 (anchor), 21 (audience) or 0 (not applicable), was "
                    + role);
        }
        if (eventMillis < 0) {
            throw new IllegalArgumentException("eventMillis must not be negative, was " + eventMillis);
        }
    }

    /** The numeric Reason this callback carries, or 0 when its body has no Reason field. */
    public int reasonCode() {
        if (reason == null || !event.hasReason()) {
            return 0;
        }
        String words = reason.toLowerCase(Locale.ROOT);
        if (words.contains("timeout") || words.contains("timed out") || words.contains("disconnected")) {
            return REASON_TIMEOUT;
        }
        if (words.contains("kicked") || words.contains("banned") || words.contains("removed")
                || words.contains("dismissed")) {
            return REASON_KICKED;
        }
        return REASON_NORMAL;
    }

    /**
     * The callback body, fields in TRTC's documented order.
     *
     * @param callbackTs the CallbackTs: milliseconds at the time of sending (each attempt has its own)
     * @param uniqueId   the UniqueId: the same for every attempt at one callback, so the app can drop
     *                   repeats
     */
    public String toJson(ObjectMapper mapper, long callbackTs, long uniqueId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("EventGroupId", event.groupId());
        body.put("EventType", event.eventType());
        body.put("CallbackTs", callbackTs);
        ObjectNode info = body.putObject("EventInfo");
        // A string room's callbacks carry its id as a JSON string, a numeric room's as a number.
        info.putPOJO("RoomId", roomId.wireValue());
        info.put("EventTs", Math.floorDiv(eventMillis, 1000L));
        info.put("EventMsTs", eventMillis);
        if (userId != null) {
            info.put("UserId", userId);
        }
        info.put("UniqueId", uniqueId);
        if (role != ROLE_NOT_APPLICABLE) {
            info.put("Role", role);
        }
        info.put("TerminalType", TERMINAL_TYPE);
        info.put("UserType", USER_TYPE);
        int reasonCode = reasonCode();
        if (reasonCode != 0) {
            info.put("Reason", reasonCode);
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings could not be written", e);
        }
    }

    /** "104 exit room of alice in room 1234 (SDKAppID 1400000001)": how logs name the callback. */
    String describe() {
        return event.describe() + (userId == null ? "" : " of " + userId) + " in room " + roomId
                + " (SDKAppID " + sdkAppId + ")";
    }
}
