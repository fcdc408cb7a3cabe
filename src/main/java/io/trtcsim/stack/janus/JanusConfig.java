package io.trtcsim.stack.janus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration folder a {@link JanusProcess} generates: the core with only the VideoRoom plugin,
 * signaling on loopback, media on the machine's own IPv4 address, and no STUN. The values follow
 * what was measured to work with Debian's janus 1.1.2 (see docs/janus.md).
 *
 * @param modulesFolder where Debian put {@code plugins/}, {@code transports/}, {@code events/}, {@code loggers/}
 * @param mediaAddress the only address Janus gathers ICE candidates on (Janus ignores loopback)
 * @param webSocketPort the Janus API over WebSocket, on 127.0.0.1
 * @param httpPort the Janus API over HTTP, on 127.0.0.1
 * @param rtpPortRange "min-max" for media
 * @param adminSecret required by the admin API, which no transport here exposes
 */
record JanusConfig(Path modulesFolder, String mediaAddress, int webSocketPort, int httpPort, String rtpPortRange,
                   String adminSecret) {

    /** How long Janus keeps a session without a request or keep-alive (the client sends one every 25 s). */
    static final int SESSION_TIMEOUT_SECONDS = 60;

    void writeTo(Path folder) throws IOException {
        Map<String, String> files = Map.of(
                "janus.jcfg", core(folder),
                "janus.transport.websockets.jcfg", webSockets(),
                "janus.transport.http.jcfg", http(),
                "janus.plugin.videoroom.jcfg", videoRoom());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
    }

    private String core(Path folder) {
        return """
                general: {
                \tconfigs_folder = "%s"
                \tplugins_folder = "%s"
                \ttransports_folder = "%s"
                \tevents_folder = "%s"
                \tloggers_folder = "%s"
                \tdebug_level = 4
                \tdebug_timestamps = true
                \tadmin_secret = "%s"
                \tsession_timeout = %d
                }
                media: {
                \trtp_port_range = "%s"
                }
                nat: {
                \tnice_debug = false
                \tignore_mdns = true
                \tice_enforce_list = "%s"
                }
                plugins: {
                \tdisable = "%s"
                }
                transports: {
                \tdisable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
                }
                loggers: {
                \tdisable = "libjanus_jsonlog.so"
                }
                events: {
                \tbroadcast = false
                }
                """.formatted(folder, modulesFolder.resolve("plugins"), modulesFolder.resolve("transports"),
                modulesFolder.resolve("events"), modulesFolder.resolve("loggers"), adminSecret, SESSION_TIMEOUT_SECONDS,
                rtpPortRange, mediaAddress, otherPlugins());
    }

    /** Every plugin Debian ships but the VideoRoom: the others would only cost start-up time and threads. */
    private String otherPlugins() {
        try (var plugins = Files.list(modulesFolder.resolve("plugins"))) {
            return String.join(",", plugins.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".so") && !name.equals(JanusProcess.VIDEOROOM_PLUGIN_FILE))
                    .sorted().toList());
        } catch (IOException e) {
            throw new JanusNotInstalledException("cannot list Janus plugins in " + modulesFolder.resolve("plugins")
                    + ": " + e.getMessage());
        }
    }

    private String webSockets() {
        return """
                general: {
                \tjson = "compact"
                \tws = true
                \tws_port = %d
                \tws_ip = "127.0.0.1"
                \twss = false
                }
                admin: {
                \tadmin_ws = false
                \tadmin_wss = false
                }
                """.formatted(webSocketPort);
    }

    /** Enabled on purpose: 'http = false' crashes Janus 1.1.2 at start-up most times. */
    private String http() {
        return """
                general: {
                \tjson = "compact"
                \tbase_path = "/janus"
                \thttp = true
                \tport = %d
                \tip = "127.0.0.1"
                \thttps = false
                }
                admin: {
                \tadmin_http = false
                \tadmin_https = false
                }
                """.formatted(httpPort);
    }

    /** No rooms declared: each TRTC room is created at run time by its first client. */
    private static String videoRoom() {
        return """
                general: {
                }
                """;
    }
}
