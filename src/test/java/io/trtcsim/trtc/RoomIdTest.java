package io.trtcsim.trtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomIdTest {

    @Test
    void aStringAndANumberWithTheSameDigitsAreTwoRooms() {
        assertThat(RoomId.string("8888")).isNotEqualTo(RoomId.numeric(8888));
        assertThat(RoomId.string("8888")).isEqualTo(RoomId.string("8888"));
        assertThat(RoomId.string("8888")).hasToString("\"8888\"");
        assertThat(RoomId.numeric(8888)).hasToString("8888");
    }

    @Test
    void everyDocumentedCharacterUpTo64BytesIsAStringRoom() {
        String all = "a-zA-Z0-9 !#$%&()+-:;<=.>?@[]^_{}|~,0123456789012345678901234567";
        assertThat(all).hasSize(64);
        assertThat(RoomId.string(all).problem(true)).isEmpty();
        assertThat(RoomId.string("class-7A").problem(true)).isEmpty();
    }

    @Test
    void aStringRoomIdTheServerCannotTakeIsNamed() {
        assertThat(RoomId.string("a".repeat(65)).problem(true)).hasValueSatisfying(p -> assertThat(p)
                .contains("a".repeat(65)).contains("65 bytes"));
        // Three bytes each in UTF-8: 22 characters are 66 bytes, and outside the set besides.
        assertThat(RoomId.string("教".repeat(22)).problem(true)).hasValueSatisfying(p -> assertThat(p).contains("66 bytes"));
        assertThat(RoomId.string("class/7A").problem(true)).hasValueSatisfying(p -> assertThat(p)
                .contains("\"class/7A\"").contains("character outside"));
        assertThat(RoomId.string("").problem(true)).hasValueSatisfying(p -> assertThat(p).contains("empty"));
    }

    @Test
    void theKindMustMatchUseStringRoomId() {
        assertThat(RoomId.string("class-7A").problem(false)).hasValueSatisfying(p -> assertThat(p)
                .contains("\"class-7A\"").contains("useStringRoomId"));
        assertThat(RoomId.numeric(8888).problem(true)).hasValueSatisfying(p -> assertThat(p)
                .contains("8888").contains("useStringRoomId"));
        assertThat(RoomId.numeric(8888).problem(false)).isEmpty();
    }

    @Test
    void aNumberOutsideTheDocumentedRangeIsNamed() {
        assertThat(RoomId.numeric(0).problem(false)).hasValue("roomId 0 is outside [1, 4294967294]");
        assertThat(RoomId.numeric(4_294_967_295L).problem(false)).isPresent();
        assertThat(RoomId.numeric(4_294_967_294L).problem(false)).isEmpty();
    }

    @Test
    void theWireValueKeepsTheKind() {
        assertThat(RoomId.numeric(8888).wireValue()).isEqualTo(8888L);
        assertThat(RoomId.string("8888").wireValue()).isEqualTo("8888");
    }
}
