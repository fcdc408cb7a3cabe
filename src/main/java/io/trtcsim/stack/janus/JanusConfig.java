package io.trtcsim.stack.janus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The configuration folder generated for Janus: the core with only the VideoRoom plugin, signaling on
 * one address, media on one address or interface, and no STUN. The values follow what was measured
 * to work with Debian's janus 1.1.2 (see docs/janus.md). A {@link JanusProcess} writes it to a
 * temporary folder; a {@link JanusContainer} copies it into its container.
 *
 * @param modulesFolder where Debian put {@code plugins/}, {@code transports/}, {@code events/}, {@code loggers/}
 * @param disabledPlugins every plugin file in {@code plugins/} but the VideoRoom's
 * @param mediaAddress the only address or interface Janus gathers ICE candidates on (Janus ignores loopback)
 * @param signalingAddress the address the WebSocket and HTTP transports listen on; empty for every interface
 * @param webSocketPort the Janus API over WebSocket
 * @param httpPort the Janus API over HTTP
 * @param rtpPortRange "min-max" for media
 * @param adminSecret required by the admin API, which no transport here exposes
 */
record JanusConfig(String modulesFolder, List<String> disabledPlugins, String mediaAddress, String signalingAddress,
                   int webSocketPort, int httpPort, String rtpPortRange, String adminSecret) {

    /** How long Janus keeps a session without a request or keep-alive (the client sends one every 25 s). */
    static final int SESSION_TIMEOUT_SECONDS = 60;

    /** For a janus process on this machine: signaling as asked, every other plugin of the installation disabled. */
    static JanusConfig forProcess(Path modulesFolder, String mediaAddress, JanusSignaling signaling,
                                  String rtpPortRange, String adminSecret) {
        return new JanusConfig(modulesFolder.toString(), otherPlugins(modulesFolder), mediaAddress,
                signaling.reach().listenAddress(), signaling.webSocketPort(), signaling.httpPort(), rtpPortRange, adminSecret);
    }

    /** The files of the configuration folder, by name, for a folder that Janus sees at {@code folder}. */
    Map<String, String> files(String folder) {
        return Map.of(
                "janus.jcfg", core(folder),
                "janus.transport.websockets.jcfg", webSockets(),
                "janus.transport.http.jcfg", http(),
                "janus.plugin.videoroom.jcfg", videoRoom());
    }

    void writeTo(Path folder) throws IOException {
        for (Map.Entry<String, String> file : files(folder.toString()).entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
    }

    private String core(String folder) {
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
                """.formatted(folder, modulesFolder + "/plugins", modulesFolder + "/transports",
                modulesFolder + "/events", modulesFolder + "/loggers", adminSecret, SESSION_TIMEOUT_SECONDS,
                rtpPortRange, mediaAddress, String.join(",", disabledPlugins));
    }

    /** Every plugin Debian ships but the VideoRoom: the others would only cost start-up time and threads. */
    private static List<String> otherPlugins(Path modulesFolder) {
        try (var plugins = Files.list(modulesFolder.resolve("plugins"))) {
            return plugins.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".so") && !name.equals(JanusProcess.VIDEOROOM_PLUGIN_FILE))
                    .sorted().toList();
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
                %s
                \twss = false
                }
                admin: {
                \tadmin_ws = false
                \tadmin_wss = false
                }
                """.formatted(webSocketPort, listenOn("ws_ip"));
    }

    /** Enabled on purpose: 'http = false' crashes Janus 1.1.2 at start-up most times. */
    private String http() {
        return """
                general: {
                \tjson = "compact"
                \tbase_path = "/janus"
                \thttp = true
                \tport = %d
                %s
                \thttps = false
                }
                admin: {
                \tadmin_http = false
                \tadmin_https = false
                }
                """.formatted(httpPort, listenOn("ip"));
    }

    /** The transport's listen-address line, or none (every interface) for an empty address. */
    private String listenOn(String key) {
        return signalingAddress.isEmpty() ? "" : "\t" + key + " = \"" + signalingAddress + "\"";
    }

    /**
     * No rooms declared: each TRTC room is created at run time by its first client. Rooms and
     * participants are named by strings, so TRTC's string rooms live beside its numeric ones
     * ({@link JanusIds}).
     */
    private static String videoRoom() {
        return """
                general: {
                \tstring_ids = true
                }
                """;
    }
}
