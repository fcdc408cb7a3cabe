package io.trtcsim.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallbackEventTest {

    @Test
    void findsAnEventByTrtcsWords() {
        CallbackEvent event = CallbackEvent.named("enter room");

        assertThat(event).isEqualTo(CallbackEvent.ENTER_ROOM);
        assertThat(event.groupId()).isEqualTo(1);
        assertThat(event.eventType()).isEqualTo(103);
    }

    @Test
    void refusesAnUndocumentedPhraseAndListsTheDocumentedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallbackEvent.named("join room"))
                .withMessageContaining("'join room'")
                .withMessageContaining("create room, dismiss room, enter room, exit room, change role, start video, "
                        + "stop video, start audio, stop audio, start substream, stop substream");
    }

    @Test
    void phrasesAreMatchedExactly() {
        assertThatIllegalArgumentException().isThrownBy(() -> CallbackEvent.named("Enter Room"));
    }

    @ParameterizedTest
    @EnumSource(CallbackEvent.class)
    void everyEventIsFoundByItsTypeAndItsPhrase(CallbackEvent event) {
        assertThat(CallbackEvent.ofType(event.eventType())).isEqualTo(event);
        assertThat(CallbackEvent.named(event.phrase())).isEqualTo(event);
        assertThat(event.groupId()).isEqualTo(event.eventType() / 100);
    }

    @Test
    void mediaEventsAreGroupTwo() {
        assertThat(CallbackEvent.ofType(206)).isEqualTo(CallbackEvent.STOP_SUBSTREAM);
        assertThat(CallbackEvent.STOP_SUBSTREAM.phrase()).isEqualTo("stop substream");
        assertThat(CallbackEvent.START_SUBSTREAM.groupId()).isEqualTo(CallbackEvent.MEDIA_GROUP);
    }

    @Test
    void refusesAnUndocumentedType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallbackEvent.ofType(107))
                .withMessageContaining("107")
                .withMessageContaining("104 exit room");
    }
}
