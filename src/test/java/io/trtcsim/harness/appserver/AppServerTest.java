package io.trtcsim.harness.appserver;

import static io.trtcsim.harness.appserver.ReceivedCallbackTest.CALLBACK_KEY_APP_1;
import static io.trtcsim.harness.appserver.ReceivedCallbackTest.CALLBACK_KEY_APP_2;
import static io.trtcsim.harness.appserver.ReceivedCallbackTest.ENTER_ROOM;
import static io.trtcsim.harness.appserver.ReceivedCallbackTest.ENTER_ROOM_SIGN_APP_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.AppKeyStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppServerTest {

    private static final AppKeyStore KEYS = AppKeyStore.load(Path.of("fixtures", "apps.json"));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private AppServer appServer;

    @BeforeEach
    void start() {
        appServer = AppServer.start(KEYS);
    }

    @AfterEach
    void stop() {
        appServer.close();
    }

    @Test
    void listensOnLoopbackWithTheDocumentedPaths() {
        assertThat(appServer.baseUri().getScheme()).isEqualTo("http");
        assertThat(appServer.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(appServer.baseUri().getPort()).isPositive();
        assertThat(appServer.callbackUri()).isEqualTo(appServer.baseUri().resolve("/trtc/callback"));
        assertThat(appServer.userSigUri()).isEqualTo(appServer.baseUri().resolve("/usersig"));
    }

    @Test
    void recordsAndParsesACallback() throws Exception {
        HttpResponse<String> answer = postCallback(ENTER_ROOM, ENTER_ROOM_SIGN_APP_1, "1400000001");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"code\":0}");
        assertThat(appServer.callbacks()).singleElement().satisfies(callback -> {
            assertThat(callback.eventType()).isEqualTo(103);
            assertThat(callback.roomId()).contains(RoomId.numeric(1234));
            assertThat(callback.userId()).isEqualTo("alice");
            assertThat(callback.sign()).isEqualTo(ENTER_ROOM_SIGN_APP_1);
            assertThat(callback.sdkAppId()).isEqualTo("1400000001");
            assertThat(callback.rawBody()).isEqualTo(ENTER_ROOM);
            assertThat(callback.signedWith(CALLBACK_KEY_APP_1)).isTrue();
            assertThat(callback.signedWith(CALLBACK_KEY_APP_2)).isFalse();
        });
    }

    @Test
    void listsCallbacksOldestFirstAndNothingElse() throws Exception {
        postCallback(body(103, "alice"), null, null);
        http.send(HttpRequest.newBuilder(appServer.userSigUri().resolve("/usersig?sdkAppId=1400000001&userId=x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        postCallback(body(201, "alice"), null, null);
        postCallback("not json", null, null);

        assertThat(appServer.callbacks()).extracting(ReceivedCallback::eventType)
                .containsExactly(103, 201, ReceivedCallback.UNKNOWN);
        assertThat(appServer.callbacks().get(2).rawBody()).isEqualTo("not json");
        assertThat(appServer.callbacks().get(0).sign()).isNull();
        assertThat(appServer.callbackCount()).as("callbacks counted, the UserSig request left out").isEqualTo(3);
    }

    @Test
    void failsExactlyTheNextCallbacks() throws Exception {
        appServer.failNextCallbacks(1, 500);

        assertThat(postCallback(body(103, "alice"), null, null).statusCode()).isEqualTo(500);
        assertThat(postCallback(body(103, "alice"), null, null).statusCode()).isEqualTo(200);
        assertThat(postCallback(body(201, "alice"), null, null).body()).isEqualTo("{\"code\":0}");
        assertThat(appServer.callbacks()).hasSize(3);
    }

    @Test
    void failuresAreCountedExactlyUnderConcurrency() {
        appServer.failNextCallbacks(3, 503);

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 12)
                .mapToObj(i -> http.sendAsync(callbackRequest(body(103, "user" + i), null, null),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(answers).extracting(a -> a.join().statusCode())
                .filteredOn(status -> status == 503).hasSize(3);
        assertThat(answers).extracting(a -> a.join().statusCode())
                .filteredOn(status -> status == 200).hasSize(9);
    }

    @Test
    void aLaterCallReplacesPendingFailures() throws Exception {
        appServer.failNextCallbacks(5, 500);
        appServer.failNextCallbacks(1, 404);

        assertThat(postCallback(body(103, "alice"), null, null).statusCode()).isEqualTo(404);
        assertThat(postCallback(body(103, "alice"), null, null).statusCode()).isEqualTo(200);

        appServer.failNextCallbacks(2, 500);
        appServer.failNextCallbacks(0, 500);
        assertThat(postCallback(body(103, "alice"), null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesNonsensicalFailures() {
        assertThatThrownBy(() -> appServer.failNextCallbacks(-1, 500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> appServer.failNextCallbacks(1, 5000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpStatus");
    }

    @Test
    void closeReleasesThePortAndIsIdempotent() throws IOException {
        int port = appServer.baseUri().getPort();

        appServer.close();
        assertThatCode(appServer::close).doesNotThrowAnyException();

        assertThatThrownBy(() -> postCallback(ENTER_ROOM, null, null)).isInstanceOf(IOException.class);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThatThrownBy(() -> appServer.failNextCallbacks(1, 500)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aRootThatIsAFileIsRefused(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("app-server"), "not a folder");
        assertThatThrownBy(() -> AppServer.start(file, KEYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder");
    }

    @Test
    void withoutStubFilesTheBuiltInStubsAnswerCallbacksAndUserSigs(@TempDir Path empty) throws Exception {
        try (AppServer bare = AppServer.start(empty.resolve("nothing-here"), KEYS)) {
            HttpResponse<String> callback = http.send(HttpRequest.newBuilder(bare.callbackUri())
                    .POST(HttpRequest.BodyPublishers.ofString(ENTER_ROOM)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(callback.statusCode()).isEqualTo(200);
            assertThat(callback.body()).isEqualTo("{\"code\":0}");
            String userSig = new UserSigClient(Duration.ofSeconds(2)).fetch(bare.userSigUri(), 1400000001L, "alice");
            assertThat(userSig).isNotBlank();
        }
    }

    private HttpResponse<String> postCallback(String body, String sign, String sdkAppId)
            throws IOException, InterruptedException {
        return http.send(callbackRequest(body, sign, sdkAppId), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest callbackRequest(String body, String sign, String sdkAppId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(appServer.callbackUri()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sign != null) {
            request.header("Sign", sign);
        }
        if (sdkAppId != null) {
            request.header("SdkAppId", sdkAppId);
        }
        return request.build();
    }

    private static String body(int eventType, String userId) {
        return "{\"EventGroupId\":" + (eventType / 100) + ",\"EventType\":" + eventType + ",\"CallbackTs\":1700000000123,"
                + "\"EventInfo\":{\"RoomId\":1234,\"UserId\":\"" + userId + "\"}}";
    }
}
