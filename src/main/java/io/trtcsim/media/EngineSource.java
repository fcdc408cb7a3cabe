package io.trtcsim.media;

/**
 * Where a user (a simulated browser tab) gets its libwebrtc engine: a new one of its own
 * ({@link #OWN}), one kept for reuse ({@link MediaEnginePool}) or one shared with other users at the
 * same time ({@link SharedMediaEngine}).
 */
@FunctionalInterface
public interface EngineSource {

    /** A new engine for each user, disposed when its lease is closed. */
    EngineSource OWN = user -> {
        MediaEngine made = new MediaEngine(user);
        return new EngineLease() {
            @Override
            public MediaEngine engine() {
                return made;
            }

            @Override
            public void close() {
                made.close();
            }
        };
    };

    /** An engine for {@code user}, made now or kept from an earlier user. */
    EngineLease take(String user);
}
