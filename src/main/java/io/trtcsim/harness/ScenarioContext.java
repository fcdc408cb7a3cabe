package io.trtcsim.harness;

import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.TRTC;
import io.trtcsim.media.MediaClock;
import io.trtcsim.harness.appserver.AppServer;
import io.trtcsim.stack.Stack;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one scenario owns: the stack it runs against, its participants by name, and the
 * instant it began. Closing it releases all of it in reverse order of creation; it is the only
 * teardown path and runs whether the scenario passed or not.
 */
public final class ScenarioContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioContext.class);

    private final HarnessConfig config;
    private final long originNanos = System.nanoTime();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private Stack stack;
    private PacketLoss packetLoss;
    private AppKey app;
    private AppKeyStore keys;
    private AppServer appServer;
    private boolean stackKnowsAppServer;

    /** A scenario with the harness settings (harness.properties and -D overrides). */
    public ScenarioContext() {
        this(HarnessConfig.load());
    }

    private ScenarioContext(HarnessConfig config) {
        this.config = config;
    }

    /** A scenario with given settings, for use from plain Java. */
    public static ScenarioContext with(HarnessConfig config) {
        return new ScenarioContext(config);
    }

    public HarnessConfig config() {
        return config;
    }

    public long originNanos() {
        return originNanos;
    }

    /** The scenario's packet loss rules, made on first use; removed when the scenario ends. */
    public synchronized PacketLoss packetLoss() {
        if (packetLoss == null) {
            packetLoss = new PacketLoss();
        }
        return packetLoss;
    }

    /** The stack, started on first use so a scenario that needs none starts none. */
    public synchronized Stack stack() {
        if (stack == null) {
            java.util.Optional<java.net.URI> callbacks = appServer == null ? java.util.Optional.empty()
                    : java.util.Optional.of(appServer.callbackUri());
            stack = Stacks.start(config, callbacks);
            stackKnowsAppServer = callbacks.isPresent();
            log.info("scenario stack: {}", stack.name());
        }
        return stack;
    }

    public synchronized boolean hasStack() {
        return stack != null;
    }

    /** A participant that must already exist; the error names the ones that do. */
    public synchronized Participant participant(String name) {
        Participant participant = participants.get(name);
        if (participant == null) {
            throw new IllegalArgumentException("no participant named '" + name + "' in this scenario"
                    + (participants.isEmpty() ? "" : " (known: " + String.join(", ", participants.keySet()) + ")")
                    + "; create one first, e.g. Given \"" + name + "\" has created a client in \"rtc\" mode");
        }
        return participant;
    }

    public synchronized Participant participantOrNew(String name) {
        Participant existing = participants.get(name);
        if (existing != null) {
            return existing;
        }
        SdkOptions options = new SdkOptions(config.signalingTimeout(), config.mediaTimeout(), MediaClock.system(),
                originNanos);
        Participant created = new Participant(name, new TRTC(name, stack(), options), config.callTimeout());
        participants.put(name, created);
        return created;
    }

    public synchronized List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    /** The sdkAppId participants join with (harness.sdkAppId). */
    public long sdkAppId() {
        return app().sdkAppId();
    }

    /** A valid UserSig for the user, made by Tencent's published generator with the fixture key. */
    public String userSigFor(String userId) {
        return new UserSigGenerator(app()).genUserSig(userId, config.userSigValidity());
    }

    /** A UserSig with the given fault ({@code otherUser} is used for {@link SignatureFault#OTHER_USER}). */
    public String faultyUserSigFor(String userId, SignatureFault fault, String otherUser) {
        return switch (fault) {
            case EXPIRED -> new UserSigGenerator(app()).genUserSig(userId, java.time.Duration.ZERO);
            case WRONG_KEY -> new UserSigGenerator(new AppKey(app().sdkAppId(), otherApp().secretKey()))
                    .genUserSig(userId, config.userSigValidity());
            case OTHER_USER -> new UserSigGenerator(app()).genUserSig(otherUser, config.userSigValidity());
            case OTHER_APPLICATION -> new UserSigGenerator(otherApp()).genUserSig(userId, config.userSigValidity());
            case MALFORMED -> "this-is-not-a-user-signature";
        };
    }

    /** A privateMapKey for the user and room granting exactly the given privilege bits. */
    public String privateMapKeyFor(String userId, long roomId, int privilegeMap) {
        return new UserSigGenerator(app()).genPrivateMapKey(userId, config.userSigValidity(), roomId, privilegeMap);
    }

    /** A UserSig of the application's administrator account, for server API calls. */
    public String administratorUserSig(String administrator) {
        return new UserSigGenerator(app()).genUserSig(administrator, config.userSigValidity());
    }

    public synchronized AppKeyStore appKeys() {
        if (keys == null) {
            keys = AppKeyStore.load(config.fixtures().resolve("apps.json"));
        }
        return keys;
    }

    public synchronized AppKey app() {
        if (app == null) {
            app = appKeys().find(config.sdkAppId()).orElseThrow(() -> new IllegalStateException(
                    "harness.sdkAppId " + config.sdkAppId() + " has no key in " + config.fixtures().resolve("apps.json")));
        }
        return app;
    }

    /** Another application of the fixtures, for signatures that belong elsewhere. */
    private AppKey otherApp() {
        return appKeys().apps().stream().filter(other -> other.sdkAppId() != app().sdkAppId()).findFirst()
                .orElseThrow(() -> new IllegalStateException(config.fixtures().resolve("apps.json")
                        + " needs a second application for 'another application' and 'wrong key' signatures"));
    }

    /**
     * The scenario's app server (WireMock), started on first use. Start it before the stack (tag
     * the scenario {@code @app-server}) when the stack must send it callbacks.
     */
    public synchronized AppServer appServer() {
        if (appServer == null) {
            appServer = AppServer.start(config.fixtures().resolve("app-server"), appKeys());
        }
        return appServer;
    }

    public synchronized boolean hasAppServer() {
        return appServer != null;
    }

    /** Whether the stack was started knowing the app server, so its callbacks reach it. */
    public synchronized boolean stackSendsCallbacksToAppServer() {
        return stackKnowsAppServer;
    }

    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    /** Keeps the outcome of a 'tries to' action that is not an SDK call (null failure: it worked). */
    public void recordFailure(String who, String action, Throwable failure) {
        if (failure == null) {
            failures.remove(who + "/" + action);
        } else {
            failures.put(who + "/" + action, failure);
        }
    }

    public java.util.Optional<Throwable> recordedFailure(String who, String action) {
        return java.util.Optional.ofNullable(failures.get(who + "/" + action));
    }

    /** Every participant's journal, for failure messages and reports. */
    public synchronized String describeJournals() {
        return participants.values().stream()
                .filter(Participant::hasClient)
                .map(p -> p.userId() + ":\n" + p.journal().describe())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public synchronized void close() {
        if (packetLoss != null) {
            packetLoss.close();
            packetLoss = null;
        }
        List<Participant> reversed = new ArrayList<>(participants.values());
        Collections.reverse(reversed);
        RuntimeException first = null;
        for (Participant participant : reversed) {
            try {
                participant.close();
            } catch (RuntimeException e) {
                log.error("closing participant {} failed", participant, e);
                first = first == null ? e : first;
            }
        }
        participants.clear();
        if (stack != null) {
            try {
                stack.close();
            } catch (RuntimeException e) {
                log.error("closing stack {} failed", stack.name(), e);
                first = first == null ? e : first;
            }
            stack = null;
        }
        if (appServer != null) {
            try {
                appServer.close();
            } catch (RuntimeException e) {
                log.error("closing the app server failed", e);
                first = first == null ? e : first;
            }
            appServer = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
