package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A second floor under the signaling fan-out, nearer to what the stack does than
 * {@link LoopbackFloor}: the same fan-out over bare WebSockets in this JVM, with none of the
 * simulator or the SDK. A Netty WebSocket server on loopback (an event loop per core) and
 * {@code connections} Netty WebSocket clients on one event loop, as the SDK's; each client sends a
 * JSON heartbeat every {@code heartbeat}, which the server parses and answers, as the members do
 * while in the room. A round: the server writes one JSON message of the event's size to every
 * connection (each event loop its own connections, in one task), and each client parses it on its
 * I/O thread and stamps it; rounds are a heartbeat interval apart, as the stack's are, after 30
 * that are not counted. No queue, no thread between socket and parser on either side: the
 * least any WebSocket signaling with JSON costs here. The stack's p99 over this one is what the
 * simulator and the SDK cost beyond the WebSocket and the JSON.
 */
final class WebSocketFloor {

    /** Per round, and for each connection's handshake: the longest before the floor gives up, naming what arrived. */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /**
     * Rounds run first and not counted: the JIT's first passes through these paths. As many as the
     * stack's warm-up has by default on the documented command; with ten, the first counted rounds
     * were still about twice the later ones.
     */
    private static final int WARM_UP_ROUNDS = 30;
    private static final String EVENT_TYPE = "stream-added";
    private static final int MAX_MESSAGE_BYTES = 65_536;

    private final int connections;
    private final int messageBytes;
    private final Duration heartbeat;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong heartbeatsAnswered = new AtomicLong();

    WebSocketFloor(int connections, int messageBytes, Duration heartbeat) {
        int smallest = message(0, 0).length();
        if (connections < 1 || messageBytes < smallest || heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("connections must be positive, message bytes at least " + smallest
                    + " and the heartbeat interval positive, got " + connections + ", " + messageBytes + ", " + heartbeat);
        }
        this.connections = connections;
        this.messageBytes = messageBytes;
        this.heartbeat = heartbeat;
    }

    /** How many heartbeat replies the clients have had so far. */
    long heartbeatsAnswered() {
        return heartbeatsAnswered.get();
    }

    /** Each counted round's latencies (ms from the round's start to each client's message parsed). */
    List<FanOutRound.Percentiles> measure(int rounds) throws IOException, InterruptedException {
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ws-floor-accept", true));
        EventLoopGroup serverLoops = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("ws-floor-server", true));
        EventLoopGroup clientLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("ws-floor-client", true));
        try {
            List<Channel> accepted = new ArrayList<>();
            Channel server = new ServerBootstrap().group(boss, serverLoops).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, connections)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ServerSide(accepted)).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            URI uri = URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/signal");
            Clients clients = new Clients(connections);
            for (int i = 0; i < connections; i++) {
                connect(clientLoop, uri, clients, i);
            }
            // A client can read the server's 101 before the server's side has told its handler the
            // handshake is done: the rounds begin once the server holds every connection.
            await("WebSocket floor: the server's side of all " + connections + " connections")
                    .atMost(LIMIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> snapshot(accepted).size(), held -> held == connections);
            List<FanOutRound.Percentiles> results = new ArrayList<>();
            for (int round = 1; round <= WARM_UP_ROUNDS + rounds; round++) {
                FanOutRound.Percentiles measured = round(round, snapshot(accepted), clients);
                if (round > WARM_UP_ROUNDS) {
                    results.add(measured);
                }
                awaitAHeartbeatEach(round);
            }
            return results;
        } finally {
            for (EventLoopGroup group : List.of(clientLoop, serverLoops, boss)) {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            }
            for (EventLoopGroup group : List.of(clientLoop, serverLoops, boss)) {
                group.awaitTermination(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Rounds are as far apart as the stack's (about a heartbeat interval: a publish, then an
     * unpublish): the next begins once as many heartbeats as there are clients have been answered.
     */
    private void awaitAHeartbeatEach(int round) {
        long target = heartbeatsAnswered() + connections;
        await("WebSocket floor, after round " + round + ": " + connections + " more heartbeats answered")
                .atMost(LIMIT).pollInterval(Duration.ofMillis(20))
                .until(this::heartbeatsAnswered, answered -> answered >= target);
    }

    private static List<Channel> snapshot(List<Channel> accepted) {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Opens client {@code index}, waits for its handshake, and starts its heartbeats at its place in the interval. */
    private void connect(EventLoopGroup loop, URI uri, Clients clients, int index) throws IOException, InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        ChannelFuture connecting = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri).build()),
                                new ClientSide(clients, index, open));
                    }
                }).connect(uri.getHost(), uri.getPort());
        if (!connecting.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS) || !connecting.isSuccess()) {
            throw new IOException("WebSocket floor: connection " + (index + 1) + " of " + connections + " failed: "
                    + (connecting.cause() == null ? "no answer within " + LIMIT.toSeconds() + " s" : connecting.cause()), connecting.cause());
        }
        Channel channel = connecting.channel();
        if (!open.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException("WebSocket floor: connection " + (index + 1) + " of " + connections
                    + " had no handshake within " + LIMIT.toSeconds() + " s");
        }
        long interval = heartbeat.toNanos();
        AtomicLong ids = new AtomicLong();
        channel.eventLoop().scheduleAtFixedRate(() -> channel.writeAndFlush(new TextWebSocketFrame(
                        json.createObjectNode().put("type", "heartbeat").put("id", ids.incrementAndGet()).toString())),
                interval * index / connections, interval, TimeUnit.NANOSECONDS);
    }

    private FanOutRound.Percentiles round(int round, List<Channel> accepted, Clients clients) throws InterruptedException {
        CountDownLatch everyoneParsed = clients.expect();
        byte[] message = message(round, messageBytes).getBytes(StandardCharsets.UTF_8);
        Map<EventLoop, List<Channel>> byLoop = new LinkedHashMap<>();
        for (Channel channel : accepted) {
            byLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(channel);
        }
        long start = System.nanoTime();
        byLoop.forEach((loop, channels) -> loop.execute(() -> {
            for (Channel channel : channels) {
                channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(message)));
            }
        }));
        if (!everyoneParsed.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("WebSocket floor, round " + round + ": " + (connections - everyoneParsed.getCount())
                    + " of " + connections + " clients parsed their message within " + LIMIT.toSeconds() + " s ("
                    + accepted.size() + " connections accepted)");
        }
        return FanOutRound.Percentiles.of(clients.parsedAt(), start);
    }

    /** The round's event as JSON, padded to {@code bytes} (the smallest it can be when that is less). */
    private static String message(int round, int bytes) {
        String head = "{\"type\":\"" + EVENT_TYPE + "\",\"userId\":\"alice\",\"streamId\":\"alice_main\",\"round\":" + round + ",\"pad\":\"";
        String tail = "\"}";
        return head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail;
    }

    /** What every client's stamps go into; one round at a time. */
    private static final class Clients {
        private final long[] parsedAt;
        private volatile CountDownLatch round = new CountDownLatch(0);

        Clients(int connections) {
            this.parsedAt = new long[connections];
        }

        CountDownLatch expect() {
            round = new CountDownLatch(parsedAt.length);
            return round;
        }

        void parsed(int index) {
            parsedAt[index] = System.nanoTime();
            round.countDown();
        }

        /** Read after the round's latch opened, which orders the stamps before the read. */
        long[] parsedAt() {
            return parsedAt.clone();
        }
    }

    /** The server: answers each heartbeat it parses, and keeps every connection whose handshake is done. */
    private final class ServerSide extends ChannelInitializer<SocketChannel> {
        private final List<Channel> accepted;

        ServerSide(List<Channel> accepted) {
            this.accepted = accepted;
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES),
                    new WebSocketServerProtocolHandler("/signal"), new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                        @Override
                        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
                            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                                synchronized (accepted) {
                                    accepted.add(context.channel());
                                }
                            }
                            super.userEventTriggered(context, event);
                        }

                        @Override
                        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) throws Exception {
                            JsonNode request = json.readTree(frame.text());
                            context.writeAndFlush(new TextWebSocketFrame(
                                    json.createObjectNode().put("type", "ok").put("id", request.path("id").asLong()).toString()));
                        }
                    });
        }
    }

    /** A client: parses what comes; a reply counts as a heartbeat answered, the round's event is stamped. */
    private final class ClientSide extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final Clients clients;
        private final int index;
        private final CountDownLatch open;

        ClientSide(Clients clients, int index, CountDownLatch open) {
            this.clients = clients;
            this.index = index;
            this.open = open;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                open.countDown();
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) throws Exception {
            JsonNode message = json.readTree(frame.text());
            if (EVENT_TYPE.equals(message.path("type").asText())) {
                clients.parsed(index);
            } else {
                heartbeatsAnswered.incrementAndGet();
            }
        }
    }
}
