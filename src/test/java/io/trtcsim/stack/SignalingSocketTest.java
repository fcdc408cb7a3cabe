package io.trtcsim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's WebSocket to the simulator, against a real Jetty WebSocket server (Javalin, as the
 * simulator's): whole messages in order, fragments joined, the stack's close status and reason,
 * a cut connection, and the ways opening fails, each named.
 */
class SignalingSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Supplier<SslContext> NO_TLS = () -> {
        throw new AssertionError("a ws:// URI asked for TLS");
    };

    private EventLoopGroup loop;
    private Javalin server;
    private final List<String> serverHeard = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> serverSawClose = new CompletableFuture<>();

    @BeforeEach
    void start() {
        loop = new NioEventLoopGroup(1, new DefaultThreadFactory("signaling-io-test", true));
        server = Javalin.create().ws("/signal", ws -> {
            ws.onMessage(ctx -> {
                String text = ctx.message();
                serverHeard.add(text);
                switch (text) {
                    case "close-1008" -> ctx.closeSession(1008, "too many messages pending");
                    case "cut" -> ctx.session.disconnect();
                    case "fragments" -> {
                        ctx.session.getRemote().sendPartialString("one ", false);
                        ctx.session.getRemote().sendPartialString("two ", false);
                        ctx.session.getRemote().sendPartialString("three", true);
                    }
                    case "large" -> ctx.send("x".repeat(300_000));
                    default -> ctx.send("echo " + text);
                }
            });
            ws.onClose(ctx -> serverSawClose.complete(ctx.status()));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop();
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        assertThat(loop.awaitTermination(5, TimeUnit.SECONDS)).as("the test's event loop ended").isTrue();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    private SignalingSocket open(Heard heard) throws Exception {
        return SignalingSocket.open(loop, uri("/signal"), WAIT, NO_TLS, heard).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void messagesSentFromManyThreadsAllArriveWholeAndEachThreadsInOrder() throws Exception {
        Heard heard = new Heard();
        SignalingSocket socket = open(heard);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int sender = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    socket.send(sender + ":" + i);
                }
            }, "sender-" + t);
            thread.start();
            senders.add(thread);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard.texts)
                .as("the 200 echoes, with what else was heard: %s", heard.ends).hasSize(200));
        for (int t = 0; t < 4; t++) {
            String prefix = "echo " + t + ":";
            List<String> ofThisSender = heard.texts.stream().filter(text -> text.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add(prefix + i);
            }
            assertThat(ofThisSender).as("sender %d's messages, in its order", t).isEqualTo(expected);
        }
        assertThat(heard.ends).as("no end while the socket is in use").isEmpty();
    }

    @Test
    void aFragmentedMessageAndALargeOneArriveWhole() throws Exception {
        Heard heard = new Heard();
        SignalingSocket socket = open(heard);
        socket.send("fragments").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        socket.send("large").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard.texts).as("two whole messages").hasSize(2));
        assertThat(heard.texts.get(0)).isEqualTo("one two three");
        assertThat(heard.texts.get(1)).hasSize(300_000);
    }

    @Test
    void theStacksCloseComesWithItsStatusAndReasonAndNothingElse() throws Exception {
        Heard heard = new Heard();
        SignalingSocket socket = open(heard);
        socket.send("close-1008");
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard.ends).as("the end heard").hasSize(1));
        assertThat(heard.ends.get(0)).isEqualTo("closed 1008 too many messages pending");
        // The client answered the close frame: the server saw a clean close, not a cut.
        assertThat(serverSawClose.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(heard.ends).as("told once").hasSize(1);
    }

    @Test
    void aConnectionCutWithoutACloseFrameIsAFailure() throws Exception {
        Heard heard = new Heard();
        SignalingSocket socket = open(heard);
        socket.send("cut");
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard.ends).as("the end heard").hasSize(1));
        assertThat(heard.ends.get(0)).startsWith("failed IOException").contains("without a WebSocket close frame");
    }

    @Test
    void abortCutsTheConnectionAndTheListenerHearsNothingOfIt() throws Exception {
        Heard heard = new Heard();
        SignalingSocket socket = open(heard);
        socket.send("hello").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard.texts).containsExactly("echo hello"));
        socket.abort();
        // The server notices the connection gone (no close frame: status 1006)...
        assertThat(serverSawClose.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1006);
        // ...and a send after the abort fails rather than hangs.
        assertThatThrownBy(() -> socket.send("late").get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(heard.ends).as("an abort is not reported to the listener").isEmpty();
    }

    @Test
    void anUpgradeTheServerRefusesFailsOpeningWithItsHttpStatus() {
        CompletableFuture<SignalingSocket> opening = SignalingSocket.open(loop, uri("/no-such-path"), WAIT, NO_TLS, new Heard());
        assertThatThrownBy(() -> opening.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("404");
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeFailsOpeningWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long began = System.nanoTime();
            CompletableFuture<SignalingSocket> opening = SignalingSocket.open(loop,
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/signal"), Duration.ofMillis(500), NO_TLS, new Heard());
            assertThatThrownBy(() -> opening.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("no WebSocket handshake answer");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(WAIT);
            accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aPortNobodyListensOnFailsOpening() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        CompletableFuture<SignalingSocket> opening = SignalingSocket.open(loop, URI.create("ws://127.0.0.1:" + port + "/signal"),
                WAIT, NO_TLS, new Heard());
        assertThatThrownBy(() -> opening.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("Connection refused");
    }

    /** What a socket's listener heard: the texts, and how it ended ("closed STATUS REASON" or "failed TYPE: MESSAGE"). */
    private static final class Heard implements SignalingSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> ends = new CopyOnWriteArrayList<>();

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onClosed(int status, String reason) {
            ends.add("closed " + status + " " + reason);
        }

        @Override
        public void onFailed(Throwable failure) {
            ends.add("failed " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
    }
}
