package io.trtcsim.load;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.stack.janus.JanusUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one load process runs: its rooms, in each the same numbers of publishers, subscribers and
 * signaling-only audience members, the publishers' video profile, how fast participants join and
 * how long the run lasts. Built only valid: every refusal names the option at fault and why.
 *
 * <p>Names and rooms belong to the shard ("s1-pub-3" is shard 1's third publisher), so the shards
 * of one run never share a user or, with the rooms of {@link RoomRange#ofShard}, a room.
 *
 * @param stack any harness.stack value: embedded, janus, janus-container, simulator-container, a ws:// URL (a running
 *              simulator) or a janus+ws:// URL (a running Janus)
 * @param rampPerSecond participants that start joining per second, publishers first
 * @param duration the whole run, from the first join to the end of measuring
 * @param warmUp time after the last join before the figures the thresholds judge begin
 */
public record LoadPlan(String stack, Shard shard, RoomRange rooms, int publishersPerRoom, int subscribersPerRoom,
                       int audiencePerRoom, VideoProfile video, double rampPerSecond, Duration duration, Duration warmUp,
                       SubscriberKind subscriberKind) {

    /** More would not fit in memory on any machine this runs on; the memory estimate refuses far fewer. */
    static final long MAX_PARTICIPANTS = 100_000;

    public LoadPlan {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(subscriberKind, "subscriberKind");
        if (stack.isBlank()) {
            throw new IllegalArgumentException("--stack is blank; use embedded, janus, janus-container, simulator-container,"
                    + " the ws:// URL of a running simulator's /signal endpoint or janus+ws://host:port/ for a running Janus");
        }
        if (JanusUrl.names(stack)) {
            // A malformed Janus URL is bad input, refused with the plan; whether a Janus answers there is
            // learned when the run starts.
            JanusUrl.parse(stack);
        }
        notNegative("--publishers", publishersPerRoom);
        notNegative("--subscribers", subscribersPerRoom);
        notNegative("--audience", audiencePerRoom);
        if (publishersPerRoom + subscribersPerRoom + audiencePerRoom == 0) {
            throw new IllegalArgumentException("no participant planned: --publishers, --subscribers and --audience are all 0");
        }
        if (subscribersPerRoom > 0 && publishersPerRoom == 0) {
            throw new IllegalArgumentException("--subscribers " + subscribersPerRoom
                    + " with --publishers 0: the subscribers would have no stream to render");
        }
        long participants = rooms.size() * ((long) publishersPerRoom + subscribersPerRoom + audiencePerRoom);
        if (participants > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException(participants + " participants in one process (" + rooms.size()
                    + " rooms of " + (publishersPerRoom + subscribersPerRoom + audiencePerRoom) + ") is beyond the "
                    + MAX_PARTICIPANTS + " one process can hold; split the run into shards (--shard-count)");
        }
        if (!(rampPerSecond > 0) || Double.isInfinite(rampPerSecond)) {
            throw new IllegalArgumentException("--ramp-rate " + rampPerSecond
                    + ": participants must join at a finite rate above 0 a second");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration " + duration.toMillis() + " ms: a run must last some time");
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--warm-up " + warmUp.toMillis() + " ms is negative");
        }
        Duration ramp = Duration.ofNanos((long) Math.ceil((participants - 1) / rampPerSecond * 1e9));
        if (ramp.plus(warmUp).compareTo(duration) >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--duration %s leaves nothing to measure: the ramp takes %.1f s (%d participants at --ramp-rate %s a"
                            + " second) and --warm-up %s follows it; lengthen --duration or raise --ramp-rate",
                    seconds(duration), ramp.toMillis() / 1000.0, participants, trim(rampPerSecond), seconds(warmUp)));
        }
    }

    private static void notNegative(String option, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(option + " " + count + ": a count cannot be negative");
        }
    }

    /** Every participant in the order they join: publishers first, so subscribers find streams at once. */
    public List<PlannedParticipant> participants() {
        List<PlannedParticipant> all = new ArrayList<>();
        addAll(all, LoadRole.PUBLISHER, publishersPerRoom);
        addAll(all, LoadRole.SUBSCRIBER, subscribersPerRoom);
        addAll(all, LoadRole.AUDIENCE, audiencePerRoom);
        return all;
    }

    private void addAll(List<PlannedParticipant> all, LoadRole role, int perRoom) {
        int number = 1;
        for (long room : rooms.ids()) {
            for (int i = 0; i < perRoom; i++) {
                all.add(new PlannedParticipant(nameOf(role, number++), role, room));
            }
        }
    }

    /** The userId of a shard's n-th participant of that role (from 1), e.g. "s1-sub-12". */
    public String nameOf(LoadRole role, int number) {
        return shard.namePrefix() + "-" + role.shortName() + "-" + number;
    }

    /** The publishers of one room, whose streams its subscribers render. */
    public List<String> publishersIn(long room) {
        if (room < rooms.first() || room > rooms.last()) {
            throw new IllegalArgumentException("room " + room + " is not in this plan's rooms " + rooms);
        }
        int firstNumber = Math.toIntExact((room - rooms.first()) * publishersPerRoom) + 1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < publishersPerRoom; i++) {
            names.add(nameOf(LoadRole.PUBLISHER, firstNumber + i));
        }
        return names;
    }

    public int participantCount() {
        return Math.toIntExact(rooms.size() * (publishersPerRoom + subscribersPerRoom + audiencePerRoom));
    }

    public int count(LoadRole role) {
        int perRoom = switch (role) {
            case PUBLISHER -> publishersPerRoom;
            case SUBSCRIBER -> subscribersPerRoom;
            case AUDIENCE -> audiencePerRoom;
        };
        return Math.toIntExact(rooms.size() * perRoom);
    }

    /** Streams to render: each subscriber renders every publisher of its room. */
    public int streamsPlanned() {
        return Math.toIntExact(rooms.size() * subscribersPerRoom * publishersPerRoom);
    }

    /** When the n-th participant (from 0) starts joining, after the run began. */
    public Duration joinOffset(int index) {
        return Duration.ofNanos((long) (index / rampPerSecond * 1e9));
    }

    /** One line for the console and the report. */
    public String describe() {
        return String.format(Locale.ROOT, "shard %s: rooms %s, per room %s (%s), %s (%s), %d audience; %s at %s/s, %s on %s",
                shard, rooms, counted(publishersPerRoom, "publisher"), video, counted(subscribersPerRoom, "subscriber"),
                subscriberKind, audiencePerRoom, counted(participantCount(), "participant"), trim(rampPerSecond),
                seconds(duration), stack);
    }

    /** "1 publisher", "4 publishers". */
    static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
