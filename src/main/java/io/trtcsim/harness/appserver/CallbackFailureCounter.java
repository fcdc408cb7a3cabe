package io.trtcsim.harness.appserver;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns the next N answers of the stub it is attached to into failures, then lets them through.
 *
 * <p>A counter rather than a WireMock scenario: WireMock matches a scenario state and moves it on in
 * two steps, so two callbacks arriving together (a retry racing the next event) could both see
 * "fail once". One atomic update here decides each request exactly once.
 */
final class CallbackFailureCounter implements ResponseTransformerV2 {

    static final String NAME = "callback-failure-counter";

    private record Pending(int remaining, int status) {
    }

    private final AtomicReference<Pending> pending = new AtomicReference<>(new Pending(0, 200));

    /** Replaces whatever was pending: the next {@code count} requests get {@code status}. */
    void failNext(int count, int status) {
        pending.set(new Pending(count, status));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Pending before = pending.getAndUpdate(p -> p.remaining() > 0 ? new Pending(p.remaining() - 1, p.status()) : p);
        if (before.remaining() == 0) {
            return response;
        }
        return Response.Builder.like(response).but()
                .status(before.status())
                .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
                .body("{\"code\":-1,\"message\":\"callback refused by the test harness (HTTP " + before.status() + ")\"}")
                .build();
    }
}
