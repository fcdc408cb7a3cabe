package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trtcsim.trtc.RoomId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JanusIdsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void withStringIdsNumericAndStringRoomsOfTheSameDigitsAreTwoJanusRooms() {
        List<RoomId> rooms = List.of(RoomId.numeric(8888), RoomId.string("8888"), RoomId.string("class-7A"),
                RoomId.string("str:8888"), RoomId.numeric(1));
        Set<JsonNode> janusRooms = new HashSet<>();
        rooms.forEach(room -> janusRooms.add(JanusIds.STRINGS.room(room).orElseThrow()));

        assertThat(janusRooms).hasSize(rooms.size());
        assertThat(JanusIds.STRINGS.room(RoomId.numeric(8888))).contains(NODES.textNode("8888"));
        assertThat(JanusIds.STRINGS.room(RoomId.string("8888"))).contains(NODES.textNode("str:8888"));
    }

    @Test
    void withNumbersANumericRoomIsAnIntegerAndAStringRoomHasNone() {
        assertThat(JanusIds.NUMBERS.room(RoomId.numeric(4242))).contains(NODES.numberNode(4242L));
        assertThat(JanusIds.NUMBERS.room(RoomId.string("class-7A"))).isEmpty();
    }

    @Test
    void aFeedIdGoesBackAsTheNamingWritesIt() {
        assertThat(JanusIds.NUMBERS.participant("123")).contains(NODES.numberNode(123L));
        assertThat(JanusIds.NUMBERS.participant("3f2a-uuid")).as("not a number where ids are numbers").isEmpty();
        assertThat(JanusIds.STRINGS.participant("3f2a-uuid")).contains(NODES.textNode("3f2a-uuid"));
        assertThat(JanusIds.STRINGS.participant(" ")).isEmpty();
        assertThat(JanusIds.STRINGS.participant(null)).isEmpty();
    }

    @Test
    void aParticipantIdIsReadAsTextWhicheverNamingWroteItAndOkIsNone() {
        assertThat(JanusIds.participantIn(NODES.numberNode(77L))).contains("77");
        assertThat(JanusIds.participantIn(NODES.textNode("3f2a-uuid"))).contains("3f2a-uuid");
        assertThat(JanusIds.participantIn(NODES.textNode("ok"))).as("what Janus tells the participant itself").isEmpty();
        assertThat(JanusIds.participantIn(NODES.missingNode())).isEqualTo(Optional.empty());
        assertThat(JanusIds.participantIn(NODES.nullNode())).isEmpty();
    }
}
