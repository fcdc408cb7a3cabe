package io.trtcsim.media;

import io.trtcsim.host.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PulseAudio server of the harness's own (Debian's {@code pulseaudio}, in user mode, with a private
 * runtime folder), so that a machine without a sound card has real audio devices: microphones that
 * are {@code module-pipe-source}s fed by the harness ({@link PipeMicrophone}) and a null sink as
 * the speaker. libwebrtc's PulseAudio layer sees them as any desktop's devices.
 * <p>
 * It listens where this JVM's {@code PULSE_SERVER} (a {@code unix:} socket) says: libpulse in this
 * process reads that variable, and a JVM cannot change its own environment, so the socket is put
 * where the environment already points (the project's pom sets it for its test runs). Closing it
 * stops the server (SIGTERM, then SIGKILL after 5 s) and deletes its folder and socket.
 */
public final class PulseAudioServer implements AutoCloseable {

    public static final String SPEAKER = "harness-speaker";
    private static final Logger log = LoggerFactory.getLogger(PulseAudioServer.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** sun_path holds 108 bytes, the last one the terminating zero. */
    private static final int MAX_SOCKET_PATH_BYTES = 107;
    /** What a device name may be: it goes into pactl's module arguments unquoted. */
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private final Process process;
    private final Path socket;
    private final Path runtime;
    private final Path logFile;
    private final List<PipeMicrophone> microphones = new ArrayList<>();
    private boolean closed;

    private PulseAudioServer(Process process, Path socket, Path runtime, Path logFile) {
        this.process = process;
        this.socket = socket;
        this.runtime = runtime;
        this.logFile = logFile;
    }

    /**
     * Why no server can be started here, if it cannot: {@code pulseaudio} or {@code pactl} is not
     * installed, or this JVM's environment has no {@code PULSE_SERVER=unix:<socket>}.
     */
    public static Optional<String> reasonItCannotStart() {
        for (String program : List.of("pulseaudio", "pactl")) {
            if (Programs.onPath(program).isEmpty()) {
                return Optional.of("'" + program + "' is not installed (Debian's pulseaudio and pulseaudio-utils:"
                        + " bash scripts/install-system-packages.sh)");
            }
        }
        if (configuredSocket().isEmpty()) {
            return Optional.of("this JVM's environment has no PULSE_SERVER=unix:<socket> (got "
                    + System.getenv("PULSE_SERVER") + "); the harness starts its PulseAudio server on that socket,"
                    + " and the project's pom sets it for its test runs");
        }
        Path socket = configuredSocket().get();
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            return Optional.of("the socket path " + socket + " is longer than the " + MAX_SOCKET_PATH_BYTES
                    + " bytes a unix socket may have; set -Dharness.pulse.socket to a shorter path");
        }
        return Optional.empty();
    }

    /** The socket this JVM's libpulse connects to: PULSE_SERVER's, when it is a {@code unix:} path. */
    static Optional<Path> configuredSocket() {
        String server = System.getenv("PULSE_SERVER");
        return server != null && server.startsWith("unix:") && server.length() > "unix:".length()
                ? Optional.of(Path.of(server.substring("unix:".length())).toAbsolutePath())
                : Optional.empty();
    }

    /**
     * Starts the server on PULSE_SERVER's socket and waits until it answers.
     *
     * @throws IllegalStateException when it cannot start here (the reason of {@link #reasonItCannotStart}),
     *                               when a server already answers on that socket, or when it does not answer in 10 s
     *                               (the message carries the end of its log)
     */
    public static PulseAudioServer start() {
        reasonItCannotStart().ifPresent(reason -> {
            throw new IllegalStateException("cannot start a PulseAudio server: " + reason);
        });
        Path socket = configuredSocket().orElseThrow();
        Path runtime;
        try {
            stopOneLeftBehind(socket);
            if (Files.exists(socket)) {
                if (answers(socket)) {
                    throw new IllegalStateException("a PulseAudio server already answers on " + socket
                            + "; the harness starts its own there and will not share one it did not start");
                }
                Files.delete(socket); // left by a server that was killed
            }
            Files.createDirectories(socket.getParent());
            runtime = Files.createTempDirectory("trtcsim-pulse-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PulseAudio server's folders for " + socket, e);
        }
        Path logFile = runtime.resolve("pulseaudio.log");
        List<String> command = List.of("pulseaudio", "--daemonize=no", "--system=no", "-n",
                "--exit-idle-time=-1", "--disallow-exit=yes", "--use-pid-file=no", "--log-target=stderr",
                "--load=module-native-protocol-unix socket=" + socket + " auth-anonymous=1",
                "--load=module-null-sink sink_name=" + SPEAKER + " sink_properties=device.description=" + SPEAKER);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        builder.environment().put("HOME", runtime.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pulseaudio", e);
        }
        PulseAudioServer server = new PulseAudioServer(process, socket, runtime, logFile);
        try {
            Awaitility.await("the PulseAudio server answering on " + socket)
                    .atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || answers(socket));
            if (!process.isAlive()) {
                throw new IllegalStateException("pulseaudio exited with status " + process.exitValue()
                        + " at start; its log ends: " + server.logTail());
            }
        } catch (ConditionTimeoutException e) {
            server.close();
            throw new IllegalStateException("pulseaudio did not answer on " + socket + " within " + PATIENCE.toSeconds()
                    + " s; its log ends: " + server.logTail(), e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            Files.writeString(pidFile(socket), Long.toString(process.pid()));
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("cannot write " + pidFile(socket), e);
        }
        log.info("PulseAudio server started on {} (pid {})", socket, process.pid());
        return server;
    }

    /**
     * Adds a microphone: a pipe source named (and described) {@code name} whose FIFO the returned
     * microphone feeds with the marked tone, once started.
     *
     * @throws IllegalArgumentException naming the name when it is not a plain device name or is taken
     */
    public synchronized PipeMicrophone addMicrophone(String name, MediaClock clock) {
        if (!DEVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("microphone name '" + name + "' is not a device name: letters, digits,"
                    + " '.', '_' and '-', at most 63, starting with a letter or digit");
        }
        if (name.equals(SPEAKER) || microphones.stream().anyMatch(m -> m.name().equals(name))) {
            throw new IllegalArgumentException("the PulseAudio server already has a device named '" + name + "'");
        }
        Path fifo = runtime.resolve(name + ".fifo");
        pactl("load-module", "module-pipe-source", "source_name=" + name, "file=" + fifo, "format=s16le",
                "rate=" + AudioTone.SAMPLE_RATE, "channels=" + AudioTone.CHANNELS,
                "source_properties=device.description=" + name);
        // A pipe source reads its FIFO only while something records from it; otherwise the FIFO
        // fills (64 KiB, 680 ms of this audio) and every later recording hears it that late
        // (measured: 660-875 ms after a switch back). A loopback into the null sink records it
        // all the time, so the FIFO is drained in real time whoever else records.
        pactl("load-module", "module-loopback", "source=" + name, "sink=" + SPEAKER, "source_dont_move=true",
                "sink_dont_move=true", "latency_msec=20");
        PipeMicrophone microphone = PipeMicrophone.open(name, fifo, clock);
        microphones.add(microphone);
        return microphone;
    }

    public Path socket() {
        return socket;
    }

    /** Where the pid of the server on {@code socket} is kept while it runs. */
    private static Path pidFile(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".pid");
    }

    /**
     * Stops a server of the harness's that a JVM which died (killed, or crashed in native code) left
     * running on this socket, so the next run can start its own: its pid file names a live
     * pulseaudio process whose parent is no longer a Java process (an orphan, adopted by init). One
     * whose JVM still runs (this one, or another run on the same socket) is left alone, and the
     * start is refused below.
     */
    private static void stopOneLeftBehind(Path socket) throws IOException {
        Path pidFile = pidFile(socket);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftBehind;
        try {
            leftBehind = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("pulseaudio")).orElse(false))
                    .filter(p -> p.parent().flatMap(parent -> parent.info().command())
                            .map(command -> !command.endsWith("java")).orElse(true));
        } catch (NumberFormatException e) {
            leftBehind = Optional.empty();
        }
        leftBehind.ifPresent(p -> {
            log.warn("stopping the PulseAudio server (pid {}) an earlier run left on {}", p.pid(), socket);
            p.destroy();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        });
        Files.deleteIfExists(pidFile);
    }

    private void pactl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("pactl", "--server=unix:" + socket));
        command.addAll(List.of(arguments));
        String output = run(command);
        if (output == null) {
            throw new IllegalStateException("pactl " + String.join(" ", arguments) + " did not end within "
                    + PATIENCE.toSeconds() + " s");
        }
    }

    /** Runs a short command; its output, or null when it did not end in time. Fails with its output when it fails. */
    private static String run(List<String> command) {
        try {
            Process pactl = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!pactl.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                pactl.destroyForcibly();
                return null;
            }
            String output = new String(pactl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (pactl.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (status " + pactl.exitValue()
                        + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean answers(Path socket) {
        try {
            return run(List.of("pactl", "--server=unix:" + socket, "info")) != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the feeds, then the server; deletes its folder and socket. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        microphones.forEach(PipeMicrophone::close);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                log.warn("pulseaudio (pid {}) did not stop on SIGTERM within 5 s; killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(runtime)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            Files.deleteIfExists(socket);
            Files.deleteIfExists(pidFile(socket));
        } catch (IOException e) {
            log.warn("could not delete the PulseAudio server's folder {}: {}", runtime, e.toString());
        }
    }

    @Override
    public String toString() {
        return "PulseAudioServer[" + socket + "]";
    }
}
