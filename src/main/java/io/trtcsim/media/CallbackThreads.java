package io.trtcsim.media;

import java.util.function.Consumer;

/**
 * Marks the code that libwebrtc's threads run in our callbacks (observers, stats callbacks, and
 * every future continuation they complete), so that what must never block such a thread can tell.
 * <p>
 * Why: a libwebrtc thread that waits for a lock of ours deadlocks with any thread of ours that
 * holds that lock while it calls into libwebrtc, since most native calls are carried out on the
 * signaling thread and wait for it. A connection closed from a callback (a failed publish that
 * drops its uplink, say) is therefore closed on a thread of its own ({@link PeerLink#close}).
 * The mark is per thread and shared by every connection of the JVM, as libwebrtc's threads are
 * shared by the connections of an engine; it holds no other state.
 */
final class CallbackThreads {

    private static final ThreadLocal<Boolean> IN_CALLBACK = ThreadLocal.withInitial(() -> false);

    private CallbackThreads() {
    }

    /** Whether the current thread is running one of our callbacks for libwebrtc. */
    static boolean isCurrent() {
        return IN_CALLBACK.get();
    }

    /** Runs a callback body with the current thread marked as libwebrtc's. */
    static void run(Runnable body) {
        boolean outer = IN_CALLBACK.get();
        IN_CALLBACK.set(true);
        try {
            body.run();
        } finally {
            IN_CALLBACK.set(outer);
        }
    }

    /** A callback that runs marked. */
    static <T> Consumer<T> marked(Consumer<T> callback) {
        return value -> run(() -> callback.accept(value));
    }
}
