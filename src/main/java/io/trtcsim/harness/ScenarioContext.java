package io.trtcsim.harness;

import dev.onvoid.webrtc.media.MediaDevices;
import io.trtcsim.harness.appserver.AppServer;
import io.trtcsim.media.EngineSource;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.Stack;
import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one scenario: its settings, the instant it began, the stack it runs against and
 * the app server that stack calls back, and everything made for it, released in reverse order of
 * creation by {@link #close()} — the only teardown path, run whether the scenario passed or not.
 * What a scenario does with them lives in focused collaborators that take this context:
 * {@link Participants}, {@link Signatures}, {@link AppServerActions}, {@link ParticipantNetworks}.
 */
public final class ScenarioContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioContext.class);

    private final HarnessConfig config;
    /** Where its participants' engines come from: the JVM's kept engines (Cucumber) or their own (plain Java). */
    private final EngineSource engines;
    private final long originNanos = System.nanoTime();
    private final Deque<Owned> teardown = new ArrayDeque<>();
    private Stack stack;
    private AppKeyStore keys;
    private AppServer appServer;
    private boolean stackKnowsAppServer;
    private ScenarioWatchdog watchdog;

    /** A scenario with the harness settings (defaults, a project's harness.properties, -D overrides). */
    public ScenarioContext() {
        this(HarnessConfig.load(), true);
    }

    private ScenarioContext(HarnessConfig config, boolean keptEngines) {
        this.config = config;
        this.engines = keptEngines ? ProcessEngines.forScenario(config) : EngineSource.OWN;
    }

    /**
     * A scenario with given settings, for use from plain Java: each participant makes its own engine
     * and disposes it (nothing is kept past the scenario that the caller would have to close).
     */
    public static ScenarioContext with(HarnessConfig config) {
        return new ScenarioContext(config, false);
    }

    /** Where the participants' libwebrtc engines come from (see {@link ProcessEngines}). */
    public EngineSource engines() {
        return engines;
    }

    public HarnessConfig config() {
        return config;
    }

    public long originNanos() {
        return originNanos;
    }

    /**
     * The stack, started on first use so a scenario that needs none starts none. A stack the harness
     * starts itself is told where the scenario's app server listens, which is started first for that:
     * so callback steps work in any scenario, with no tag to remember.
     */
    public synchronized Stack stack() {
        if (stack == null) {
            Optional<URI> callbacks = Stacks.sendsCallbacks(config) ? Optional.of(appServer().callbackUri())
                    : Optional.empty();
            stack = Stacks.start(config, callbacks);
            stackKnowsAppServer = callbacks.isPresent();
            closeAtEnd("stack " + stack.name(), stack);
            log.info("scenario stack: {}", stack.name());
        }
        return stack;
    }

    public synchronized boolean hasStack() {
        return stack != null;
    }

    /**
     * Why this scenario cannot run here, if it cannot: the stack does not start on this machine (no
     * janus, no Docker, no image), or a {@code @requires-<capability>} tag asks for what it lacks.
     * Starts the stack.
     */
    public Optional<String> reasonItCannotRun(Collection<String> tags) {
        try {
            stack();
        } catch (StackUnavailableException e) {
            return Optional.of("skipped: stack " + config.stack() + " cannot run on this machine: " + e.getMessage());
        }
        for (String tag : tags) {
            if (!tag.startsWith("@requires-") || tag.equals(NO_CAMERA_TAG)) {
                continue;
            }
            Capability needed = Capability.ofTag(tag);
            if (!stack().capabilities().contains(needed)) {
                return Optional.of("not supported by stack " + stack().name() + ": " + stack().whyNot(needed)
                        + " (" + tag + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the watchdog of this scenario over {@code steps}, the thread that runs its steps: past
     * {@code harness.timeout.scenario} it takes a thread dump and interrupts that thread. It stops
     * after everything else of the scenario, so a teardown that hangs is caught too.
     */
    public synchronized ScenarioWatchdog watch(Thread steps, String scenarioName) {
        if (watchdog == null) {
            watchdog = ScenarioWatchdog.watch(steps, scenarioName, config.scenarioTimeout());
            closeLast("the scenario watchdog", watchdog);
        }
        return watchdog;
    }

    /** The thread dump taken when the scenario ran past its limit, if it did. */
    public synchronized Optional<String> ranPastItsLimit() {
        return watchdog == null ? Optional.empty() : watchdog.expired();
    }

    /** The tag of scenarios that describe a machine without a camera. */
    public static final String NO_CAMERA_TAG = "@requires-no-camera";

    /** Whether libwebrtc sees a camera on this machine. */
    public boolean machineHasCamera() {
        return !MediaDevices.getVideoCaptureDevices().isEmpty();
    }

    /** The applications of the fixtures (harness.fixtures/apps.json). */
    public synchronized AppKeyStore appKeys() {
        if (keys == null) {
            keys = AppKeyStore.load(config.fixtures().resolve("apps.json"));
        }
        return keys;
    }

    /** The scenario's app server (WireMock), started on first use. */
    public synchronized AppServer appServer() {
        if (appServer == null) {
            long started = System.nanoTime();
            appServer = AppServer.start(config.fixtures().resolve("app-server"), appKeys());
            closeAtEnd("the app server", appServer);
            log.info("app server started in {} ms", (System.nanoTime() - started) / 1_000_000);
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

    /** Something made for this scenario, released when it ends, before what was made earlier. */
    public synchronized void closeAtEnd(String what, AutoCloseable resource) {
        teardown.push(new Owned(what, resource));
    }

    /**
     * Something made for the scenario that must outlive everything else of it, whenever it was made:
     * released after all the rest (a device server whose clients must be gone first).
     */
    public synchronized void closeLast(String what, AutoCloseable resource) {
        teardown.addLast(new Owned(what, resource));
    }

    /** Something made for the scenario, with the name its teardown failure is reported under. */
    private record Owned(String what, AutoCloseable resource) {
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!teardown.isEmpty()) {
            Owned owned = teardown.pop();
            String what = owned.what();
            try {
                owned.resource().close();
            } catch (Exception e) {
                log.error("closing {} failed", what, e);
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("closing " + what + " failed", e);
                first = first == null ? failure : first;
            }
        }
        stack = null;
        appServer = null;
        if (first != null) {
            throw first;
        }
    }
}
