package io.trtcsim.stack.janus;

import static org.awaitility.Awaitility.await;

import io.trtcsim.host.Programs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's janus run as a child process with a configuration generated in a temporary folder:
 * signaling (WebSocket and HTTP) on loopback ports chosen at start, or as {@link JanusSignaling}
 * says, media on this machine's own IPv4 address, only the VideoRoom plugin. Its output goes to a log file in that folder. Closing it
 * stops the process and deletes the folder.
 */
public final class JanusProcess implements JanusInstance {

    public static final String DEBIAN_PACKAGE = "janus";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(10);
    static final String VIDEOROOM_PLUGIN_FILE = "libjanus_videoroom.so";

    private static final Logger log = LoggerFactory.getLogger(JanusProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READY_POLL = Duration.ofMillis(20);
    private static final String RTP_PORT_RANGE = "20000-40000";
    /** Where Debian and a source build put Janus's modules; the multiarch folder is found at run time. */
    private static final List<String> MODULE_FOLDER_CANDIDATES = List.of("/usr/lib/janus", "/usr/local/lib/janus",
            "/opt/janus/lib/janus");

    private final Process process;
    private final Path folder;
    private final Path logFile;
    private final JanusConfig config;
    private volatile boolean closed;

    private JanusProcess(Process process, Path folder, Path logFile, JanusConfig config) {
        this.process = process;
        this.folder = folder;
        this.logFile = logFile;
        this.config = config;
    }

    public static JanusProcess start() {
        return start(DEFAULT_READY_TIMEOUT);
    }

    /**
     * Starts janus and returns once its WebSocket port accepts connections.
     *
     * @throws JanusNotInstalledException when the janus executable or its VideoRoom plugin is missing
     * @throws IllegalStateException when it exits or does not listen within {@code readyTimeout}
     */
    public static JanusProcess start(Duration readyTimeout) {
        return start(JanusSignaling.onFreeLoopbackPorts(), readyTimeout);
    }

    /**
     * Starts janus with its API on the given ports and returns once its WebSocket port accepts
     * connections on loopback (a Janus reachable from the network listens there too).
     *
     * @throws JanusNotInstalledException when the janus executable or its VideoRoom plugin is missing
     * @throws IllegalStateException when it exits or does not listen within {@code readyTimeout}
     */
    public static JanusProcess start(JanusSignaling signaling, Duration readyTimeout) {
        Path binary = requireBinary(System.getenv("PATH"));
        Path modules = requireModulesFolder();
        Path folder;
        try {
            folder = Files.createTempDirectory("janus-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a configuration folder for Janus", e);
        }
        JanusProcess started = null;
        try {
            JanusConfig config = JanusConfig.forProcess(modules, ownIpv4Address().getHostAddress(), signaling,
                    RTP_PORT_RANGE, UUID.randomUUID().toString());
            config.writeTo(folder);
            Path logFile = folder.resolve("janus.log");
            // The folder is also the working directory: a core file from a crash goes away with it.
            Process process = new ProcessBuilder(binary.toString(), "-F", folder.toString(),
                    "-C", folder.resolve("janus.jcfg").toString(), "-o")
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            started = new JanusProcess(process, folder, logFile, config);
            started.awaitListening(readyTimeout);
            log.info("janus (pid {}) listens on {}; media on {}, log {}", process.pid(), started.webSocketUri(),
                    config.mediaAddress(), logFile);
            return started;
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                started.close();
            } else {
                deleteFolder(folder);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    /** The janus executable on the PATH, if there is one. */
    public static Optional<Path> locateBinary() {
        return locateBinary(System.getenv("PATH"));
    }

    static Optional<Path> locateBinary(String searchPath) {
        return Programs.onPath("janus", searchPath);
    }

    static Path requireBinary(String searchPath) {
        return locateBinary(searchPath).orElseThrow(() -> new JanusNotInstalledException(
                "no 'janus' executable on the PATH (" + searchPath + ")"));
    }

    /** Debian puts plugins under the multiarch folder (/usr/lib/x86_64-linux-gnu/janus), which varies by machine. */
    static Path requireModulesFolder() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> libs = Files.list(Paths.get("/usr/lib"))) {
            libs.map(lib -> lib.resolve("janus")).forEach(candidates::add);
        } catch (IOException e) {
            log.debug("cannot list /usr/lib", e);
        }
        MODULE_FOLDER_CANDIDATES.stream().map(Paths::get).forEach(candidates::add);
        return candidates.stream()
                .filter(folder -> Files.isRegularFile(folder.resolve("plugins").resolve(VIDEOROOM_PLUGIN_FILE)))
                .findFirst()
                .orElseThrow(() -> new JanusNotInstalledException("no Janus VideoRoom plugin (" + VIDEOROOM_PLUGIN_FILE
                        + ") under /usr/lib/*/janus/plugins or " + MODULE_FOLDER_CANDIDATES));
    }

    /**
     * Janus never gathers on loopback (an enforce list naming it is silently ignored), so media
     * must use a real interface: the first IPv4 address of an interface that is up and not loopback.
     */
    static InetAddress ownIpv4Address() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(JanusProcess::isUsable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "this machine has no non-loopback IPv4 address for Janus's media"));
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces: " + e.getMessage(), e);
        }
    }

    private static boolean isUsable(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback() && !networkInterface.isVirtual();
        } catch (SocketException e) {
            return false;
        }
    }

    private void awaitListening(Duration timeout) {
        try {
            await("janus accepts connections on 127.0.0.1:" + config.webSocketPort())
                    .atMost(timeout).pollInterval(READY_POLL).pollDelay(Duration.ZERO)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("janus exited with status " + process.exitValue()
                                    + " before listening; the end of its log:\n" + String.join("\n", logTail(30)));
                        }
                        return accepts(config.webSocketPort());
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("janus did not listen on 127.0.0.1:" + config.webSocketPort() + " within "
                    + timeout.toMillis() + " ms; the end of its log:\n" + String.join("\n", logTail(30)), e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String stackName() {
        return "janus";
    }

    @Override
    public boolean receivesMediaThroughThisMachine() {
        return true;
    }

    @Override
    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + config.webSocketPort() + "/");
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + config.httpPort() + "/janus");
    }

    /** The address Janus offers media on. */
    public String mediaAddress() {
        return config.mediaAddress();
    }

    public Path configFolder() {
        return folder;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when janus has exited, whether stopped by {@link #close()} or by itself. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The last {@code lines} lines Janus wrote; empty once closed (the folder is gone). */
    @Override
    public List<String> logTail(int lines) {
        if (!Files.isRegularFile(logFile)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.ISO_8859_1)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
        return List.copyOf(tail);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("janus (pid {}) did not stop within {} ms of SIGTERM; killing it", process.pid(),
                        STOP_TIMEOUT.toMillis());
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteFolder(folder);
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot delete Janus's folder {}: {}", folder, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "janus[pid " + process.pid() + ", " + webSocketUri() + (closed ? ", closed" : "") + "]";
    }
}
