package io.trtcsim.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParameterTypesTest {

    private final ParameterTypes types = new ParameterTypes();

    @Test
    void documentedEventsAreAcceptedAndOthersListTheDocumentedOnes() {
        assertThat(types.event("stream-added")).isEqualTo(ClientEvent.STREAM_ADDED);
        assertThatThrownBy(() -> types.event("stream-add"))
                .hasMessageContaining("\"stream-add\" is not an event TRTC documents")
                .hasMessageContaining("stream-subscribed");
    }

    @Test
    void roomIdsAreNumbersOrQuotedStrings() {
        assertThat(types.room("8888")).isEqualTo(RoomId.numeric(8888));
        assertThat(types.room("\"8888\"")).isEqualTo(RoomId.string("8888"));
        assertThat(types.room("\"class-7A\"")).isEqualTo(RoomId.string("class-7A"));
        assertThatThrownBy(() -> types.room("eight"))
                .hasMessageContaining("room id 'eight' is not a number");
    }

    @Test
    void participantNamesMustBeUsableUserIds() {
        assertThat(types.participant("alice_2")).isEqualTo("alice_2");
        assertThatThrownBy(() -> types.participant("alice smith")).hasMessageContaining("\"alice smith\"");
        assertThatThrownBy(() -> types.participant("")).hasMessageContaining("userId");
    }

    @Test
    void durationsReadAsWritten() {
        assertThat(types.duration("2", "seconds")).isEqualTo(Duration.ofSeconds(2));
        assertThat(types.duration("1", "second")).isEqualTo(Duration.ofSeconds(1));
        assertThat(types.duration("500", "ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void errorNamesAreTheDocumentedOnes() {
        assertThat(types.errorCode("JOIN_ROOM_FAILED").code()).isEqualTo(0x4004);
        assertThatThrownBy(() -> types.errorCode("JOIN_FAILED")).hasMessageContaining("not a TRTC error code");
        assertThat(ErrorCode.ofCode(0x4010)).contains(ErrorCode.REMOTE_STREAM_NOT_EXIST);
    }
}
