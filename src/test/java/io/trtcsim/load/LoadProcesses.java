package io.trtcsim.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * Processes a test starts with this JVM's java and class path, as shards run beyond one machine:
 * load processes, and whatever they share. Each writes its output to a log; {@link #close()} kills
 * every one still running, so nothing outlives the test.
 */
final class LoadProcesses implements AutoCloseable {

    /** A short load run's whole life, JVM start to report written. */
    static final Duration RUN_ENDS_WITHIN = Duration.ofSeconds(45);

    private final List<Process> started = new ArrayList<>();

    /** A load process: {@link LoadTest} with {@code args}. */
    Process load(Path log, Map<String, String> environment, List<String> args) throws IOException {
        return java(LoadTest.class, log, environment, args);
    }

    Process java(Class<?> main, Path log, Map<String, String> environment, List<String> args) throws IOException {
        List<String> commandLine = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        commandLine.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JOB_COMPLETION_INDEX");
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The exit status of a process that must end within {@link #RUN_ENDS_WITHIN}; its output if it does not. */
    static int exitOf(Process process, Path log) throws Exception {
        try {
            return process.onExit().get(RUN_ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS).exitValue();
        } catch (TimeoutException e) {
            throw new AssertionError("the process did not end within " + RUN_ENDS_WITHIN.toSeconds() + " s; its output:\n"
                    + Files.readString(log));
        }
    }

    /** "run", the options every shard shares, then this shard's own. */
    static List<String> run(List<String> common, String... more) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(common);
        args.addAll(List.of(more));
        return args;
    }

    /** The load command in this JVM, its output and errors both into {@code console}. */
    static CommandLine command(StringWriter console) {
        CommandLine command = LoadTest.commandLine();
        command.setOut(new PrintWriter(console, true));
        command.setErr(new PrintWriter(console, true));
        return command;
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
        for (Process process : started) {
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
