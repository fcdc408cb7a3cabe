package io.trtcsim.simulator;

import io.trtcsim.trtc.RoomId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator did, line by line, kept in memory (the last {@value #CAPACITY} lines) so a
 * report can show the lines of one room next to a failed scenario. Also written to SLF4J.
 */
final class SimulatorLog {

    static final int CAPACITY = 5000;

    private static final Logger log = LoggerFactory.getLogger(SimulatorLog.class);

    private final Clock clock;
    private final ConcurrentLinkedDeque<Line> lines = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    SimulatorLog(Clock clock) {
        this.clock = clock;
    }

    void room(RoomKey room, String message) {
        log.info("room {}: {}", room.roomId(), message);
        lines.add(new Line(clock.instant(), room, message));
        if (size.incrementAndGet() > CAPACITY) {
            lines.pollFirst();
            size.decrementAndGet();
        }
    }

    List<String> lines(RoomId roomId) {
        return lines.stream().filter(line -> line.room().roomId().equals(roomId))
                .map(Line::toString).collect(Collectors.toList());
    }

    private record Line(Instant at, RoomKey room, String message) {
        @Override
        public String toString() {
            return at + " room " + room.roomId() + " (app " + room.sdkAppId() + "): " + message;
        }
    }
}
