package io.trtcsim.harness.appserver;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app backend's UserSig endpoint: {@code GET /usersig?sdkAppId=<n>&userId=<id>} answers
 * {@code 200 {"sdkAppId":n,"userId":"id","userSig":"..."}}, signed with that app's secret key, or
 * {@code 400 {"error":"..."}} naming everything wrong with the request.
 *
 * <p>Attached to a stub with {@code "transformers": ["usersig"]}; it replaces status, headers and body
 * but keeps the stub's delay and fault, so an injected slowness still applies.
 */
public final class UserSigResponder implements ResponseTransformerV2 {

    public static final String NAME = "usersig";
    /** What a typical app backend issues; long enough that no scenario sees one expire by accident. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private static final HttpHeaders JSON_HEADERS = new HttpHeaders(new HttpHeader("Content-Type", "application/json"));

    private final AppKeyStore keys;
    private final Duration validity;
    private final JsonMapper json = JsonMapper.builder().build();

    public UserSigResponder(AppKeyStore keys) {
        this(keys, DEFAULT_VALIDITY);
    }

    public UserSigResponder(AppKeyStore keys, Duration validity) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (validity.isNegative()) {
            throw new IllegalArgumentException("validity must not be negative, got " + validity);
        }
        this.validity = validity;
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
        Request request = serveEvent.getRequest();
        List<String> problems = new ArrayList<>();
        Optional<AppKey> app = app(request, problems);
        Optional<String> userId = single(request, "userId", problems);
        if (userId.filter(String::isEmpty).isPresent()) {
            problems.add("userId is empty");
        }
        if (!problems.isEmpty()) {
            return answer(response, 400, error(String.join("; ", problems)));
        }
        String userSig;
        try {
            userSig = new UserSigGenerator(app.orElseThrow()).genUserSig(userId.orElseThrow(), validity);
        } catch (RuntimeException e) {
            return answer(response, 500, error("could not sign a UserSig: " + e.getMessage()));
        }
        ObjectNode body = json.createObjectNode()
                .put("sdkAppId", app.get().sdkAppId())
                .put("userId", userId.get())
                .put("userSig", userSig);
        return answer(response, 200, body);
    }

    private Optional<AppKey> app(Request request, List<String> problems) {
        Optional<String> text = single(request, "sdkAppId", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long sdkAppId;
        try {
            sdkAppId = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            problems.add("sdkAppId '" + text.get() + "' is not a number");
            return Optional.empty();
        }
        Optional<AppKey> app = keys.find(sdkAppId);
        if (app.isEmpty()) {
            problems.add("sdkAppId " + sdkAppId + " is unknown to this app server");
        }
        return app;
    }

    private static Optional<String> single(Request request, String name, List<String> problems) {
        QueryParameter parameter = request.queryParameter(name);
        if (parameter == null || !parameter.isPresent()) {
            problems.add(name + " is missing");
            return Optional.empty();
        }
        if (!parameter.isSingleValued()) {
            problems.add(name + " is given " + parameter.values().size() + " times");
            return Optional.empty();
        }
        return Optional.of(parameter.firstValue());
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private static Response answer(Response template, int status, ObjectNode body) {
        return Response.Builder.like(template).but()
                .status(status)
                .headers(JSON_HEADERS)
                .body(body.toString())
                .build();
    }
}
