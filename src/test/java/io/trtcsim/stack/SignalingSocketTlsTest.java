package io.trtcsim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * wss:// for the SDK's WebSocket: a real TLS WebSocket server (Netty's, with a self-signed
 * certificate for "localhost") that echoes. The client trusts what it is given and checks that the
 * certificate names the host it asked for, as the JDK's HttpClient did.
 */
class SignalingSocketTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventLoopGroup loop;
    private SelfSignedCertificate certificate;
    private Channel server;

    @BeforeEach
    void start() throws Exception {
        loop = new NioEventLoopGroup(1, new DefaultThreadFactory("signaling-io-tls-test", true));
        certificate = new SelfSignedCertificate("localhost");
        SslContext serverTls = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(serverTls.newHandler(channel.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(65536), new WebSocketServerProtocolHandler("/signal"),
                                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
                                        context.writeAndFlush(new TextWebSocketFrame("echo " + frame.text()));
                                    }
                                });
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close().sync();
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        assertThat(loop.awaitTermination(5, TimeUnit.SECONDS)).as("the test's event loop ended").isTrue();
        certificate.delete();
    }

    private URI uri(String host) {
        return URI.create("wss://" + host + ":" + ((InetSocketAddress) server.localAddress()).getPort() + "/signal");
    }

    private SslContext trusting() throws Exception {
        return SslContextBuilder.forClient().trustManager(certificate.cert()).build();
    }

    @Test
    void aServerWhoseCertificateIsTrustedAndNamesTheHostCarriesMessagesBothWays() throws Exception {
        SslContext tls = trusting();
        List<String> heard = new CopyOnWriteArrayList<>();
        SignalingSocket socket = SignalingSocket.open(loop, uri("localhost"), WAIT, () -> tls, new SignalingSocket.Listener() {
            @Override
            public void onText(String text) {
                heard.add(text);
            }

            @Override
            public void onClosed(int status, String reason) {
                heard.add("closed " + status);
            }

            @Override
            public void onFailed(Throwable failure) {
                heard.add("failed " + failure);
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        socket.send("hello over TLS").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard).containsExactly("echo hello over TLS"));
        socket.abort();
    }

    @Test
    void aCertificateTheClientDoesNotTrustFailsOpeningWithTheTlsError() throws Exception {
        SslContext jvmDefaults = SslContextBuilder.forClient().build();
        CompletableFuture<SignalingSocket> opening = SignalingSocket.open(loop, uri("localhost"), WAIT, () -> jvmDefaults, new Ignoring());
        assertThatThrownBy(() -> opening.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("SSLHandshakeException");
    }

    @Test
    void aTrustedCertificateForAnotherHostFailsOpening() throws Exception {
        SslContext tls = trusting();
        // The certificate names "localhost"; the client asked for 127.0.0.1.
        CompletableFuture<SignalingSocket> opening = SignalingSocket.open(loop, uri("127.0.0.1"), WAIT, () -> tls, new Ignoring());
        assertThatThrownBy(() -> opening.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("SSLHandshakeException")
                .hasStackTraceContaining("subject alternative names");
    }

    private static final class Ignoring implements SignalingSocket.Listener {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onClosed(int status, String reason) {
        }

        @Override
        public void onFailed(Throwable failure) {
        }
    }
}
