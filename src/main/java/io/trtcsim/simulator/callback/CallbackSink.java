package io.trtcsim.simulator.callback;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Where the simulator reports room and media events. {@link #NONE} when no callback URL is
 * configured; {@link #to} to POST them to the app server.
 *
 * <p>Closing a sink releases what it owns (the dispatching one, its dispatcher), so the simulator has
 * one thing to close at teardown. {@code publish} never blocks and never throws for a reason the
 * reporting thread could do anything about.
 */
@FunctionalInterface
public interface CallbackSink extends AutoCloseable {

    /** Drops every callback: no callback URL is configured. */
    CallbackSink NONE = callback -> { };

    void publish(RoomCallback callback);

    @Override
    default void close() {
    }

    /**
     * Sends each callback through {@code dispatcher}, signed with its app's callback key as
     * {@code callbackKeys} finds it; an app without one gets no callbacks (logged at DEBUG), as in
     * TRTC, where callbacks are configured per application. The sink takes {@code dispatcher} over
     * and closes it on {@link #close()}.
     */
    static CallbackSink to(CallbackDispatcher dispatcher, LongFunction<Optional<String>> callbackKeys) {
        return new DispatchingCallbackSink(dispatcher, callbackKeys);
    }
}
