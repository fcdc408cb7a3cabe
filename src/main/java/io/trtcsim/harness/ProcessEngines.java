package io.trtcsim.harness;

import io.trtcsim.media.EngineSource;
import io.trtcsim.media.MediaEnginePool;
import java.util.Optional;

/**
 * The libwebrtc engines this JVM keeps from one scenario to the next: the harness's one piece of
 * process-wide state, because what it works around is process-wide. webrtc-java 0.14.0 never
 * releases a closed peer connection, which keeps its engine's audio module (two native threads,
 * about 2 MB) alive after the engine is disposed; kept engines are not disposed, so a suite no
 * longer grows by them (docs/design.md, "Engines kept between scenarios").
 *
 * <p>Scenarios run by Cucumber take their participants' engines from here
 * ({@link ScenarioContext#engines()}); the pool is made with the first and closed by the steps'
 * {@code @AfterAll} hook, unless {@value #KEEP_AFTER_RUN} is set (a soak runs the features many
 * times in one JVM and closes it at its end). An undisposed engine keeps the JVM alive, so whoever
 * sets that property closes the pool.
 */
public final class ProcessEngines {

    /** System property: true keeps the pool past a Cucumber run's end (the caller then {@link #close()}s it). */
    public static final String KEEP_AFTER_RUN = "harness.engines.keep-after-run";

    private static MediaEnginePool pool;

    private ProcessEngines() {
    }

    /** Where a scenario with these settings takes its engines: the JVM's pool, or its own engines (size 0). */
    static synchronized EngineSource forScenario(HarnessConfig config) {
        int size = config.enginePoolSize();
        if (size == 0) {
            return EngineSource.OWN;
        }
        if (pool == null) {
            pool = new MediaEnginePool("kept-engine", size);
        }
        return pool;
    }

    /** How much the pool has served, if there is one. */
    public static synchronized Optional<MediaEnginePool.Counts> counts() {
        return Optional.ofNullable(pool).map(MediaEnginePool::counts);
    }

    /** At the end of a Cucumber run: {@link #close()}, unless {@value #KEEP_AFTER_RUN} says the caller will. */
    public static void closeAfterRun() {
        if (!Boolean.getBoolean(KEEP_AFTER_RUN)) {
            close();
        }
    }

    /** Disposes the kept engines; a later scenario starts a new pool. */
    public static void close() {
        MediaEnginePool closing;
        synchronized (ProcessEngines.class) {
            closing = pool;
            pool = null;
        }
        if (closing != null) {
            closing.close();
        }
    }
}
