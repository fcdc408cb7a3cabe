package io.trtcsim.simulator.callback;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link CallbackSink} that posts callbacks of apps having a callback key. */
final class DispatchingCallbackSink implements CallbackSink {

    private static final Logger log = LoggerFactory.getLogger(DispatchingCallbackSink.class);

    private final CallbackDispatcher dispatcher;
    private final LongFunction<Optional<String>> callbackKeys;

    DispatchingCallbackSink(CallbackDispatcher dispatcher, LongFunction<Optional<String>> callbackKeys) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.callbackKeys = Objects.requireNonNull(callbackKeys, "callbackKeys");
    }

    @Override
    public void publish(RoomCallback callback) {
        Optional<String> key = callbackKeys.apply(callback.sdkAppId());
        if (key == null || key.filter(k -> !k.isEmpty()).isEmpty()) {
            log.debug("SDKAppID {} has no callback key; callback {} not sent", callback.sdkAppId(),
                    callback.describe());
            return;
        }
        dispatcher.dispatch(callback, key.get());
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
