package io.trtcsim.soak;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Non-daemon threads still alive when a run is over: each keeps the JVM from ending by itself, so a
 * soak run names them (with where they are) instead of hiding them behind System.exit. Threads on
 * their way out get a grace period: Javalin, for one, starts a non-daemon thread with each server
 * that sleeps 5 s before it checks that the server started, so the last scenario's is still there
 * when the run ends, and gone 5 s later.
 */
final class LingeringThreads {

    /** Frames shown per thread: enough to get past Thread.sleep or a queue's take() to the code that started it. */
    private static final int FRAMES = 6;

    private LingeringThreads() {
    }

    /**
     * Every non-daemon thread but {@code runner} and the JVM's "main" (under {@code mvn exec:java}
     * Maven's own main thread waits there for the runner) still alive after waiting up to
     * {@code grace}, all threads together, for them to end.
     */
    static List<String> after(Duration grace, Thread runner) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isLingering(thread, runner)) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        }
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> isLingering(entry.getKey(), runner))
                .map(LingeringThreads::describe)
                .sorted()
                .toList();
    }

    static boolean isLingering(Thread thread, Thread runner) {
        return thread.isAlive() && !thread.isDaemon() && thread != runner && !thread.getName().equals("main");
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> entry) {
        List<String> frames = Arrays.stream(entry.getValue()).limit(FRAMES).map(String::valueOf).toList();
        return "'" + entry.getKey().getName() + "' (" + entry.getKey().getState() + ")"
                + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames));
    }
}
