package io.trtcsim.sdk;

import io.trtcsim.trtc.ClientEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Every event one client received, in delivery order; safe to read while events arrive. */
public final class EventJournal {

    private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
    private final long originNanos;

    public EventJournal(long originNanos) {
        this.originNanos = originNanos;
    }

    void record(JournalEntry entry) {
        entries.add(entry);
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public long originNanos() {
        return originNanos;
    }

    public long count(ClientEvent event, String userId) {
        return entries.stream().filter(e -> e.event() == event && (userId == null || userId.equals(e.userId()))).count();
    }

    /** One line per event with its time since the journal began, for failure messages and reports. */
    public String describe() {
        if (entries.isEmpty()) {
            return "(no events)";
        }
        return entries.stream().map(e -> "  " + e.describe(originNanos)).collect(Collectors.joining("\n"));
    }
}
