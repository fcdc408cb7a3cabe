package io.trtcsim.stack;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One WebSocket of text messages to a simulator, on Netty. Its frames are read on the event loop
 * of the {@link SimulatorConnector}, and each whole message (fragments joined) goes to the
 * {@link Listener} there, on that thread: the listener only hands it on, as {@link SimulatorChannel}
 * does to its inbox. Sends may come from any thread; Netty writes them in the order they were
 * made, so no send waits for the one before.
 */
final class SignalingSocket {

    /**
     * Whole messages up to 16 MB: the simulator's largest are SDP answers of a few KB, but a
     * welcome to a big 'rtc' room lists every member, and a limit here would cut the connection.
     */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The handshake response's headers and any body: the simulator's are a few hundred bytes. */
    private static final int MAX_HANDSHAKE_BYTES = 64 * 1024;
    /** The status a close frame without one stands for (RFC 6455, 7.1.5), as the JDK's client reports it. */
    private static final int NO_STATUS = 1005;

    /** What arrives, on the event loop's thread; nothing here may block. */
    interface Listener {
        void onText(String text);

        /** The stack closed the WebSocket with this status and reason; nothing follows. */
        void onClosed(int status, String reason);

        /** The connection broke (or ended without a close frame); nothing follows. */
        void onFailed(Throwable failure);
    }

    private final Channel channel;
    private final Frames frames;

    private SignalingSocket(Channel channel, Frames frames) {
        this.channel = channel;
        this.frames = frames;
    }

    /**
     * Connects and shakes hands within {@code timeout}; the future fails with what went wrong (the
     * refused connection, the HTTP status of a refused upgrade, the timeout). {@code tls} is asked
     * for a wss:// URI only.
     */
    static CompletableFuture<SignalingSocket> open(EventLoopGroup loop, URI uri, Duration timeout,
                                                   Supplier<SslContext> tls, Listener listener) {
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        SslContext ssl = secure ? tls.get() : null;
        CompletableFuture<SignalingSocket> opened = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast(tlsHandler(ssl, channel, host, port));
                        }
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri)
                                        .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                                        .handshakeTimeoutMillis(Math.max(1, timeout.toMillis()))
                                        // Close frames come up to us: their status and reason are the SDK's to report.
                                        .handleCloseFrames(false)
                                        .dropPongFrames(true)
                                        // abort() cuts the connection, as before: no close frame of ours on the way out.
                                        .sendCloseFrame(null)
                                        .build()),
                                new WebSocketFrameAggregator(MAX_MESSAGE_BYTES),
                                new Frames(uri, opened, listener));
                    }
                });
        bootstrap.connect(host, port).addListener(connected -> {
            if (!connected.isSuccess()) {
                opened.completeExceptionally(connected.cause());
            }
        });
        return opened;
    }

    /**
     * TLS to {@code host}, whose certificate must name it: Netty's engine checks the chain only
     * unless asked, where the JDK's HttpClient checked the name too.
     */
    private static SslHandler tlsHandler(SslContext ssl, SocketChannel channel, String host, int port) {
        SslHandler handler = ssl.newHandler(channel.alloc(), host, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }

    /** Queues one text message; the future completes once it was written, or fails if it could not be. */
    CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(written -> {
            if (written.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(written.cause());
            }
        });
        return sent;
    }

    /** Cuts the connection without a close frame; the listener hears nothing more, not even of this end. */
    void abort() {
        frames.silenced = true;
        channel.close();
    }

    /** The last handler: the handshake's outcome, then the frames and the end, each told once. */
    private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final URI uri;
        private final CompletableFuture<SignalingSocket> opened;
        private final Listener listener;
        /** Event loop only: the listener has heard the end (or the handshake failed). */
        private boolean ended;
        /** Set by {@link #abort} on any thread: the listener hears nothing more. */
        private volatile boolean silenced;

        Frames(URI uri, CompletableFuture<SignalingSocket> opened, Listener listener) {
            this.uri = uri;
            this.opened = opened;
            this.listener = listener;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(new SignalingSocket(context.channel(), this));
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new TimeoutException("no WebSocket handshake answer from " + uri));
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            if (ended || silenced) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                listener.onText(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                ended = true;
                boolean hasStatus = close.statusCode() >= 0;
                // Answer the close as RFC 6455 asks, then let the connection go.
                context.writeAndFlush(hasStatus ? new CloseWebSocketFrame(close.statusCode(), "") : new CloseWebSocketFrame())
                        .addListener(written -> context.close());
                listener.onClosed(hasStatus ? close.statusCode() : NO_STATUS, hasStatus ? close.reasonText() : "");
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            failed(opened.isDone() ? new IOException("the connection closed without a WebSocket close frame")
                    : new IOException("the connection to " + uri + " closed during the WebSocket handshake"));
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            failed(cause);
            context.close();
        }

        /** Opening fails with {@code cause}; or, once open, the listener hears it as the end (unless it heard one, or was silenced). */
        private void failed(Throwable cause) {
            if (!opened.isDone()) {
                opened.completeExceptionally(cause);
            } else if (!ended && !silenced && !opened.isCompletedExceptionally()) {
                ended = true;
                listener.onFailed(cause);
            }
        }
    }
}
