package io.trtcsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The media plane of the stacks, measured side by side in one run: the latency a stack adds over a
 * direct peer connection, and how many subscribers one publisher can have through it (with what the
 * simulator's own threads cost). {@link MediaPlaneOptions} (--help) has the details.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.MediaPlaneBenchmark
 * -Dexec.args="--profiles 320x180@15,640x360@30 --seconds 10 --steps 10,20,30,40,50 --markdown reports/media-plane.md"}
 * <p>
 * Targets missed are printed ("target missed") and leave the exit status 0: the benchmark ran. A
 * path or a step that failed to run makes it 1.
 */
public final class MediaPlaneBenchmark {

    private MediaPlaneBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkCommandLine.main(new MediaPlaneOptions(), args, MediaPlaneBenchmark::report);
    }

    /** Runs the sections chosen, prints their tables (and writes the Markdown); 1 when a path or a step failed. */
    private static int report(MediaPlaneOptions options) throws IOException {
        System.out.printf("media plane benchmark on %d cores: profiles %s, %d s; fan-out on %s, steps %s, %d s%n",
                Runtime.getRuntime().availableProcessors(), options.profiles, options.seconds, options.fanoutStacks,
                options.steps, options.fanoutSeconds);

        LatencySection latency = new LatencySection(options.seconds, options.warmupSeconds, System.out);
        FanOutSection fanOut = new FanOutSection(options.steps, options.fanoutSeconds, options.fanoutMedia.videoOnly(), System.out);
        if (options.runs("latency")) {
            latency.run(options.profiles);
        }
        if (options.runs("fanout")) {
            fanOut.run(options.fanoutStacks);
        }

        StringBuilder text = new StringBuilder();
        StringBuilder markdown = new StringBuilder("# Media plane benchmark\n\n");
        if (options.runs("latency")) {
            text.append(latency.text()).append('\n');
            markdown.append(latency.markdown()).append('\n');
        }
        if (options.runs("fanout")) {
            text.append(fanOut.text());
            markdown.append(fanOut.markdown());
        }
        System.out.println();
        System.out.print(text);
        if (options.markdown.isPresent()) {
            Path file = options.markdown.get();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, markdown);
            System.out.println("written to " + file);
        }
        return latency.failed() || fanOut.failed() ? 1 : 0;
    }
}
