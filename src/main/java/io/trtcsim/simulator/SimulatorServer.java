package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.trtcsim.simulator.callback.CallbackDispatcher;
import io.trtcsim.simulator.callback.CallbackSink;
import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.simulator.sfu.netem.NetworkEmulation;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.UserSigVerifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference simulator of TRTC's documented behaviour: WebSocket signaling on /signal (JSON,
 * see docs/simulator-protocol.md), rooms, UserSig checks and media forwarding. Runs in-process for a
 * scenario or on its own through {@link SimulatorMain}. Media is forwarded by the {@link MediaPlane},
 * a packet-forwarding SFU in Java: the simulator loads no libwebrtc.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
    /** Two: a fan-out to thousands of members is written on both cores of a small machine. */
    private static final int SENDING_THREADS = 2;
    private static final int MIN_JETTY_THREADS = 16;
    private static final int INPUT_BUFFER_BYTES = 1024;
    private static final int JETTY_THREADS_PER_CORE = 8;

    private final Javalin app;
    private final MediaPlane media;
    private final SimulatorContext context;
    private final Map<String, SignalingConnection> connections = new ConcurrentHashMap<>();
    private final String host;
    private final CallbackSink callbackSink;
    /** Hands every connection's messages to Jetty's asynchronous sends; its tasks never wait for a socket. */
    private final ExecutorService sending;

    private SimulatorServer(SimulatorConfig config) {
        this.host = config.host();
        this.media = new MediaPlane(config.host(), config.mediaTimeout());
        ObjectMapper json = new ObjectMapper();
        AtomicInteger senders = new AtomicInteger();
        // A ForkJoinPool rather than one shared queue: a fan-out queues thousands of tiny writes, and
        // two threads taking from one locked queue spent more time waking each other than writing.
        this.sending = new ForkJoinPool(SENDING_THREADS, pool -> {
            ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
            };
            thread.setName("sim-outbox-" + senders.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, true);
        this.callbackSink = config.callbackUrl()
                .map(url -> CallbackSink.to(new CallbackDispatcher(url, config.callbackPolicy(), config.clock()),
                        sdkAppId -> config.appKeys().find(sdkAppId).flatMap(AppKey::optionalCallbackKey)))
                .orElse(CallbackSink.NONE);
        LimitGuard limits = new LimitGuard(config.limits());
        this.context = new SimulatorContext(json, new Messages(json), new Rooms(limits), config.appKeys(),
                new UserSigVerifier(config.appKeys(), config.clock()), media, config.mediaTimeout(),
                new CallbackReporter(callbackSink, config.clock()),
                new SimulatorLog(config.clock()), sending, limits);
        CloudApi cloudApi = new CloudApi(context, config.clock());
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jetty.threadPool = jettyThreads();
            javalin.jetty.modifyWebSocketServletFactory(factory -> {
                // A client that sends nothing for this long (not even a ping) is taken as gone.
                factory.setIdleTimeout(config.idleTimeout());
                factory.setMaxTextMessageSize(SimulatorConfig.MAX_MESSAGE_BYTES);
                // Jetty makes each text message's builder this big: 4 KB by default, for messages that
                // are mostly heartbeats of 50 bytes (an SDP of a few KB is read in a few reads).
                factory.setInputBufferSize(INPUT_BUFFER_BYTES);
            });
        });
        // TRTC's server API as Tencent Cloud API 3.0 serves it: every action is a POST to "/".
        app.post("/", cloudApi::handle);
        NetworkAdminApi networkAdmin = new NetworkAdminApi(json, config.appKeys(), media.network());
        app.get("/network", networkAdmin::list);
        app.delete("/network", networkAdmin::deleteAll);
        app.put("/network/{sdkAppId}/{userId}", networkAdmin::put);
        app.get("/network/{sdkAppId}/{userId}", networkAdmin::get);
        app.delete("/network/{sdkAppId}/{userId}", networkAdmin::delete);
        app.put("/network/{sdkAppId}/{userId}/streams/{streamId}", networkAdmin::putStream);
        app.get("/network/{sdkAppId}/{userId}/streams/{streamId}", networkAdmin::getStream);
        app.delete("/network/{sdkAppId}/{userId}/streams/{streamId}", networkAdmin::deleteStream);
        app.get("/health", ctx -> ctx.json(Map.of("status", "up", "connections", connections.size(),
                "rooms", context.rooms().count(), "limits", limits.health())));
        // The media plane's own view of every link (packets, loss, NACKs, PLIs, bitrates), for debugging.
        app.get("/media", ctx -> ctx.json(Map.of("links", media.links(), "closed", media.closedLinks(),
                "network", media.networkPaths())));
        app.get("/rooms", ctx -> ctx.contentType("text/plain; charset=utf-8").result(describeRooms()));
        app.ws("/signal", ws -> {
            ws.onConnect(ctx -> connections.put(ctx.sessionId(), new SignalingConnection(context, ctx)));
            ws.onMessage(ctx -> {
                // None when Jetty delivers a message it had read after the connection closed (a reset
                // noticed by a write on another thread): it is dropped. Re-creating the connection for it
                // left an entry behind for good and, for a join, a member that never left.
                SignalingConnection connection = connections.get(ctx.sessionId());
                if (connection != null) {
                    connection.onMessage(ctx.message());
                }
            });
            ws.onClose(ctx -> {
                SignalingConnection connection = connections.remove(ctx.sessionId());
                if (connection != null) {
                    connection.onClose("status " + ctx.status() + " " + ctx.reason());
                }
            });
            ws.onError(ctx -> log.debug("signaling error on {}", ctx.sessionId(), ctx.error()));
        });
    }

    /**
     * Jetty's threads, fewer than Javalin's default of up to 250: signaling, HTTP and the WebSocket
     * handlers never wait for anything, so a few per core keep up, while a pool that grew to 250
     * under a ramp of thousands of joins kept them all for a minute and had them contend for two cores.
     */
    private static QueuedThreadPool jettyThreads() {
        int max = Math.max(MIN_JETTY_THREADS, JETTY_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
        QueuedThreadPool threads = new QueuedThreadPool(max, Math.min(8, max));
        threads.setName("JettyServerThreadPool");
        return threads;
    }

    /** Starts a simulator; port 0 picks a free one. */
    public static SimulatorServer start(SimulatorConfig config) {
        SimulatorServer server = new SimulatorServer(config);
        try {
            server.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("TRTC simulator listening on {}", server.signalingUri());
        return server;
    }

    /**
     * The network conditions the media plane applies, per participant (both ways) and per
     * subscribed stream; change them during a call (the embedded stack's way to what
     * {@code PUT /network/...} does over HTTP).
     */
    public NetworkEmulation network() {
        return media.network();
    }

    /** What the simulator did in a room, oldest first. */
    public List<String> logLines(RoomId roomId) {
        return context.log().lines(roomId);
    }

    /** The simulator's view of its rooms: members with their roles, streams with their state and subscribers. */
    public String describeRooms() {
        StringBuilder text = new StringBuilder();
        for (Room room : context.rooms().all()) {
            text.append("room ").append(room.roomId()).append(" (app ").append(room.sdkAppId()).append(")\n");
            for (Member member : room.members()) {
                text.append("  member ").append(member).append('\n');
            }
            for (PublishedStream stream : room.streams()) {
                text.append("  stream ").append(stream.streamId()).append(": audio ").append(stream.hasAudio())
                        .append(stream.audioMuted() ? " (muted)" : "").append(", video ").append(stream.hasVideo())
                        .append(stream.videoMuted() ? " (muted)" : "").append(", ").append(stream.downlinkCount())
                        .append(" downlink(s)\n");
            }
        }
        String rooms = text.length() == 0 ? "(no rooms)\n" : text.toString();
        return rooms + "\nmedia links (the forwarder's view; GET /media for JSON)\n" + MediaLinksTable.of(media.links(), "open")
                + MediaLinksTable.of(media.closedLinks(), "closed")
                + "\nnetwork conditions (GET /network for JSON)\n" + MediaLinksTable.network(media.networkPaths());
    }

    /** The media plane's view of every link: one map per uplink and downlink, with its counters. */
    public List<Map<String, Object>> mediaLinks() {
        return media.links();
    }

    public int port() {
        return app.port();
    }

    public URI signalingUri() {
        return URI.create("ws://" + host + ":" + port() + "/signal");
    }

    public URI httpUri() {
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops accepting, drops every connection (as disconnects) and closes the media plane. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            connections.values().forEach(connection -> connection.onClose("simulator stopped"));
            connections.clear();
            media.close();
            callbackSink.close();
            sending.shutdownNow();
            try {
                if (!sending.awaitTermination(2, TimeUnit.SECONDS)) {
                    log.warn("the simulator's sending threads did not end within 2 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
