package io.trtcsim.harness;

import io.trtcsim.media.MediaClock;
import io.trtcsim.network.Direction;
import io.trtcsim.network.NetworkConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every change of a participant's network conditions in a scenario, timed on the media clock
 * (the clock of frame capture and arrival), so that a report lays them next to the media they hit.
 */
public final class NetworkTimeline {

    /**
     * From {@code atMicros} (epoch µs on the media clock, as frames are timed) — {@code atNanos} on
     * {@link System#nanoTime()}, as events are — the participant's network was {@code conditions}.
     */
    public record Change(long atMicros, long atNanos, String userId, NetworkConditions conditions) {
    }

    /** A stretch in which one direction of a participant's network was down. */
    public record Outage(String userId, Direction direction, long fromMicros, long toMicros) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    void record(String userId, NetworkConditions conditions) {
        changes.add(new Change(MediaClock.system().nowMicros(), System.nanoTime(), userId, conditions));
    }

    public List<Change> changes(String userId) {
        return changes.stream().filter(change -> change.userId().equals(userId)).toList();
    }

    public boolean touched(String userId) {
        return changes.stream().anyMatch(change -> change.userId().equals(userId));
    }

    /** The outages of one direction of a participant; one still on at {@code endMicros} ends there. */
    public List<Outage> outages(String userId, Direction direction, long endMicros) {
        List<Outage> outages = new ArrayList<>();
        Long downSince = null;
        for (Change change : changes(userId)) {
            boolean down = change.conditions().of(direction).down();
            if (down && downSince == null) {
                downSince = change.atMicros();
            } else if (!down && downSince != null) {
                outages.add(new Outage(userId, direction, downSince, change.atMicros()));
                downSince = null;
            }
        }
        if (downSince != null) {
            outages.add(new Outage(userId, direction, downSince, Math.max(downSince, endMicros)));
        }
        return outages;
    }
}
