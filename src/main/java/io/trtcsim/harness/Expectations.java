package io.trtcsim.harness;

import io.trtcsim.sdk.BanNotice;
import io.trtcsim.sdk.DeviceInfo;
import io.trtcsim.trtc.BanReason;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.sdk.AudioVolumes;
import io.trtcsim.sdk.ConnectionStateChange;
import io.trtcsim.sdk.ErrorNotice;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.sdk.NetworkQuality;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.sdk.SystemRequirements;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The checks Then steps make, as waits with a deadline. Each failure names the participant, what
 * was awaited, the time allowed, and what arrived instead.
 */
public final class Expectations {

    private static final Duration POLL = Duration.ofMillis(20);

    private Expectations() {
    }

    /** At least {@code times} events of that kind from that user, counted since the scenario began. */
    public static void receives(Participant receiver, ClientEvent event, String from, int times, Duration within) {
        String what = receiver + " receives '" + event + "' from " + from + (times > 1 ? " " + times + " times" : "");
        waitFor(what, within, () -> receiver.journal().count(event, from) >= times,
                () -> "got " + receiver.journal().count(event, from) + "; events of " + receiver + ":\n"
                        + receiver.journal().describe());
    }

    /** At least one event of that kind from that user about a stream of that type ('main' or 'auxiliary'). */
    public static void receivesOfType(Participant receiver, ClientEvent event, StreamType type, String from,
                                      Duration within) {
        String what = receiver + " receives '" + event + "' of type '" + type + "' from " + from;
        waitFor(what, within, () -> receiver.journal().entries().stream()
                        .anyMatch(entry -> entry.event() == event && from.equals(entry.userId())
                                && receiver.client().remoteStreamHistory().stream().anyMatch(stream ->
                                        stream.getId().equals(entry.streamId()) && stream.streamType() == type)),
                () -> "streams announced to " + receiver + ": " + receiver.client().remoteStreamHistory().stream()
                        .map(stream -> stream.getId() + " of " + stream.getUserId() + " (" + stream.getType() + ")")
                        .toList() + "; events:\n" + receiver.journal().describe());
    }

    /** At least one such event, whoever it concerns (client-banned, connection-state-changed, ...). */
    public static void receivesAny(Participant receiver, ClientEvent event, Duration within) {
        String what = receiver + " receives '" + event + "'";
        waitFor(what, within, () -> receiver.journal().count(event, null) >= 1,
                () -> "events of " + receiver + ":\n" + receiver.journal().describe());
    }

    /** A client-banned with that documented reason ('kick', 'banned', 'room-disband'), as 4.14 carries it. */
    public static void receivesBan(Participant receiver, BanReason reason, Duration within) {
        String what = receiver + " receives 'client-banned' with reason '" + reason + "'";
        waitFor(what, within, () -> receiver.journal().entries().stream()
                        .anyMatch(entry -> entry.event() == ClientEvent.CLIENT_BANNED && entry.payload() instanceof BanNotice ban
                                && ban.reason().equals(java.util.Optional.of(reason))),
                () -> "events of " + receiver + ":\n" + receiver.journal().describe());
    }

    /**
     * A connection-state-changed to {@code state} arrives, later than the one the previous check of
     * this kind matched for the receiver: so "to RECONNECTING" then "to CONNECTED" finds the
     * reconnection's CONNECTED, not the join's.
     */
    public static void receivesStateChange(Participant receiver, ConnectionState state, Duration within) {
        String what = receiver + " receives 'connection-state-changed' to " + state;
        int after = receiver.connectionStatesSeen();
        waitFor(what, within, () -> stateChangeAfter(receiver, state, after) >= 0,
                () -> "its connection states since the last check were " + statesAfter(receiver, after)
                        + "; events of " + receiver + ":\n" + receiver.journal().describe());
        receiver.connectionStatesSeen(stateChangeAfter(receiver, state, after) + 1);
    }

    /** The index among the receiver's connection-state changes of the first to {@code state} from {@code from} on; -1 if none. */
    private static int stateChangeAfter(Participant receiver, ConnectionState state, int from) {
        List<ConnectionState> states = connectionStates(receiver);
        for (int i = from; i < states.size(); i++) {
            if (states.get(i) == state) {
                return i;
            }
        }
        return -1;
    }

    private static List<ConnectionState> statesAfter(Participant receiver, int from) {
        List<ConnectionState> states = connectionStates(receiver);
        return states.subList(Math.min(from, states.size()), states.size());
    }

    /** An 'error' event carrying that code, since the scenario began or within the time. */
    public static void receivesError(Participant receiver, ErrorCode code, Duration within) {
        String what = receiver + " receives 'error' with code " + code;
        waitFor(what, within, () -> errors(receiver).contains(code),
                () -> "its errors were " + errors(receiver) + "; events of " + receiver + ":\n"
                        + receiver.journal().describe());
    }

    private static List<ErrorCode> errors(Participant receiver) {
        return receiver.journal().entries().stream()
                .map(JournalEntry::payload)
                .filter(ErrorNotice.class::isInstance)
                .map(payload -> ((ErrorNotice) payload).error().errorCode())
                .toList();
    }

    /** The connection-state-changed events of the receiver so far end with these states, in this order. */
    public static void connectionStatesEndWith(Participant receiver, List<ConnectionState> states, Duration within) {
        String what = receiver + "'s connection states end with " + states;
        waitFor(what, within, () -> endsWith(connectionStates(receiver), states),
                () -> "its states were " + connectionStates(receiver));
    }

    private static List<ConnectionState> connectionStates(Participant receiver) {
        return receiver.journal().entries().stream()
                .map(JournalEntry::payload)
                .filter(ConnectionStateChange.class::isInstance)
                .map(payload -> ((ConnectionStateChange) payload).state())
                .toList();
    }

    private static boolean endsWith(List<ConnectionState> seen, List<ConnectionState> tail) {
        return seen.size() >= tail.size() && seen.subList(seen.size() - tail.size(), seen.size()).equals(tail);
    }

    /** No frame captured after the step began reaches the receiver during the period; frames in flight may land. */
    public static void rendersNoVideo(Participant receiver, String from, Duration period) {
        ReceivedVideoCounters.requireSinks(receiver, "no video captured after a moment", "frame markers");
        long since = MediaClock.system().nowMicros();
        String what = receiver + " renders no video frames from " + from + " captured after the check began, for "
                + period.toMillis() + " ms";
        try {
            await(what).during(period).atMost(period.plusSeconds(1)).pollInterval(POLL)
                    .until(() -> videoSink(receiver, from).map(s -> s.framesCapturedSince(since)).orElse(0L) == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + ", but " + videoSink(receiver, from)
                    .map(s -> s.framesCapturedSince(since)).orElse(0L) + " arrived; " + mediaState(receiver, from));
        }
    }

    /**
     * Audio already on its way may still play out: through the simulator's old re-encoding relay
     * (two jitter buffers), the slowest path measured, the last of it arrived up to about 330 ms
     * later. After this grace nothing audible may arrive, for the whole period asked for.
     */
    public static final Duration AUDIO_DRAIN = Duration.ofMillis(800);

    public static void receivesNoAudio(Participant receiver, String from, Duration period) {
        ReceivedVideoCounters.requireSinks(receiver, "telling audible audio from silence", "an audio sink");
        long began = MediaClock.system().nowMicros();
        long quietFrom = began + AUDIO_DRAIN.toNanos() / 1000;
        String what = receiver + " receives no audible audio from " + from + " for " + period.toMillis()
                + " ms (after " + AUDIO_DRAIN.toMillis() + " ms for audio in flight)";
        Duration watched = AUDIO_DRAIN.plus(period);
        try {
            await(what).during(watched).atMost(watched.plusSeconds(1)).pollInterval(POLL)
                    .until(() -> audioSink(receiver, from).map(AudioRenderSink::lastAudibleMicros).orElse(-1L) < quietFrom);
        } catch (ConditionTimeoutException e) {
            long last = audioSink(receiver, from).map(AudioRenderSink::lastAudibleMicros).orElse(-1L);
            throw new AssertionError("expected " + what + ", but audible audio arrived " + (last - began) / 1000
                    + " ms after the check began; " + mediaState(receiver, from));
        }
    }

    /** Frames that arrive after the step began (for a stats-only receiver: frames libwebrtc decoded since). */
    public static void rendersNewVideoFrames(Participant receiver, String from, long frames, Duration within) {
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            long before = ReceivedVideoCounters.framesDecoded(receiver, from);
            waitForDecoded(receiver, from, receiver + " decodes at least " + frames + " new video frames from " + from,
                    within, decoded -> decoded - before >= frames);
            return;
        }
        long since = MediaClock.system().nowMicros();
        String what = receiver + " renders at least " + frames + " new video frames from " + from;
        waitFor(what, within, () -> videoSink(receiver, from).map(s -> s.framesArrivedSince(since)).orElse(0L) >= frames,
                () -> videoSink(receiver, from).map(s -> s.framesArrivedSince(since)).orElse(0L) + " arrived; "
                        + mediaState(receiver, from));
    }

    /** TRTC.getCameras() / getMicrophones() / getSpeakers() of the participant list a device of that id or label. */
    public static void listsDevice(Participant participant, DeviceKind kind, String idOrLabel) {
        List<DeviceInfo> listed = participant.devices(kind);
        if (listed.stream().noneMatch(device -> device.isNamed(idOrLabel))) {
            throw new AssertionError("expected " + participant + " to list a " + kind.noun() + " named '" + idOrLabel
                    + "', but its " + kind.noun() + "s are " + listed.stream()
                    .map(d -> d.deviceId() + " (" + d.label() + (d.standIn() ? ", stand-in" : "") + ")").toList());
        }
    }

    /** TRTC.checkSystemRequirements() answers result true for the participant; a failure prints the whole detail. */
    public static void findsSystemRequirementsMet(Participant participant) {
        SystemRequirements answer = participant.systemRequirements();
        if (!answer.result()) {
            throw new AssertionError("expected " + participant + " to find the system requirements met, but"
                    + " checkSystemRequirements() answers result false with the detail " + answer.detail().fields());
        }
    }

    /** The detail field of that TRTC name (e.g. isVp8EncodeSupported) of TRTC.checkSystemRequirements() is as expected. */
    public static void findsSystemRequirement(Participant participant, String field, boolean expected) {
        SystemRequirements.Detail detail = participant.systemRequirements().detail();
        boolean found = detail.field(field).orElseThrow(() -> new AssertionError("checkSystemRequirements() has no"
                + " detail field '" + field + "'; its fields are " + detail.fields().keySet()));
        if (found != expected) {
            throw new AssertionError("expected " + participant + " to find " + field + " " + expected
                    + " in the system requirements, but it is " + found + "; the detail is " + detail.fields());
        }
    }

    /** getRemoteMutedState() of the receiver shows that user with a small stream (hasSmall), or without. */
    public static void seesSmallStream(Participant receiver, String from, boolean hasSmall, Duration within) {
        String what = receiver + " sees " + from + (hasSmall ? " with" : " without") + " a small stream";
        waitFor(what, within, () -> receiver.client().getRemoteMutedState().stream()
                        .anyMatch(s -> s.userId().equals(from) && s.hasSmall() == hasSmall),
                () -> "getRemoteMutedState() is " + receiver.client().getRemoteMutedState());
    }

    /** getRemoteMutedState() of the receiver shows that kind of media of that user muted (or not). */
    public static void seesMuted(Participant receiver, String from, MediaKind kind, boolean muted, Duration within) {
        boolean audio = kind == MediaKind.AUDIO;
        String what = receiver + " sees the " + kind + " of " + from + " " + (muted ? "muted" : "unmuted");
        waitFor(what, within, () -> receiver.client().getRemoteMutedState().stream()
                        .anyMatch(s -> s.userId().equals(from) && (audio ? s.audioMuted() : s.videoMuted()) == muted),
                () -> "getRemoteMutedState() is " + receiver.client().getRemoteMutedState());
    }

    /**
     * An 'audio-volume' event arriving from now on gives {@code of} a volume in [min, max]. Events
     * before the step do not count: a volume heard before a mute says nothing about after it.
     */
    public static void hearsVolume(Participant receiver, String of, int min, int max, Duration within) {
        String what = receiver + " gets an 'audio-volume' with " + of + " at " + min + ".." + max;
        int before = receiver.journal().entries().size();
        waitFor(what, within, () -> volumesSince(receiver, before).stream()
                        .anyMatch(volumes -> volumes.containsKey(of) && volumes.get(of) >= min && volumes.get(of) <= max),
                () -> "the 'audio-volume' events since were " + volumesSince(receiver, before)
                        + (receiver.journal().count(ClientEvent.AUDIO_VOLUME, null) == 0
                        ? " (none at all: is audio volume evaluation enabled?)" : ""));
    }

    /**
     * A 'network-quality' event arriving from now on rates the uplink (or the downlink) within
     * [best, worst] (1 best .. 6).
     */
    public static void linkQuality(Participant receiver, boolean uplink, int best, int worst, Duration within) {
        String what = receiver + " gets a 'network-quality' with " + (uplink ? "an uplink" : "a downlink")
                + " quality from " + best + " to " + worst;
        int before = receiver.journal().entries().size();
        waitFor(what, within, () -> qualitiesSince(receiver, before).stream()
                        .map(q -> uplink ? q.uplinkNetworkQuality() : q.downlinkNetworkQuality())
                        .anyMatch(quality -> quality >= best && quality <= worst),
                () -> "the 'network-quality' events since were " + qualitiesSince(receiver, before));
    }

    /** A 'network-quality' event arriving from now on rates the uplink and the downlink so. */
    public static void networkQuality(Participant receiver, int uplink, int downlink, Duration within) {
        String what = receiver + " gets a 'network-quality' with uplink " + uplink + " and downlink " + downlink;
        int before = receiver.journal().entries().size();
        waitFor(what, within, () -> qualitiesSince(receiver, before).stream()
                        .anyMatch(q -> q.uplinkNetworkQuality() == uplink && q.downlinkNetworkQuality() == downlink),
                () -> "the 'network-quality' events since were " + qualitiesSince(receiver, before));
    }

    private static List<NetworkQuality> qualitiesSince(Participant receiver, int index) {
        return since(receiver, index, ClientEvent.NETWORK_QUALITY).map(entry -> (NetworkQuality) entry.payload()).toList();
    }

    private static List<Map<String, Integer>> volumesSince(Participant receiver, int index) {
        return since(receiver, index, ClientEvent.AUDIO_VOLUME)
                .map(entry -> ((AudioVolumes) entry.payload()).result()).toList();
    }

    /** The journal's events of that kind from position {@code index} on (the step's start). */
    private static Stream<JournalEntry> since(Participant receiver, int index, ClientEvent event) {
        List<JournalEntry> entries = receiver.journal().entries();
        return entries.subList(Math.min(index, entries.size()), entries.size()).stream()
                .filter(entry -> entry.event() == event);
    }

    /** No more of that event than so far, during the whole period (of any sender, or about no one). */
    public static void receivesNoNew(Participant receiver, ClientEvent event, Duration period) {
        long before = receiver.journal().count(event, null);
        String what = receiver + " receives no new '" + event + "' for " + period.toMillis() + " ms (" + before + " so far)";
        try {
            await(what).during(period).atMost(period.plusSeconds(1)).pollInterval(POLL)
                    .until(() -> receiver.journal().count(event, null) == before);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ", but " + (receiver.journal().count(event, null) - before)
                    + " more arrived; events of " + receiver + ":\n" + receiver.journal().describe());
        }
    }

    /** None so far and none during the whole period; {@code from} null: from anyone, or about no one. */
    public static void receivesNone(Participant receiver, ClientEvent event, String from, Duration period) {
        String what = receiver + " receives no '" + event + "'" + (from == null ? "" : " from " + from) + " for "
                + period.toMillis() + " ms";
        try {
            await(what).during(period).atMost(period.plusSeconds(1)).pollInterval(POLL)
                    .until(() -> receiver.journal().count(event, from) == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ", but it arrived; events of " + receiver + ":\n"
                    + receiver.journal().describe());
        }
    }

    /** The events appear in this order among those concerning that user (others may come between). */
    public static void receivedInOrder(Participant receiver, String from, List<ClientEvent> expected, Duration within) {
        String what = receiver + " received " + expected + " from " + from + " in that order";
        waitFor(what, within, () -> isSubsequence(expected, receiver.journal().entries(), from),
                () -> "events of " + receiver + ":\n" + receiver.journal().describe());
    }

    /** Frames rendered since the subscription (for a stats-only receiver: frames libwebrtc decoded). */
    public static void rendersVideoFrames(Participant receiver, String from, long frames, Duration within) {
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            waitForDecoded(receiver, from, receiver + " decodes at least " + frames + " video frames from " + from,
                    within, decoded -> decoded >= frames);
            return;
        }
        String what = receiver + " renders at least " + frames + " video frames from " + from;
        waitFor(what, within, () -> videoSink(receiver, from).map(VideoRenderSink::framesRendered).orElse(0L) >= frames,
                () -> mediaState(receiver, from));
    }

    public static void receivesAudio(Participant receiver, String from, Duration within) {
        ReceivedVideoCounters.requireSinks(receiver, "audible audio", "an audio sink");
        String what = receiver + " receives audio from " + from;
        // 100 ms of audible sound arriving from now on: silence and comfort noise are played out even
        // when nothing arrives, and audio counted before the step proves nothing about now.
        long before = audioSink(receiver, from).map(AudioRenderSink::audibleSamples).orElse(0L);
        waitFor(what, within, () -> audioSink(receiver, from).map(AudioRenderSink::audibleSamples).orElse(0L) - before >= 4800,
                () -> mediaState(receiver, from));
    }

    public static void callTookAtMost(Participant participant, Operation operation, Duration limit) {
        Duration took = participant.lastCallDuration(operation).orElseThrow(() -> new AssertionError(
                participant + " made no " + operation + " call to time"));
        if (took.compareTo(limit) > 0) {
            throw new AssertionError(participant + ": the last " + operation + " took " + took.toMillis()
                    + " ms, more than the " + limit.toMillis() + " ms allowed");
        }
    }

    /** The last 'tries to' call of that operation was refused with that documented code. */
    public static void failedWith(Participant participant, Operation operation, ErrorCode expected, String mentioning) {
        failedWith(participant, operation, expected);
        String message = participant.lastFailure(operation).map(Throwable::getMessage).orElse("");
        if (!message.contains(mentioning)) {
            throw new AssertionError(participant + ": expected the " + operation + " error to mention '" + mentioning
                    + "', but it said: " + message);
        }
    }

    /** As {@link #failedWith(Participant, Operation, ErrorCode)}, with the server's extra code (getExtraCode()). */
    public static void failedWith(Participant participant, Operation operation, ErrorCode expected, int extraCode) {
        failedWith(participant, operation, expected);
        RtcError error = (RtcError) participant.lastFailure(operation).orElseThrow();
        if (error.getExtraCode().isEmpty()) {
            throw new AssertionError(participant + ": expected the " + operation + " error to carry extra code " + extraCode
                    + ", but it carries none: " + error.getMessage(), error);
        }
        if (error.getExtraCode().getAsInt() != extraCode) {
            throw new AssertionError(participant + ": expected the " + operation + " error to carry extra code " + extraCode
                    + describeExtra(extraCode) + ", but it carries " + error.getExtraCode().getAsInt()
                    + describeExtra(error.getExtraCode().getAsInt()) + ": " + error.getMessage(), error);
        }
    }

    private static String describeExtra(int code) {
        return io.trtcsim.trtc.ExtraCode.ofCode(code).map(known -> " (" + known + ")").orElse("");
    }

    public static void failedWith(Participant participant, Operation operation, ErrorCode expected) {
        Throwable failure = participant.lastFailure(operation).orElseThrow(() -> new AssertionError(
                participant + ": expected the last " + operation + " to fail with " + expected
                        + ", but it succeeded (or was never tried with 'tries to')"));
        if (!(failure instanceof RtcError error)) {
            throw new AssertionError(participant + ": expected " + operation + " to fail with " + expected
                    + ", but it failed with a non-TRTC error: " + failure, failure);
        }
        if (error.errorCode() != expected) {
            throw new AssertionError(participant + ": expected " + operation + " to fail with " + expected + " ("
                    + expected.code() + "), but it failed with " + error.getMessage(), error);
        }
    }

    static Optional<VideoRenderSink> videoSink(Participant receiver, String from) {
        return receiver.remoteStreamOf(from).flatMap(RemoteStream::playback).flatMap(p -> p.video());
    }

    static Optional<AudioRenderSink> audioSink(Participant receiver, String from) {
        return receiver.remoteStreamOf(from).flatMap(RemoteStream::playback).flatMap(p -> p.audio());
    }

    static String mediaState(Participant receiver, String from) {
        Optional<RemoteStream> stream = receiver.remoteStreamOf(from);
        StringBuilder state = new StringBuilder();
        if (stream.isEmpty()) {
            state.append(receiver).append(" has no stream of ").append(from);
        } else if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            state.append(receiver).append(" is a stats-only participant (no sinks) and ")
                    .append(stream.get().isSubscribed() ? "subscribed to " : "not subscribed to ")
                    .append(stream.get().getId());
        } else if (stream.get().playback().isEmpty()) {
            state.append(receiver).append(" does not play ").append(stream.get().getId())
                    .append(stream.get().isSubscribed() ? " (subscribed)" : " (not subscribed)");
        } else {
            var playback = stream.get().playback().get();
            state.append(receiver).append(" plays ").append(stream.get().getId()).append(" in '")
                    .append(playback.elementId()).append("': ")
                    .append(playback.video().map(Object::toString).orElse("no video")).append(", ")
                    .append(playback.audio().map(Object::toString).orElse("no audio"));
        }
        if (!receiver.handlerFailures().isEmpty()) {
            state.append("\nhandler failures: ").append(receiver.handlerFailures());
        }
        return state.append("\nevents of ").append(receiver).append(":\n").append(receiver.journal().describe()).toString();
    }

    private static boolean isSubsequence(List<ClientEvent> expected, List<JournalEntry> entries, String from) {
        int next = 0;
        for (JournalEntry entry : entries) {
            if (next < expected.size() && entry.event() == expected.get(next) && from.equals(entry.userId())) {
                next++;
            }
        }
        return next == expected.size();
    }

    /** Waits on libwebrtc's framesDecoded, read at a pace that spares its signaling thread. */
    private static void waitForDecoded(Participant receiver, String from, String what, Duration within,
                                       LongPredicate enough) {
        try {
            await(what).atMost(within).pollInterval(ReceivedVideoCounters.POLL)
                    .until(() -> enough.test(ReceivedVideoCounters.framesDecoded(receiver, from)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + within.toMillis() + " ms, but libwebrtc reports "
                    + ReceivedVideoCounters.framesDecoded(receiver, from) + " frames decoded; " + mediaState(receiver, from));
        }
    }

    private static void waitFor(String what, Duration within, Callable<Boolean> condition,
                                Supplier<String> instead) {
        try {
            await(what).atMost(within).pollInterval(POLL).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + within.toMillis() + " ms, but " + instead.get());
        }
    }
}
