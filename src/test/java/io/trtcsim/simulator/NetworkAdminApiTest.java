package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The network conditions over HTTP: what is set is in force and read back; bad input is a 400 that says why. */
class NetworkAdminApiTest {

    private static final AppKey APP = new AppKey(1400000001L, "5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a");
    private static final ParticipantId BOB = new ParticipantId(APP.sdkAppId(), "bob");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SimulatorServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSimulator() {
        server = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.of(APP)));
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
    }

    @AfterEach
    void liftAll() {
        server.network().clearAll();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    @Test
    void conditionsPutAreInForceReadBackAndLifted() throws Exception {
        Answer put = call("PUT", "/network/1400000001/bob",
                "{\"uplink\":{\"lossPercent\":5,\"averageBurstLossLength\":3},"
                        + "\"downlink\":{\"delayMs\":120,\"jitterMs\":10,\"capacityKbps\":500,\"queuePackets\":20}}");

        assertThat(put.status()).isEqualTo(200);
        NetworkConditions expected = new NetworkConditions(LinkConditions.NONE.withLoss(5, 3),
                LinkConditions.NONE.withDelay(Duration.ofMillis(120)).withJitter(Duration.ofMillis(10), false).withCapacity(500, 20));
        assertThat(server.network().conditions(BOB)).isEqualTo(expected);
        Answer get = call("GET", "/network/1400000001/bob", null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body().path("downlink").path("delayMs").asLong()).isEqualTo(120);
        assertThat(get.body().path("uplink").path("averageBurstLossLength").asDouble()).isEqualTo(3.0);
        assertThat(call("GET", "/network", null).body().path("participants")).hasSize(1);

        assertThat(call("DELETE", "/network/1400000001/bob", null).status()).isEqualTo(200);
        assertThat(server.network().conditions(BOB)).isEqualTo(NetworkConditions.NONE);
    }

    @Test
    void aMissingDirectionIsUntouchedAndDeleteAllLiftsEveryone() throws Exception {
        assertThat(call("PUT", "/network/1400000001/bob", "{\"uplink\":{\"down\":true}}").status()).isEqualTo(200);
        assertThat(call("PUT", "/network/1400000001/carol", "{}").status()).isEqualTo(200);
        assertThat(server.network().conditions(BOB).downlink()).isEqualTo(LinkConditions.NONE);
        assertThat(server.network().conditions(BOB).uplink().down()).isTrue();

        assertThat(call("DELETE", "/network", null).status()).isEqualTo(200);
        assertThat(server.network().inForce()).isEmpty();
    }

    @Test
    void aStreamLossIsSetReadAndLifted() throws Exception {
        Answer put = call("PUT", "/network/1400000001/bob/streams/alice_main", "{\"lossPercent\":20}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(server.network().streamLoss(BOB, "alice_main").percent()).isEqualTo(20.0);
        assertThat(call("GET", "/network/1400000001/bob/streams/alice_main", null).body().path("lossPercent").asDouble())
                .isEqualTo(20.0);
        assertThat(call("DELETE", "/network/1400000001/bob/streams/alice_main", null).status()).isEqualTo(200);
        assertThat(server.network().streamLoss(BOB, "alice_main").percent()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/network/1400000001/bob | {\"uplink\":{\"lossPercent\":120}} | 120",
        "/network/1400000001/bob | {\"downlink\":{\"delayMs\":-5}} | -5",
        "/network/1400000001/bob | {\"downlink\":{\"latency\":5}} | latency",
        "/network/1400000001/bob | {\"downlink\":{\"delayMs\":\"100\"}} | delayMs",
        "/network/1400000001/bob | {\"downlink\":{\"down\":1}} | down",
        "/network/1400000001/bob | {\"sideways\":{}} | sideways",
        "/network/1400000001/bob | {\"uplink\":[1,2]} | uplink",
        "/network/1400000001/bob | not json | JSON",
        "/network/1400000001/bob | [] | JSON object",
        "/network/1400000001/bob | null | JSON object",
        "/network/1400000001/bob | {\"uplink\":{\"queuePackets\":0}} | 0",
        "/network/1400000001/bob | {\"uplink\":{\"averageBurstLossLength\":0.5}} | 0.5",
        "/network/42/bob | {} | 42",
        "/network/app/bob | {} | app",
        "/network/1400000001/bob/streams/alice_main | {\"lossPercent\":120} | 120",
        "/network/1400000001/bob/streams/alice_main | {\"lossPercent\":\"20\"} | 20",
        "/network/1400000001/bob/streams/alice_main | {\"loss\":20} | loss",
    })
    void badInputIsRefusedWith400NamingTheValue(String path, String body, String named) throws Exception {
        Answer answer = call("PUT", path, body);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).contains(named);
        assertThat(server.network().inForce()).as("nothing set by a refused request").isEmpty();
        assertThat(call("GET", "/network", null).status()).as("the server still answers").isEqualTo(200);
    }
}
