package io.trtcsim.harness.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.trtc.RoomId;
import org.junit.jupiter.api.Test;

class ReceivedCallbackTest {

    static final String ENTER_ROOM = "{\"EventGroupId\":1,\"EventType\":103,\"CallbackTs\":1700000000123,"
            + "\"EventInfo\":{\"RoomId\":1234,\"EventTs\":1700000000,\"EventMsTs\":1700000000123,\"UserId\":\"alice\","
            + "\"UniqueId\":1,\"Role\":20,\"TerminalType\":3,\"UserType\":3,\"Reason\":1}}";
    /** Computed outside Java: {@code openssl dgst -sha256 -hmac <callbackKey of 1400000001> -binary | base64}. */
    static final String ENTER_ROOM_SIGN_APP_1 = "MsQz1COjR6uCzqijmdocP23JfGMHGkLMPAVOiywZVN0=";
    static final String CALLBACK_KEY_APP_1 = "0de910b71fe311c7041278bb84b2bd14bdad686e17e953974635288a1a794881";
    static final String CALLBACK_KEY_APP_2 = "5e31928f102c7a968e509b5fe984cd896244a6a49b39368a2735f90b8e306dd1";

    @Test
    void readsTheDocumentedFields() {
        ReceivedCallback callback = ReceivedCallback.parse(ENTER_ROOM, ENTER_ROOM_SIGN_APP_1, "1400000001");

        assertThat(callback.eventType()).isEqualTo(103);
        assertThat(callback.roomId()).contains(RoomId.numeric(1234));
        assertThat(callback.userId()).isEqualTo("alice");
        assertThat(callback.sign()).isEqualTo(ENTER_ROOM_SIGN_APP_1);
        assertThat(callback.sdkAppId()).isEqualTo("1400000001");
        assertThat(callback.rawBody()).isEqualTo(ENTER_ROOM);
    }

    @Test
    void roomEventsHaveNoUser() {
        ReceivedCallback callback = ReceivedCallback.parse(
                "{\"EventGroupId\":1,\"EventType\":101,\"CallbackTs\":1,\"EventInfo\":{\"RoomId\":\"42\"}}", null, null);

        assertThat(callback.eventType()).isEqualTo(101);
        // "42" in quotes is a string room, not room 42: TRTC keeps the two apart.
        assertThat(callback.roomId()).contains(RoomId.string("42"));
        assertThat(callback.userId()).isNull();
    }

    @Test
    void aBodyThatIsNotACallbackStillYieldsARecord() {
        assertThat(ReceivedCallback.parse("hello", null, null))
                .satisfies(c -> {
                    assertThat(c.eventType()).isEqualTo(ReceivedCallback.UNKNOWN);
                    assertThat(c.roomId()).isEmpty();
                    assertThat(c.userId()).isNull();
                    assertThat(c.rawBody()).isEqualTo("hello");
                });
        assertThat(ReceivedCallback.parse("", null, null).eventType()).isEqualTo(ReceivedCallback.UNKNOWN);
        assertThat(ReceivedCallback.parse("[1,2]", null, null).eventType()).isEqualTo(ReceivedCallback.UNKNOWN);
        assertThat(ReceivedCallback.parse("{\"EventType\":\"103\",\"EventInfo\":{\"RoomId\":\"room-a\"}}", null, null))
                .satisfies(c -> {
                    assertThat(c.eventType()).isEqualTo(ReceivedCallback.UNKNOWN);
                    assertThat(c.roomId()).contains(RoomId.string("room-a"));
                });
    }

    @Test
    void signedWithTheRightKeyOnly() {
        ReceivedCallback callback = ReceivedCallback.parse(ENTER_ROOM, ENTER_ROOM_SIGN_APP_1, "1400000001");

        assertThat(callback.signedWith(CALLBACK_KEY_APP_1)).isTrue();
        assertThat(callback.signedWith(CALLBACK_KEY_APP_2)).isFalse();
    }

    @Test
    void aChangedBodyNoLongerMatchesItsSign() {
        ReceivedCallback tampered = ReceivedCallback.parse(ENTER_ROOM.replace("alice", "mallory"),
                ENTER_ROOM_SIGN_APP_1, "1400000001");

        assertThat(tampered.signedWith(CALLBACK_KEY_APP_1)).isFalse();
    }

    @Test
    void aMissingOrGarbledSignIsNotSigned() {
        assertThat(ReceivedCallback.parse(ENTER_ROOM, null, null).signedWith(CALLBACK_KEY_APP_1)).isFalse();
        assertThat(ReceivedCallback.parse(ENTER_ROOM, "not base64!", null).signedWith(CALLBACK_KEY_APP_1)).isFalse();
        assertThat(ReceivedCallback.parse(ENTER_ROOM, "", null).signedWith(CALLBACK_KEY_APP_1)).isFalse();
    }

    @Test
    void refusesToCheckAgainstNoKey() {
        ReceivedCallback callback = ReceivedCallback.parse(ENTER_ROOM, ENTER_ROOM_SIGN_APP_1, null);

        assertThatThrownBy(() -> callback.signedWith(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStringRoomIdIsAStringRoomNotANumber() {
        ReceivedCallback callback = ReceivedCallback.parse(
                "{\"EventType\":103,\"EventInfo\":{\"RoomId\":\"8888\",\"UserId\":\"alice\"}}", null, null);

        assertThat(callback.roomId()).contains(RoomId.string("8888"));
    }
}
