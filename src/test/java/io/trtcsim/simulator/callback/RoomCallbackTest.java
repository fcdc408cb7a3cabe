package io.trtcsim.simulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.RoomId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomCallbackTest {

    private static final long APP = 1400000001L;
    private static final long EVENT_MILLIS = 1_700_000_123_456L;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void exitRoomCarriesUserRoleAndReasonInTrtcsOrder() {
        RoomCallback exit = new RoomCallback(APP, CallbackEvent.EXIT_ROOM, RoomId.numeric(1234), "alice", 21, "kicked", EVENT_MILLIS);

        assertThat(exit.toJson(json, 1_700_000_124_000L, 77))
                .isEqualTo("{\"EventGroupId\":1,\"EventType\":104,\"CallbackTs\":1700000124000,"
                        + "\"EventInfo\":{\"RoomId\":1234,\"EventTs\":1700000123,\"EventMsTs\":1700000123456,"
                        + "\"UserId\":\"alice\",\"UniqueId\":77,\"Role\":21,\"TerminalType\":1,\"UserType\":3,"
                        + "\"Reason\":3}}");
    }

    @Test
    void aStringRoomsCallbackCarriesItsIdAsAString() {
        RoomCallback enter = new RoomCallback(APP, CallbackEvent.ENTER_ROOM, RoomId.string("class-7A"), "alice", 20, null,
                EVENT_MILLIS);

        assertThat(enter.toJson(json, 1_700_000_124_000L, 77)).contains("\"EventInfo\":{\"RoomId\":\"class-7A\",");
    }

    @Test
    void roomEventLeavesOutUserRoleAndReason() {
        RoomCallback dismissed = new RoomCallback(APP, CallbackEvent.DISMISS_ROOM, RoomId.numeric(1234), null, 0, "everyone left",
                EVENT_MILLIS);

        assertThat(dismissed.toJson(json, 1_700_000_124_000L, 5))
                .isEqualTo("{\"EventGroupId\":1,\"EventType\":102,\"CallbackTs\":1700000124000,"
                        + "\"EventInfo\":{\"RoomId\":1234,\"EventTs\":1700000123,\"EventMsTs\":1700000123456,"
                        + "\"UniqueId\":5,\"TerminalType\":1,\"UserType\":3}}");
    }

    @Test
    void mediaEventHasNoReason() {
        RoomCallback video = new RoomCallback(APP, CallbackEvent.START_VIDEO, RoomId.numeric(1234), "bob", 20, "left", EVENT_MILLIS);

        assertThat(video.reasonCode()).isZero();
        assertThat(video.toJson(json, 1L, 1L)).contains("\"EventGroupId\":2,\"EventType\":201")
                .contains("\"UserId\":\"bob\"").contains("\"Role\":20").doesNotContain("Reason");
    }

    @ParameterizedTest
    @CsvSource({
        "left, 1",
        "normal, 1",
        "timeout, 2",
        "disconnected, 2",
        "signaling Timed Out, 2",
        "kicked, 3",
        "banned by the app server, 3",
        "removed from room 1 by the app server, 3",
        "room 1 was dismissed by the app server, 3",
    })
    void reasonWordsBecomeTrtcsReasonCodes(String reason, int code) {
        RoomCallback exit = new RoomCallback(APP, CallbackEvent.EXIT_ROOM, RoomId.numeric(1), "alice", 20, reason, EVENT_MILLIS);

        assertThat(exit.reasonCode()).isEqualTo(code);
    }

    @Test
    void noReasonNoReasonField() {
        RoomCallback enter = new RoomCallback(APP, CallbackEvent.ENTER_ROOM, RoomId.numeric(1), "alice", 20, null, EVENT_MILLIS);

        assertThat(enter.reasonCode()).isZero();
        assertThat(enter.toJson(json, 1L, 1L)).doesNotContain("Reason");
    }

    @Test
    void rejectsWhatTrtcWouldNeverSend() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoomCallback(APP, CallbackEvent.ENTER_ROOM, RoomId.numeric(1), null, 20, null, EVENT_MILLIS))
                .withMessageContaining("enter room concerns one user");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoomCallback(APP, CallbackEvent.ENTER_ROOM, RoomId.numeric(1), "alice", 7, null, EVENT_MILLIS))
                .withMessageContaining("role must be 20 (anchor), 21 (audience) or 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoomCallback(0, CallbackEvent.CREATE_ROOM, RoomId.numeric(1), null, 0, null, EVENT_MILLIS))
                .withMessageContaining("sdkAppId must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoomCallback(APP, CallbackEvent.CREATE_ROOM, RoomId.numeric(0), null, 0, null, EVENT_MILLIS))
                .withMessageContaining("roomId 0 is outside");
    }
}
