package io.trtcsim.trtc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A room id as an app passes it to {@code client.join({roomId})}: a number, or (with the client's
 * {@code useStringRoomId}) a string. TRTC keeps the two apart: room 8888 and room "8888" are two
 * rooms. A value is held as given, valid or not, because it is the server that refuses a bad one
 * (JOIN_ROOM_FAILED, extra code -10012); {@link #problem} says why it would.
 */
public sealed interface RoomId permits RoomId.Numeric, RoomId.Text {

    long MIN_NUMERIC = 1;
    long MAX_NUMERIC = 4_294_967_294L;
    int MAX_STRING_BYTES = 64;
    /** TRTC's documented character set for string room ids. */
    String STRING_CHARACTERS = "a-zA-Z0-9 and ' !#$%&()+-:;<=.>?@[]^_{}|~,'";

    static RoomId numeric(long value) {
        return new Numeric(value);
    }

    static RoomId string(String value) {
        return new Text(value);
    }

    /** Whether this is a string room id (needs {@code useStringRoomId}). */
    boolean isString();

    /** The id as JSON carries it (signaling, callbacks, the server API): a {@code Long} or a {@code String}. */
    Object wireValue();

    /**
     * Why TRTC refuses this id from a client whose {@code useStringRoomId} is as given, naming the
     * value; empty when it is a valid room id for that client.
     */
    Optional<String> problem(boolean useStringRoomId);

    /** An integer room id, valid in [1, 4294967294]. */
    record Numeric(long value) implements RoomId {

        @Override
        public boolean isString() {
            return false;
        }

        @Override
        public Object wireValue() {
            return value;
        }

        @Override
        public Optional<String> problem(boolean useStringRoomId) {
            if (useStringRoomId) {
                return Optional.of("roomId " + value + " is a number, but the client was created with useStringRoomId:"
                        + " its room ids are strings");
            }
            if (value < MIN_NUMERIC || value > MAX_NUMERIC) {
                return Optional.of("roomId " + value + " is outside [" + MIN_NUMERIC + ", " + MAX_NUMERIC + "]");
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A string room id: at most 64 bytes of TRTC's documented characters. */
    record Text(String value) implements RoomId {

        private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]*");

        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isString() {
            return true;
        }

        @Override
        public Object wireValue() {
            return value;
        }

        @Override
        public Optional<String> problem(boolean useStringRoomId) {
            if (!useStringRoomId) {
                return Optional.of("roomId " + this + " is a string; string room ids need useStringRoomId");
            }
            if (value.isEmpty()) {
                return Optional.of("roomId \"\" is empty");
            }
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_STRING_BYTES) {
                return Optional.of("roomId " + this + " is " + bytes + " bytes long; string room ids are at most "
                        + MAX_STRING_BYTES);
            }
            if (!CHARACTERS.matcher(value).matches()) {
                return Optional.of("roomId " + this + " has a character outside " + STRING_CHARACTERS);
            }
            return Optional.empty();
        }

        /** Quoted, so that a log tells "8888" from 8888. */
        @Override
        public String toString() {
            return "\"" + value + "\"";
        }
    }
}
