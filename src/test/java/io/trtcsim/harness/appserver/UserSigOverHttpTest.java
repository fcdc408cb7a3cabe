package io.trtcsim.harness.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trtcsim.harness.appserver.UserSigUnavailableException.Reason;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigVerifier;
import io.trtcsim.usersig.VerifiedUserSig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UserSig endpoint of the app server, through the client a participant uses, over real HTTP. */
class UserSigOverHttpTest {

    private static final AppKeyStore KEYS = AppKeyStore.load(Path.of("fixtures", "apps.json"));
    private static final long APP = 1400000001L;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_CLIENT_TIMEOUT = Duration.ofMillis(500);

    private final UserSigClient client = new UserSigClient(CLIENT_TIMEOUT);
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
    void theUserSigFetchedVerifiesForThatAppAndUser() {
        String userSig = client.fetch(appServer.userSigUri(), APP, "alice");

        VerifiedUserSig verified = new UserSigVerifier(KEYS, Clock.systemUTC()).verify(userSig, APP, "alice");

        assertThat(verified.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void eachAppSignsWithItsOwnKey() {
        String userSig = client.fetch(appServer.userSigUri(), 1400000002L, "bob_2-x");

        new UserSigVerifier(KEYS, Clock.systemUTC()).verify(userSig, 1400000002L, "bob_2-x");
    }

    @Test
    void answersWithTheDocumentedJson() throws Exception {
        HttpResponse<String> answer = get("/usersig?sdkAppId=1400000001&userId=alice");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).startsWith("{\"sdkAppId\":1400000001,\"userId\":\"alice\",\"userSig\":\"");
    }

    @Test
    void anUnknownAppIsABadRequestThatSaysSo() throws Exception {
        HttpResponse<String> answer = get("/usersig?sdkAppId=1400009999&userId=alice");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"sdkAppId 1400009999 is unknown to this app server\"}");

        UserSigUnavailableException failure = catchThrowableOfType(UserSigUnavailableException.class,
                () -> client.fetch(appServer.userSigUri(), 1400009999L, "alice"));
        assertThat(failure.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(failure).hasMessage("app server " + appServer.userSigUri()
                + "?sdkAppId=1400009999&userId=alice answered HTTP 400: "
                + "{\"error\":\"sdkAppId 1400009999 is unknown to this app server\"}");
    }

    @Test
    void badRequestsNameEverythingThatIsWrong() throws Exception {
        assertThat(get("/usersig?sdkAppId=1400000001").body()).isEqualTo("{\"error\":\"userId is missing\"}");
        assertThat(get("/usersig?sdkAppId=1400000001&userId=").body()).isEqualTo("{\"error\":\"userId is empty\"}");
        assertThat(get("/usersig?sdkAppId=abc&userId=alice").body())
                .isEqualTo("{\"error\":\"sdkAppId 'abc' is not a number\"}");
        assertThat(get("/usersig").body()).isEqualTo("{\"error\":\"sdkAppId is missing; userId is missing\"}");
        assertThat(get("/usersig?sdkAppId=1400000001&userId=a&userId=b").body())
                .isEqualTo("{\"error\":\"userId is given 2 times\"}");
        assertThat(get("/usersig?userId=alice").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyUserIdThroughTheClientIsRefusedByTheServer() {
        assertThatThrownBy(() -> client.fetch(appServer.userSigUri(), APP, ""))
                .isInstanceOf(UserSigUnavailableException.class)
                .hasMessageContaining("answered HTTP 400")
                .hasMessageContaining("userId is empty");
    }

    @Test
    void serverErrorIsReportedWithItsStatusAndBody() {
        appServer.failUserSigRequests(AppServerFault.SERVER_ERROR);

        UserSigUnavailableException failure = catchThrowableOfType(UserSigUnavailableException.class,
                () -> client.fetch(appServer.userSigUri(), APP, "alice"));

        assertThat(failure.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(failure).hasMessageStartingWith("app server " + appServer.userSigUri()
                + "?sdkAppId=1400000001&userId=alice answered HTTP 500: {\"error\":\"internal server error");
    }

    @Test
    void aSlowServerTimesOutAtTheClientsTimeout() {
        appServer.failUserSigRequests(AppServerFault.SLOW);
        UserSigClient impatient = new UserSigClient(SHORT_CLIENT_TIMEOUT);

        long started = System.nanoTime();
        UserSigUnavailableException failure = catchThrowableOfType(UserSigUnavailableException.class,
                () -> impatient.fetch(appServer.userSigUri(), APP, "alice"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure).hasMessage("app server " + appServer.userSigUri()
                + "?sdkAppId=1400000001&userId=alice did not answer within 500 ms");
        assertThat(waited).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void closeDoesNotWaitForASlowAnswerNobodyAwaits() {
        appServer.failUserSigRequests(AppServerFault.SLOW);
        assertThatThrownBy(() -> new UserSigClient(SHORT_CLIENT_TIMEOUT).fetch(appServer.userSigUri(), APP, "alice"))
                .isInstanceOf(UserSigUnavailableException.class);

        long started = System.nanoTime();
        appServer.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void aSlowServerStillAnswersAPatientClient() {
        appServer.failUserSigRequests(AppServerFault.SLOW);

        long started = System.nanoTime();
        String userSig = client.fetch(appServer.userSigUri(), APP, "alice");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        new UserSigVerifier(KEYS, Clock.systemUTC()).verify(userSig, APP, "alice");
        assertThat(waited).isGreaterThanOrEqualTo(AppServerFault.SLOW_RESPONSE_DELAY);
    }

    @Test
    void aResetConnectionIsReportedAsSuch() {
        appServer.failUserSigRequests(AppServerFault.CONNECTION_RESET);

        UserSigUnavailableException failure = catchThrowableOfType(UserSigUnavailableException.class,
                () -> client.fetch(appServer.userSigUri(), APP, "alice"));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_RESET);
        assertThat(failure).hasMessage("connection to app server " + appServer.userSigUri()
                + "?sdkAppId=1400000001&userId=alice was reset");
    }

    @Test
    void restoringMakesItWorkAgain() {
        appServer.failUserSigRequests(AppServerFault.CONNECTION_RESET);
        appServer.failUserSigRequests(AppServerFault.SERVER_ERROR);
        assertThatThrownBy(() -> client.fetch(appServer.userSigUri(), APP, "alice"))
                .hasMessageContaining("answered HTTP 500");

        appServer.restoreUserSigRequests();

        String userSig = client.fetch(appServer.userSigUri(), APP, "alice");
        new UserSigVerifier(KEYS, Clock.systemUTC()).verify(userSig, APP, "alice");
    }

    @Test
    void aClosedAppServerCannotBeReached() {
        URI userSigUri = appServer.userSigUri();
        appServer.close();

        UserSigUnavailableException failure = catchThrowableOfType(UserSigUnavailableException.class,
                () -> client.fetch(userSigUri, APP, "alice"));

        assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure).hasMessageStartingWith("cannot reach app server " + userSigUri
                + "?sdkAppId=1400000001&userId=alice: ");
        assertThat(failure.getMessage()).containsIgnoringCase("refused");
    }

    @Test
    void anAnswerWithoutUserSigIsReportedWithItsBody(@TempDir Path root) throws IOException {
        writeUserSigStub(root, """
                {"status": 200, "body": "{\\"sig\\":\\"abc\\"}"}""");
        try (AppServer broken = AppServer.start(root, KEYS)) {
            assertThatThrownBy(() -> client.fetch(broken.userSigUri(), APP, "alice"))
                    .isInstanceOf(UserSigUnavailableException.class)
                    .hasMessage("app server " + broken.userSigUri()
                            + "?sdkAppId=1400000001&userId=alice answered without a userSig: {\"sig\":\"abc\"}")
                    .extracting(e -> ((UserSigUnavailableException) e).reason()).isEqualTo(Reason.NO_USERSIG);
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerIsReportedAsSuch(@TempDir Path root) throws IOException {
        writeUserSigStub(root, """
                {"fault": "EMPTY_RESPONSE"}""");
        try (AppServer broken = AppServer.start(root, KEYS)) {
            assertThatThrownBy(() -> client.fetch(broken.userSigUri(), APP, "alice"))
                    .isInstanceOf(UserSigUnavailableException.class)
                    .hasMessage("app server " + broken.userSigUri()
                            + "?sdkAppId=1400000001&userId=alice closed the connection without answering");
        }
    }

    @Test
    void userIdsAreSentEncoded() {
        String userSig = client.fetch(appServer.userSigUri(), APP, "a b+c&d");

        new UserSigVerifier(KEYS, Clock.systemUTC()).verify(userSig, APP, "a b+c&d");
    }

    @Test
    void aFaultCannotBeInjectedIntoAClosedServer() {
        appServer.close();

        assertThatThrownBy(() -> appServer.failUserSigRequests(AppServerFault.SLOW))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void writeUserSigStub(Path root, String response) throws IOException {
        Files.createDirectories(root.resolve("mappings"));
        Files.writeString(root.resolve("mappings").resolve("usersig.json"),
                "{\"request\": {\"method\": \"GET\", \"urlPath\": \"/usersig\"}, \"response\": " + response + "}");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(appServer.baseUri().resolve(pathAndQuery)).timeout(CLIENT_TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
