package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JanusProcessTest {

    private static final Duration STOPPED = Duration.ofSeconds(10);

    @Test
    void startsListeningWithTheGeneratedConfigurationAndStopsWithoutATrace() throws Exception {
        JanusInstalled.assumeInstalled();
        long started = System.nanoTime();
        JanusProcess janus = JanusProcess.start();
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        long pid = janus.pid();
        Path folder = janus.configFolder();
        URI ws = janus.webSocketUri();
        try {
            System.out.printf("janus pid %d listening on %s after %d ms, media on %s%n", pid, ws, readyMillis,
                    janus.mediaAddress());
            assertThat(janus.isAlive()).isTrue();
            assertThat(ws.getHost()).isEqualTo("127.0.0.1");
            assertThat(accepts(ws.getPort())).as("WebSocket port accepts").isTrue();
            assertThat(Files.readString(folder.resolve("janus.jcfg")))
                    .contains("ice_enforce_list = \"" + janus.mediaAddress() + "\"")
                    .contains("libjanus_echotest.so")
                    .doesNotContain("stun_server");
            assertThat(janus.mediaAddress()).doesNotStartWith("127.");

            HttpResponse<String> info = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(janus.httpUri() + "/info")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.body()).as("Janus /info").contains("janus.plugin.videoroom")
                    .doesNotContain("janus.plugin.echotest");

            await("Janus writes its log").atMost(Duration.ofSeconds(5))
                    .until(() -> janus.logTail(500).stream().anyMatch(line -> line.contains("Websockets server started")));
            assertThat(janus.logFile()).startsWith(folder);
        } finally {
            janus.close();
        }
        assertThat(janus.isAlive()).isFalse();
        await("janus pid " + pid + " is gone").atMost(STOPPED)
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(folder).doesNotExist();
        assertThat(accepts(ws.getPort())).as("WebSocket port after close").isFalse();
        assertThat(janus.logTail(10)).isEmpty();
    }

    @Test
    void aMissingBinaryNamesThePackageToInstall() {
        assertThat(JanusProcess.locateBinary("/nonexistent:/also/missing")).isEmpty();
        assertThatThrownBy(() -> JanusProcess.requireBinary("/nonexistent"))
                .isInstanceOf(JanusNotInstalledException.class)
                .hasMessageContaining("no 'janus' executable")
                .hasMessageContaining("apt-get install -y janus");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
