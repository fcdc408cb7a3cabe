package io.trtcsim.harness.appserver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The app server of one scenario: a WireMock server on a free loopback port. It receives TRTC's
 * server event callbacks on {@link #callbackUri()} (answering {@code 200 {"code":0}}) and hands out
 * UserSigs on {@link #userSigUri()} (the {@link UserSigResponder}): built-in stubs at priority
 * {@value #BUILT_IN_PRIORITY}, so a project needs no stub files of its own. Stub files under
 * {@code <root>/mappings/}, where that folder exists, come on top (WireMock's default priority 5).
 *
 * <p>Faults are stubs at a higher priority ({@value #FAULT_PRIORITY}) than either, added and removed
 * here; the files are never written. Thread-safe: the simulator's callback
 * threads, the participants and the scenario thread may all use it at once.
 */
public final class AppServer implements AutoCloseable {

    public static final Path DEFAULT_ROOT = Path.of("fixtures", "app-server");
    public static final String CALLBACK_PATH = "/trtc/callback";
    public static final String USERSIG_PATH = "/usersig";
    static final int FAULT_PRIORITY = 1;
    static final int BUILT_IN_PRIORITY = 10;

    private static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final URI baseUri;
    private final CallbackFailureCounter callbackFailures;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object faultStubs = new Object();
    private UUID callbackFailureStub; // guarded by faultStubs
    private UUID userSigFaultStub; // guarded by faultStubs

    private AppServer(WireMockServer server, CallbackFailureCounter callbackFailures) {
        this.server = server;
        this.callbackFailures = callbackFailures;
        this.baseUri = URI.create("http://" + LOOPBACK + ":" + server.port());
    }

    /** Starts with the built-in stubs and those in {@link #DEFAULT_ROOT} (relative to the working directory). */
    public static AppServer start(AppKeyStore keys) {
        return start(DEFAULT_ROOT, keys);
    }

    /**
     * @param root a folder whose {@code mappings/} subfolder, if it exists, holds more WireMock stub files
     * @param keys the apps whose UserSigs this server signs
     * @throws IllegalArgumentException when {@code root} exists but is not a folder
     */
    public static AppServer start(Path root, AppKeyStore keys) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(keys, "keys");
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("app server stubs: " + root.toAbsolutePath() + " is not a folder");
        }
        CallbackFailureCounter callbackFailures = new CallbackFailureCounter();
        WireMockServer server = new WireMockServer(options()
                .bindAddress(LOOPBACK)
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString())
                .extensions(new UserSigResponder(keys), callbackFailures)
                .notifier(new AppServerLog())
                // Delayed answers (AppServerFault.SLOW) wait on a scheduler rather than a Jetty thread, so
                // close() does not sit out a slow answer the client has long given up on.
                .asynchronousResponseEnabled(true)
                .jettyStopTimeout(0L));
        try {
            server.start();
            server.stubFor(post(urlPathEqualTo(CALLBACK_PATH)).atPriority(BUILT_IN_PRIORITY)
                    .willReturn(okJson("{\"code\":0}")));
            server.stubFor(get(urlPathEqualTo(USERSIG_PATH)).atPriority(BUILT_IN_PRIORITY)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withTransformers(UserSigResponder.NAME)));
        } catch (RuntimeException e) {
            server.stop();
            throw new IllegalStateException("app server with stubs from " + root.toAbsolutePath()
                    + " did not start: " + e.getMessage(), e);
        }
        return new AppServer(server, callbackFailures);
    }

    public URI baseUri() {
        return baseUri;
    }

    public URI callbackUri() {
        return baseUri.resolve(CALLBACK_PATH);
    }

    public URI userSigUri() {
        return baseUri.resolve(USERSIG_PATH);
    }

    /** Every request that reached the callback path, whatever its method or answer, oldest first. */
    public List<ReceivedCallback> callbacks() {
        List<ServeEvent> newestFirst = server.getAllServeEvents();
        List<ReceivedCallback> received = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            LoggedRequest request = newestFirst.get(i).getRequest();
            if (CALLBACK_PATH.equals(pathOf(request.getUrl()))) {
                byte[] body = request.getBody();
                received.add(ReceivedCallback.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8),
                        request.getHeader("Sign"), request.getHeader("SdkAppId")));
            }
        }
        return List.copyOf(received);
    }

    /** How many requests reached the callback path, without reading them (thousands of joins make thousands). */
    public long callbackCount() {
        return server.getAllServeEvents().stream()
                .filter(event -> CALLBACK_PATH.equals(pathOf(event.getRequest().getUrl()))).count();
    }

    /**
     * The next {@code count} callbacks are answered {@code httpStatus}, later ones {@code 200 {"code":0}}.
     * Replaces failures still pending from an earlier call; {@code count} 0 cancels them.
     */
    public void failNextCallbacks(int count, int httpStatus) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be an HTTP status (100-599), got " + httpStatus);
        }
        synchronized (faultStubs) {
            ensureOpen();
            callbackFailures.failNext(count, httpStatus);
            if (callbackFailureStub == null) {
                // Answers as callback.json does once the counter is spent, so it can simply stay.
                callbackFailureStub = server.stubFor(post(urlPathEqualTo(CALLBACK_PATH))
                        .atPriority(FAULT_PRIORITY)
                        .withName("callbacks failed on purpose")
                        .willReturn(okJson("{\"code\":0}").withTransformers(CallbackFailureCounter.NAME))).getId();
            }
        }
    }

    /** Until {@link #restoreUserSigRequests()}, every UserSig request meets {@code fault}; replaces an earlier fault. */
    public void failUserSigRequests(AppServerFault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (faultStubs) {
            ensureOpen();
            removeUserSigFault();
            userSigFaultStub = server.stubFor(get(urlPathEqualTo(USERSIG_PATH))
                    .atPriority(FAULT_PRIORITY)
                    .withName("UserSig requests fail on purpose: " + fault)
                    .willReturn(responseFor(fault))).getId();
        }
    }

    public void restoreUserSigRequests() {
        synchronized (faultStubs) {
            ensureOpen();
            removeUserSigFault();
        }
    }

    /** Stops the server and releases its port; later calls do nothing. {@link #callbacks()} still answers. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return "AppServer[" + baseUri + (closed.get() ? ", closed" : "") + "]";
    }

    private static ResponseDefinitionBuilder responseFor(AppServerFault fault) {
        return switch (fault) {
            case SERVER_ERROR -> aResponse().withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"internal server error (made to fail by the test harness)\"}");
            case SLOW -> aResponse()
                    .withFixedDelay((int) AppServerFault.SLOW_RESPONSE_DELAY.toMillis())
                    .withTransformers(UserSigResponder.NAME);
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
        };
    }

    private void removeUserSigFault() {
        if (userSigFaultStub != null) {
            server.removeStub(userSigFaultStub);
            userSigFaultStub = null;
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
