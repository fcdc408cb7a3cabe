package io.trtcsim.harness;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every thread of this JVM is doing: the Java threads with their whole stacks and the locks
 * they hold and wait for, then every native thread of the process (libwebrtc's among them) with
 * its kernel state and wait channel from /proc, where a Java stack shows no more than "in native".
 */
public final class ThreadDump {

    private ThreadDump() {
    }

    public static String capture() {
        StringBuilder out = new StringBuilder("Java threads:\n");
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        Arrays.sort(threads, Comparator.comparing(ThreadInfo::getThreadName));
        for (ThreadInfo thread : threads) {
            appendJava(out, thread);
        }
        out.append("\nNative threads of the process (/proc/self/task: tid, name, state, wait channel):\n");
        out.append(nativeThreads());
        return out.toString();
    }

    private static void appendJava(StringBuilder out, ThreadInfo thread) {
        out.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId())
                .append(thread.isDaemon() ? " daemon" : "").append(' ').append(thread.getThreadState());
        if (thread.getLockName() != null) {
            out.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        if (thread.isInNative()) {
            out.append(" (in native)");
        }
        out.append('\n');
        StackTraceElement[] stack = thread.getStackTrace();
        MonitorInfo[] monitors = thread.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            out.append("    at ").append(stack[depth]).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    out.append("    - locked ").append(monitor).append('\n');
                }
            }
        }
        for (LockInfo lock : thread.getLockedSynchronizers()) {
            out.append("    - holds ").append(lock).append('\n');
        }
        out.append('\n');
    }

    private static String nativeThreads() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "(no /proc on this system)\n";
        }
        StringBuilder out = new StringBuilder();
        try (Stream<Path> listing = Files.list(tasks)) {
            List<Path> all = listing.sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())))
                    .toList();
            for (Path task : all) {
                out.append("  ").append(task.getFileName()).append(' ').append(read(task.resolve("comm")))
                        .append(' ').append(state(read(task.resolve("stat")))).append(' ')
                        .append(read(task.resolve("wchan"))).append('\n');
            }
        } catch (IOException e) {
            out.append("(cannot list ").append(tasks).append(": ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /** The state letter of /proc/.../stat (after the parenthesised name, which may hold spaces). */
    private static String state(String stat) {
        int close = stat.lastIndexOf(')');
        return close >= 0 && close + 2 < stat.length() ? stat.substring(close + 2, close + 3) : "?";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
