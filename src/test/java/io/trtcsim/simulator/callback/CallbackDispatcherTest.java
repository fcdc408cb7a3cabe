package io.trtcsim.simulator.callback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.RoomId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server (WireMock) standing in for the app server. */
class CallbackDispatcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration QUIET_SPELL = Duration.ofMillis(800);
    private static final String PATH = "/trtc/callback";
    private static final String KEY = "callback-key-of-1400000001";
    private static final long APP = 1400000001L;
    private static final long EVENT_MILLIS = 1_700_000_123_456L;
    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_124_000L);

    /** Retries quickly: 200 ms timeout, 1 immediate retry, then every 100 ms for 500 ms: 7 attempts. */
    private static final CallbackPolicy QUICK = new CallbackPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(100),
            Duration.ofMillis(500));

    private final ObjectMapper json = new ObjectMapper();
    private final CallbackSigner signer = new CallbackSigner();
    private WireMockServer appServer;
    private CallbackDispatcher dispatcher;

    @BeforeEach
    void startAppServer() {
        appServer = new WireMockServer(options().dynamicPort());
        appServer.start();
    }

    @AfterEach
    void stopInReverseOrder() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        appServer.stop();
    }

    @Test
    void bodyCarriesTheDocumentedFields() throws Exception {
        answerEveryone(ok());
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "kicked"), KEY);

        await("the exit room callback").atMost(PATIENCE).until(() -> received().size() == 1);
        JsonNode body = json.readTree(received().get(0).getBodyAsString());
        assertThat(fieldNames(body)).containsExactly("EventGroupId", "EventType", "CallbackTs", "EventInfo");
        assertThat(body.get("EventGroupId").asInt()).isEqualTo(1);
        assertThat(body.get("EventType").asInt()).isEqualTo(104);
        assertThat(body.get("CallbackTs").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode info = body.get("EventInfo");
        assertThat(fieldNames(info)).containsExactly("RoomId", "EventTs", "EventMsTs", "UserId", "UniqueId", "Role",
                "TerminalType", "UserType", "Reason");
        assertThat(info.get("RoomId").asLong()).isEqualTo(1234);
        assertThat(info.get("EventTs").asLong()).isEqualTo(1_700_000_123L);
        assertThat(info.get("EventMsTs").asLong()).isEqualTo(EVENT_MILLIS);
        assertThat(info.get("UserId").asText()).isEqualTo("alice");
        assertThat(info.get("UniqueId").isIntegralNumber()).isTrue();
        assertThat(info.get("Role").asInt()).isEqualTo(21);
        assertThat(info.get("TerminalType").asInt()).isEqualTo(1);
        assertThat(info.get("UserType").asInt()).isEqualTo(3);
        assertThat(info.get("Reason").asInt()).isEqualTo(RoomCallback.REASON_KICKED);
    }

    @Test
    void headersCarryContentTypeSdkAppIdAndAVerifiableSign() {
        answerEveryone(ok());
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("zoë", "left"), KEY);

        await("the signed callback").atMost(PATIENCE).until(() -> received().size() == 1);
        LoggedRequest request = received().get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("SdkAppId")).isEqualTo(Long.toString(APP));
        String sign = request.getHeader("Sign");
        assertThat(signer.verify(KEY, request.getBodyAsString(), sign)).isTrue();
        assertThat(signer.verify("another key", request.getBodyAsString(), sign)).isFalse();
    }

    @Test
    void http500IsRetriedAtOnceThenSucceeds() throws Exception {
        answerInTurn(aResponse().withStatus(500), ok());
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("delivery on the immediate retry").atMost(PATIENCE).until(() -> dispatcher.delivered() == 1);
        assertThat(received()).hasSize(2);
        assertThat(dispatcher.failedAttempts()).isEqualTo(1);
        assertThat(dispatcher.abandoned()).isZero();
        assertThat(uniqueIdOf(received().get(0))).isEqualTo(uniqueIdOf(received().get(1)));
        for (LoggedRequest attempt : received()) {
            assertThat(signer.verify(KEY, attempt.getBodyAsString(), attempt.getHeader("Sign"))).isTrue();
        }
    }

    @Test
    void connectionResetIsRetried() {
        answerInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok());
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("delivery after a connection reset").atMost(PATIENCE).until(() -> dispatcher.delivered() == 1);
        assertThat(dispatcher.failedAttempts()).isEqualTo(1);
        assertThat(received()).hasSize(2);
    }

    @Test
    void answerSlowerThanTheTimeoutIsAFailureAndRetried() {
        answerInTurn(ok().withFixedDelay((int) QUICK.timeout().multipliedBy(4).toMillis()), ok());
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("delivery after a timed-out attempt").atMost(PATIENCE).until(() -> dispatcher.delivered() == 1);
        assertThat(dispatcher.failedAttempts()).isEqualTo(1);
        assertThat(received()).hasSize(2);
    }

    @Test
    void permanentlyFailingServerLeadsToAbandonmentAfterThePolicysAttempts() {
        answerEveryone(aResponse().withStatus(503));
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("abandonment").atMost(PATIENCE).until(() -> dispatcher.abandoned() == 1);
        assertThat(QUICK.maxAttempts()).isEqualTo(7);
        assertThat(received()).hasSize(QUICK.maxAttempts());
        assertThat(dispatcher.failedAttempts()).isEqualTo(QUICK.maxAttempts());
        assertThat(dispatcher.delivered()).isZero();
        await("no attempt after abandonment").during(QUIET_SPELL).atMost(PATIENCE)
                .until(() -> received().size() == QUICK.maxAttempts());
    }

    @Test
    void unreachableServerIsAbandonedToo() {
        answerEveryone(ok());
        URI closedPort = URI.create(appServer.baseUrl() + PATH);
        appServer.stop();
        dispatcher = new CallbackDispatcher(closedPort, QUICK, Clock.fixed(NOW, ZoneOffset.UTC));

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("abandonment of an unreachable app server").atMost(PATIENCE).until(() -> dispatcher.abandoned() == 1);
        assertThat(dispatcher.failedAttempts()).isEqualTo(QUICK.maxAttempts());
    }

    @Test
    void healthyServerReceivesCallbacksInDispatchOrder() {
        answerEveryone(ok());
        dispatcher = dispatcher(QUICK);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add("user-" + i);
        }

        users.forEach(user -> dispatcher.dispatch(exit(user, "left"), KEY));

        await("all callbacks").atMost(PATIENCE).until(() -> dispatcher.delivered() == users.size());
        assertThat(received()).extracting(this::userIdOf).containsExactlyElementsOf(users);
        assertThat(received()).extracting(this::uniqueIdOf).doesNotHaveDuplicates();
    }

    @Test
    void laterCallbacksAreSentWhileAnEarlierOneWaitsForItsSpacedRetries() {
        CallbackPolicy patient = new CallbackPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(300),
                Duration.ofMillis(600));
        appServer.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"UserId\":\"alice\""))
                .inScenario("alice").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second failure"));
        appServer.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"UserId\":\"alice\""))
                .inScenario("alice").whenScenarioStateIs("second failure")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        answerEveryone(ok());
        dispatcher = dispatcher(patient);

        dispatcher.dispatch(exit("alice", "left"), KEY);
        dispatcher.dispatch(exit("bob", "left"), KEY);

        await("both delivered").atMost(PATIENCE).until(() -> dispatcher.delivered() == 2);
        assertThat(received()).extracting(this::userIdOf).containsExactly("alice", "alice", "bob", "alice");
    }

    @Test
    void appAnswerOtherThanCodeZeroStillCountsAsDelivered() {
        answerEveryone(ok().withBody("{\"code\":1,\"message\":\"not today\"}"));
        dispatcher = dispatcher(QUICK);

        dispatcher.dispatch(exit("alice", "left"), KEY);

        await("delivery").atMost(PATIENCE).until(() -> dispatcher.delivered() == 1);
        assertThat(dispatcher.failedAttempts()).isZero();
        assertThat(received()).hasSize(1);
    }

    @Test
    void dispatchDoesNotWaitForTheAppServer() {
        answerEveryone(ok().withFixedDelay(700));
        dispatcher = dispatcher(new CallbackPolicy(Duration.ofSeconds(3), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(3)));

        dispatcher.dispatch(exit("alice", "left"), KEY);
        dispatcher.dispatch(exit("bob", "left"), KEY);

        assertThat(dispatcher.delivered()).as("delivered when dispatch returned").isZero();
        await("both slow deliveries").atMost(PATIENCE).until(() -> dispatcher.delivered() == 2);
    }

    @Test
    void closeCancelsPendingRetriesAndLeavesNoThreadBehind() throws Exception {
        // Jetty starts some threads of its own on the first connection; they must not count.
        appServerHasServedARequest();
        Set<Thread> before = liveNonDaemonThreads();
        answerEveryone(aResponse().withStatus(500));
        dispatcher = dispatcher(new CallbackPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(400),
                Duration.ofSeconds(4)));
        dispatcher.dispatch(exit("alice", "left"), KEY);
        await("the first attempt and its immediate retry").atMost(PATIENCE)
                .until(() -> dispatcher.failedAttempts() == 2);
        assertThat(callbackThreads()).isNotEmpty();

        dispatcher.close();
        dispatcher.close();

        assertThat(callbackThreads()).as("dispatcher threads alive after close").isEmpty();
        Set<Thread> after = liveNonDaemonThreads();
        after.removeAll(before);
        assertThat(after).as("non-daemon threads started since the dispatcher was made").isEmpty();
        await("no spaced retry after close").during(QUIET_SPELL).atMost(PATIENCE)
                .until(() -> received().size() == 2);
        assertThat(dispatcher.abandoned()).isZero();

        dispatcher.dispatch(exit("bob", "left"), KEY);
        await("nothing sent after close").during(QUIET_SPELL).atMost(PATIENCE).until(() -> received().size() == 2);
    }

    @Test
    void refusesAUrlItCannotPostTo() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackDispatcher(URI.create("ftp://example.com/cb"), QUICK, Clock.systemUTC()))
                .withMessageContaining("absolute http(s) URL");
    }

    private CallbackDispatcher dispatcher(CallbackPolicy policy) {
        return new CallbackDispatcher(URI.create(appServer.baseUrl() + PATH), policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RoomCallback exit(String userId, String reason) {
        return new RoomCallback(APP, CallbackEvent.EXIT_ROOM, RoomId.numeric(1234), userId, RoomCallback.ROLE_AUDIENCE, reason,
                EVENT_MILLIS);
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"code\":0}");
    }

    private void answerEveryone(ResponseDefinitionBuilder response) {
        appServer.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(response));
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    private void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        appServer.stubFor(post(urlEqualTo(PATH)).inScenario("in turn").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered once"));
        appServer.stubFor(post(urlEqualTo(PATH)).inScenario("in turn").whenScenarioStateIs("answered once")
                .willReturn(then));
    }

    /** Requests in the order they arrived. */
    private List<LoggedRequest> received() {
        return appServer.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    private String userIdOf(LoggedRequest request) {
        return eventInfo(request).get("UserId").asText();
    }

    private long uniqueIdOf(LoggedRequest request) {
        return eventInfo(request).get("UniqueId").asLong();
    }

    private JsonNode eventInfo(LoggedRequest request) {
        try {
            return json.readTree(request.getBodyAsString()).get("EventInfo");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private void appServerHasServedARequest() throws java.io.IOException {
        java.net.HttpURLConnection health = (java.net.HttpURLConnection) URI.create(
                appServer.baseUrl() + "/__admin/health").toURL().openConnection();
        try {
            assertThat(health.getResponseCode()).isEqualTo(200);
        } finally {
            health.disconnect();
        }
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> callbackThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("trtc-callback-")).collect(Collectors.toList());
    }
}
