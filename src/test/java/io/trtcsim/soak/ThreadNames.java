package io.trtcsim.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The native threads of this process counted by name ({@code /proc/self/task/<tid>/comm}, at most
 * 15 characters), digits folded to {@code #} so that "sfu-rx-12" and "sfu-rx-13" count as one kind:
 * when the thread count grows, which kind grew says where to look.
 */
record ThreadNames(Map<String, Long> countByName) {

    ThreadNames {
        countByName = Map.copyOf(countByName);
    }

    static ThreadNames ofThisProcess() {
        Path tasks = Path.of("/proc/self/task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return of(threads.map(ThreadNames::nameOf).filter(name -> !name.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tasks, e);
        }
    }

    static ThreadNames of(List<String> names) {
        return new ThreadNames(names.stream().map(name -> name.strip().replaceAll("[0-9]+", "#"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }

    /** "" for a thread that ended while the folder was listed. */
    private static String nameOf(Path task) {
        try {
            return Files.readString(task.resolve("comm"));
        } catch (IOException e) {
            return "";
        }
    }

    /** Each kind of thread more numerous here than in {@code start}: "webrtc_audio_m: 2 -> 8", most grown first. */
    List<String> grownSince(ThreadNames start) {
        Map<String, Long> growth = new TreeMap<>();
        for (String name : new TreeSet<>(countByName.keySet())) {
            long more = countByName.get(name) - start.countByName.getOrDefault(name, 0L);
            if (more > 0) {
                growth.put(name, more);
            }
        }
        List<String> lines = new ArrayList<>();
        growth.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> lines.add("'" + entry.getKey() + "': " + start.countByName.getOrDefault(entry.getKey(), 0L)
                        + " -> " + countByName.get(entry.getKey())));
        return lines;
    }
}
