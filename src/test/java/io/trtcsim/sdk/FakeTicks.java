package io.trtcsim.sdk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A clock that moves only when told, running what was scheduled on the calling thread. */
final class FakeTicks implements StatsPoller.Ticks {

    private record Task(long atMillis, Runnable run, CompletableFuture<Void> handle) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private boolean closed;

    FakeTicks(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Future<?> schedule(Runnable task, long delayMillis) {
        if (closed) {
            throw new IllegalStateException("scheduled on closed ticks");
        }
        Task scheduled = new Task(now + delayMillis, task, new CompletableFuture<>());
        tasks.add(scheduled);
        return scheduled.handle();
    }

    /** Moves time on to {@code millis}, running each task on time, in order. */
    void advanceTo(long millis) {
        for (Optional<Task> next = next(millis); next.isPresent(); next = next(millis)) {
            now = Math.max(now, next.get().atMillis());
            run(next.get());
        }
        now = millis;
    }

    /** Jumps to {@code millis} first, then runs what was due meanwhile: ticks that ran late. */
    void jumpTo(long millis) {
        now = millis;
        for (Optional<Task> next = next(millis); next.isPresent(); next = next(millis)) {
            run(next.get());
        }
    }

    /** How many tasks are waiting to run. */
    long pending() {
        return tasks.stream().filter(task -> !task.handle().isCancelled()).count();
    }

    boolean isClosed() {
        return closed;
    }

    private Optional<Task> next(long until) {
        tasks.removeIf(task -> task.handle().isCancelled());
        return tasks.stream().filter(task -> task.atMillis() <= until).min(Comparator.comparingLong(Task::atMillis));
    }

    private void run(Task task) {
        tasks.remove(task);
        task.handle().complete(null);
        task.run().run();
    }

    @Override
    public void close() {
        closed = true;
    }
}
