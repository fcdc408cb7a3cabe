package io.trtcsim.steps;

import io.cucumber.java.ParameterType;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.ParticipantRange;
import io.trtcsim.harness.SignatureFault;
import io.trtcsim.harness.appserver.AppServerFault;
import io.trtcsim.network.Direction;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Every parameter type of the step library, in one place. */
public class ParameterTypes {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** A participant, named by its TRTC userId: "alice". */
    @ParameterType("\"([^\"]*)\"")
    public String participant(String name) {
        if (!USER_ID.matcher(name).matches()) {
            throw new IllegalArgumentException("participant name \"" + name
                    + "\" is not a usable TRTC userId (1-32 letters, digits, '_' or '-')");
        }
        return name;
    }

    /** Participants numbered in a range: "viewer-1" to "viewer-20". Each name must be a usable userId. */
    @ParameterType("\"([^\"]*)\" to \"([^\"]*)\"")
    public ParticipantRange range(String first, String last) {
        participant(first);
        participant(last);
        return ParticipantRange.between(first, last);
    }

    /** An event TRTC documents: "stream-added". Anything else is refused with the documented list. */
    @ParameterType("\"([^\"]*)\"")
    public ClientEvent event(String name) {
        try {
            return ClientEvent.named(name);
        } catch (RtcError e) {
            throw new IllegalArgumentException("\"" + name + "\" is not an event TRTC documents; documented client events: "
                    + ClientEvent.documentedNames());
        }
    }

    /**
     * A room id as written: 8888 is a numeric room, "class-7A" (quoted) a string room. Whether the id
     * is valid is for the SDK and the stack to say (INVALID_PARAMETER, or JOIN_ROOM_FAILED with -10012).
     */
    @ParameterType("\"[^\"]*\"|[^\\s\"]+")
    public RoomId room(String text) {
        if (text.startsWith("\"")) {
            return RoomId.string(text.substring(1, text.length() - 1));
        }
        try {
            return RoomId.numeric(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("room id '" + text + "' is not a number; TRTC room ids are integers in [1, 4294967294]");
        }
    }

    /** Which way on a participant's network: uplink (to the stack) or downlink (from it). */
    @ParameterType("uplink|downlink")
    public Direction direction(String name) {
        return name.equals("uplink") ? Direction.UPLINK : Direction.DOWNLINK;
    }

    /** A state connection-state-changed reports: "RECONNECTING". Anything else is refused with the four. */
    @ParameterType("\"([^\"]*)\"")
    public ConnectionState connectionState(String name) {
        try {
            return ConnectionState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a connection state; TRTC's are "
                    + Arrays.toString(ConnectionState.values()));
        }
    }

    /** "2 seconds", "1 second", "500 ms", "500 milliseconds". */
    @ParameterType("(\\d+) (seconds?|ms|milliseconds?)")
    public Duration duration(String amount, String unit) {
        long value = Long.parseLong(amount);
        return unit.startsWith("second") ? Duration.ofSeconds(value) : Duration.ofMillis(value);
    }

    /** A TRTC error name as documented: JOIN_ROOM_FAILED, INVALID_PARAMETER, ... */
    @ParameterType("[A-Z_]+")
    public ErrorCode errorCode(String name) {
        return ErrorCode.named(name);
    }

    /** How a feature spoils a participant's UserSig. */
    @ParameterType("(an expired user signature|a user signature signed with the wrong key|a user signature for user \"(?:[^\"]*)\"|a user signature for another application|a malformed user signature)")
    public BadSignature badSignature(String text) {
        if (text.startsWith("a user signature for user")) {
            return new BadSignature(SignatureFault.OTHER_USER, text.substring(text.indexOf('"') + 1, text.lastIndexOf('"')));
        }
        SignatureFault fault = switch (text) {
            case "an expired user signature" -> SignatureFault.EXPIRED;
            case "a user signature signed with the wrong key" -> SignatureFault.WRONG_KEY;
            case "a user signature for another application" -> SignatureFault.OTHER_APPLICATION;
            default -> SignatureFault.MALFORMED;
        };
        return new BadSignature(fault, null);
    }

    @ParameterType("mutes audio|mutes video|unmutes audio|unmutes video")
    public MuteAction muteAction(String text) {
        String[] words = text.split(" ");
        return new MuteAction(MediaKind.named(words[1]), words[0].equals("mutes"));
    }

    /** A kind of device as people name it: camera, microphone or speaker. */
    @ParameterType("camera|microphone|speaker")
    public DeviceKind deviceKind(String text) {
        return DeviceKind.named(text);
    }

    /** true or false, as a step states a boolean TRTC answers (e.g. a detail field of checkSystemRequirements()). */
    @ParameterType("true|false")
    public boolean truth(String text) {
        return Boolean.parseBoolean(text);
    }

    @ParameterType("audio|video")
    public MediaKind mediaKind(String text) {
        return MediaKind.named(text);
    }

    /** A client mode as createClient takes it: "rtc" or "live"; anything else is INVALID_PARAMETER, as the SDK says. */
    @ParameterType("\"([^\"]*)\"")
    public Mode mode(String name) {
        return Mode.named(name);
    }

    /** A role of 'live' mode: "anchor" or "audience". */
    @ParameterType("\"([^\"]*)\"")
    public Role role(String name) {
        return Role.named(name);
    }

    @ParameterType("muted|unmuted")
    public Boolean muteState(String text) {
        return text.equals("muted");
    }

    /** A callback as TRTC names it: "enter room", "start video", ... */
    @ParameterType("\"([^\"]*)\"")
    public CallbackEvent callback(String phrase) {
        return CallbackEvent.named(phrase);
    }

    /** How the app server fails: "HTTP 500", "a 3 second delay", "a connection reset". */
    @ParameterType("HTTP 500|a 3 second delay|a connection reset")
    public AppServerFault appServerFault(String text) {
        return switch (text) {
            case "HTTP 500" -> AppServerFault.SERVER_ERROR;
            case "a 3 second delay" -> AppServerFault.SLOW;
            default -> AppServerFault.CONNECTION_RESET;
        };
    }

    @ParameterType("audio and video|audio only|video only")
    public MediaChoice media(String text) {
        return MediaChoice.valueOf(text.toUpperCase().replace(' ', '_'));
    }

    /** The calls whose duration 'within' checks: joined, published, left. */
    @ParameterType("joined|published|left")
    public Operation timedCall(String text) {
        return switch (text) {
            case "joined" -> Operation.JOIN;
            case "published" -> Operation.PUBLISH;
            default -> Operation.LEAVE;
        };
    }

    /** TRTC's connection states in the order they came: "RECONNECTING, CONNECTED". */
    @ParameterType("\"([A-Z, ]+)\"")
    public List<ConnectionState> connectionStates(String text) {
        List<String> names = Arrays.stream(text.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (Arrays.stream(ConnectionState.values()).noneMatch(state -> state.name().equals(name))) {
                throw new IllegalArgumentException("'" + name + "' is not one of TRTC's connection states "
                        + Arrays.toString(ConnectionState.values()));
            }
        }
        return names.stream().map(ConnectionState::valueOf).toList();
    }
}
