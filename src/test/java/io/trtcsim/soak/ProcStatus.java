package io.trtcsim.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The text of a Linux {@code /proc/<pid>/status} file, read for its numeric fields: {@code Threads:
 * 41} (native threads of the process) and {@code VmRSS:   412340 kB} (resident set, in kB).
 */
record ProcStatus(String text) {

    static ProcStatus ofThisProcess() {
        Path status = Path.of("/proc/self/status");
        try {
            return new ProcStatus(Files.readString(status));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status + " (soak figures need Linux's /proc)", e);
        }
    }

    /** The number of field {@code name} (without its colon); its unit, if any, is dropped. */
    long number(String name) {
        String prefix = name + ":";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] words = line.substring(prefix.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(words[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("/proc status field " + name + " is not a number: '" + line + "'", e);
                }
            }
        }
        throw new IllegalStateException("/proc status has no field " + name);
    }

    /** Open file descriptors of this process: the entries of {@code /proc/self/fd}. */
    static long openFileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        try (Stream<Path> entries = Files.list(fds)) {
            // The listing itself holds one descriptor open while it runs: not counted.
            return entries.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fds, e);
        }
    }
}
