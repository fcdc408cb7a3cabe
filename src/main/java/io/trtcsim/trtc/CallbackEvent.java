package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The room (group 1) and media (group 2) events TRTC POSTs to the app server, with the event types
 * and the words its documentation uses for them. Nothing else is accepted: a scenario that names an
 * event TRTC does not document should fail, not quietly wait for a callback that never comes.
 */
public enum CallbackEvent {
    CREATE_ROOM(1, 101, "create room"),
    DISMISS_ROOM(1, 102, "dismiss room"),
    ENTER_ROOM(1, 103, "enter room"),
    /** Also stands for the stop events of the user's media, as TRTC documents. */
    EXIT_ROOM(1, 104, "exit room"),
    CHANGE_ROLE(1, 105, "change role"),
    START_VIDEO(2, 201, "start video"),
    STOP_VIDEO(2, 202, "stop video"),
    START_AUDIO(2, 203, "start audio"),
    STOP_AUDIO(2, 204, "stop audio"),
    START_SUBSTREAM(2, 205, "start substream"),
    STOP_SUBSTREAM(2, 206, "stop substream");

    /** EventGroupId of the room events. */
    public static final int ROOM_GROUP = 1;
    /** EventGroupId of the media events. */
    public static final int MEDIA_GROUP = 2;

    private final int groupId;
    private final int eventType;
    private final String phrase;

    CallbackEvent(int groupId, int eventType, String phrase) {
        this.groupId = groupId;
        this.eventType = eventType;
        this.phrase = phrase;
    }

    /** The EventGroupId: 1 room, 2 media. */
    public int groupId() {
        return groupId;
    }

    /** The EventType, e.g. 103 for enter room. */
    public int eventType() {
        return eventType;
    }

    /** TRTC's words for the event, e.g. "enter room". */
    public String phrase() {
        return phrase;
    }

    /**
     * The event TRTC calls {@code phrase}, matched exactly.
     *
     * @throws IllegalArgumentException naming the phrases TRTC documents when none matches
     */
    public static CallbackEvent named(String phrase) {
        for (CallbackEvent event : values()) {
            if (event.phrase.equals(phrase)) {
                return event;
            }
        }
        throw new IllegalArgumentException("'" + phrase + "' is not a callback event TRTC documents; known: "
                + Arrays.stream(values()).map(CallbackEvent::phrase).collect(Collectors.joining(", ")));
    }

    /**
     * The event with this EventType.
     *
     * @throws IllegalArgumentException naming the documented types when none matches
     */
    public static CallbackEvent ofType(int eventType) {
        for (CallbackEvent event : values()) {
            if (event.eventType == eventType) {
                return event;
            }
        }
        throw new IllegalArgumentException("EventType " + eventType + " is not documented; known: "
                + Arrays.stream(values()).map(e -> e.eventType + " " + e.phrase).collect(Collectors.joining(", ")));
    }

    /** Room lifecycle events (create, dismiss) concern a room only; all the others concern one user. */
    public boolean concernsUser() {
        return this != CREATE_ROOM && this != DISMISS_ROOM;
    }

    /** TRTC gives a Reason for entering and for leaving a room only. */
    public boolean hasReason() {
        return this == ENTER_ROOM || this == EXIT_ROOM;
    }

    /** "103 enter room": how logs name the event. */
    public String describe() {
        return eventType + " " + phrase;
    }
}
