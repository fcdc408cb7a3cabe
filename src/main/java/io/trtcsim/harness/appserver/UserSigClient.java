package io.trtcsim.harness.appserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trtcsim.harness.appserver.UserSigUnavailableException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a participant uses to get its UserSig from the app server, as a web page asks its backend before
 * {@code TRTC.createClient}: {@code GET <userSigUri>?sdkAppId=<n>&userId=<id>}, answer
 * {@code {"userSig":"..."}}. Thread-safe; one instance can serve every participant.
 */
public final class UserSigClient {

    private static final int EXCERPT_LENGTH = 200;

    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param timeout for connecting, and again for the answer once connected */
    public UserSigClient(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        // HTTP/1.1 as a plain backend call; the default HTTP/2 upgrade attempt only adds noise to failures.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * @throws UserSigUnavailableException naming the URL and what went wrong
     */
    public String fetch(URI userSigUri, long sdkAppId, String userId) {
        Objects.requireNonNull(userSigUri, "userSigUri");
        Objects.requireNonNull(userId, "userId");
        URI url = withQuery(userSigUri, sdkAppId, userId);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw failure(Reason.UNREACHABLE, url, "cannot reach app server " + url + ": no connection within "
                    + timeout.toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw failure(Reason.TIMEOUT, url, "app server " + url + " did not answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (IOException e) {
            throw ioFailure(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Reason.INTERRUPTED, url, "interrupted while waiting for app server " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(Reason.HTTP_ERROR, url, "app server " + url + " answered HTTP " + response.statusCode()
                    + ": " + excerpt(response.body()), null);
        }
        return userSig(response.body()).orElseThrow(() -> failure(Reason.NO_USERSIG, url,
                "app server " + url + " answered without a userSig: " + excerpt(response.body()), null));
    }

    private Optional<String> userSig(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        JsonNode sig = root == null ? null : root.get("userSig");
        return sig != null && sig.isTextual() && !sig.textValue().isBlank()
                ? Optional.of(sig.textValue()) : Optional.empty();
    }

    private static UserSigUnavailableException ioFailure(URI url, IOException e) {
        if (causedBy(e, ConnectException.class)) {
            return failure(Reason.UNREACHABLE, url, "cannot reach app server " + url + ": " + words(url, e), e);
        }
        if (wasReset(e)) {
            return failure(Reason.CONNECTION_RESET, url, "connection to app server " + url + " was reset", e);
        }
        if (causedBy(e, EOFException.class)) {
            return failure(Reason.CONNECTION_CLOSED, url, "app server " + url
                    + " closed the connection without answering", e);
        }
        return failure(Reason.UNREACHABLE, url, "cannot reach app server " + url + ": " + words(url, e), e);
    }

    /** The JDK client wraps the reset in "header parser received no bytes"; the SocketException says what it was. */
    private static boolean wasReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost message, usually the one that says what happened; the JDK client often gives none
     * (a refused connection arrives as a bare ConnectException over a ClosedChannelException).
     */
    private static String words(URI url, Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message != null) {
            return message;
        }
        if (causedBy(e, UnresolvedAddressException.class)) {
            return "unknown host " + url.getHost();
        }
        if (causedBy(e, ConnectException.class)) {
            return "connection refused, nothing listens on " + url.getHost() + ":" + url.getPort();
        }
        return e.getClass().getSimpleName();
    }

    private static UserSigUnavailableException failure(Reason reason, URI url, String message, Throwable cause) {
        return new UserSigUnavailableException(reason, url, message, cause);
    }

    private static URI withQuery(URI base, long sdkAppId, String userId) {
        String query = "sdkAppId=" + sdkAppId + "&userId=" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        String text = base.toString();
        return URI.create(text + (base.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT_LENGTH ? line : line.substring(0, EXCERPT_LENGTH) + "…";
    }
}
