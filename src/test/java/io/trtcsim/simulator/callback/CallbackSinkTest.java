package io.trtcsim.simulator.callback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.RoomId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackSinkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String PATH = "/callback";
    private static final long WITH_KEY = 1400000001L;
    private static final long WITHOUT_KEY = 1400000002L;
    private static final Map<Long, String> CALLBACK_KEYS = Map.of(WITH_KEY, "key-1");

    private final CallbackSigner signer = new CallbackSigner();
    private WireMockServer appServer;
    private CallbackSink sink;
    private CallbackDispatcher dispatcher;

    @BeforeEach
    void startAppServer() {
        appServer = new WireMockServer(options().dynamicPort());
        appServer.start();
        appServer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"code\":0}")));
        dispatcher = new CallbackDispatcher(URI.create(appServer.baseUrl() + PATH), CallbackPolicy.documented(),
                Clock.systemUTC());
        sink = CallbackSink.to(dispatcher, sdkAppId -> Optional.ofNullable(CALLBACK_KEYS.get(sdkAppId)));
    }

    @AfterEach
    void stopInReverseOrder() {
        sink.close();
        appServer.stop();
    }

    @Test
    void signsWithTheKeyOfTheCallbacksApp() {
        sink.publish(enter(WITH_KEY, "alice"));

        await("alice's enter room callback").atMost(PATIENCE).until(() -> received().size() == 1);
        LoggedRequest request = received().get(0);
        assertThat(request.getHeader("SdkAppId")).isEqualTo(Long.toString(WITH_KEY));
        assertThat(signer.verify("key-1", request.getBodyAsString(), request.getHeader("Sign"))).isTrue();
    }

    @Test
    void skipsAnAppWithoutCallbackKey() {
        sink.publish(enter(WITHOUT_KEY, "bob"));
        sink.publish(enter(WITH_KEY, "alice"));

        // Delivery is in order: had bob's callback been sent, it would have arrived first.
        await("alice's callback").atMost(PATIENCE).until(() -> dispatcher.delivered() == 1);
        assertThat(received()).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("\"UserId\":\"alice\""));
    }

    @Test
    void closingTheSinkClosesItsDispatcher() {
        sink.close();

        sink.publish(enter(WITH_KEY, "alice"));

        await("nothing sent after close").during(Duration.ofMillis(500)).atMost(PATIENCE)
                .until(() -> received().isEmpty());
    }

    @Test
    void noneDropsEverything() {
        CallbackSink.NONE.publish(enter(WITH_KEY, "alice"));
        CallbackSink.NONE.close();

        assertThat(received()).isEmpty();
    }

    private static RoomCallback enter(long sdkAppId, String userId) {
        return new RoomCallback(sdkAppId, CallbackEvent.ENTER_ROOM, RoomId.numeric(42), userId, RoomCallback.ROLE_ANCHOR, null,
                System.currentTimeMillis());
    }

    private List<LoggedRequest> received() {
        return appServer.findAll(postRequestedFor(urlEqualTo(PATH)));
    }
}
