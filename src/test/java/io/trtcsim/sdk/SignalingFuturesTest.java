package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SignalingFuturesTest {

    @Test
    void anOperationThatDoesNotCompleteInTimeFailsWithTheCodeItsKindDocuments() {
        CompletableFuture<Object> subscription = SignalingFutures.within(new CompletableFuture<>(), Duration.ofMillis(20),
                "subscribe to alice_main", ErrorCode.SUBSCRIPTION_TIMEOUT);
        CompletableFuture<Object> join = SignalingFutures.within(new CompletableFuture<>(), Duration.ofMillis(20), "join");

        assertThat(subscription).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOf(RtcError.class)
                .matches(e -> ((RtcError) e).errorCode() == ErrorCode.SUBSCRIPTION_TIMEOUT, "SUBSCRIPTION_TIMEOUT")
                .withMessageContaining("subscribe to alice_main did not complete within 20 ms");
        assertThat(join).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .havingRootCause().matches(e -> ((RtcError) e).errorCode() == ErrorCode.SERVER_TIMEOUT, "SERVER_TIMEOUT");
    }
}
