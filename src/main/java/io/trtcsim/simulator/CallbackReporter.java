package io.trtcsim.simulator;

import io.trtcsim.simulator.callback.CallbackSink;
import io.trtcsim.simulator.callback.RoomCallback;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.StreamType;
import java.time.Clock;

/** Turns what happens in rooms into TRTC's room and media callbacks to the app server. */
final class CallbackReporter {

    private final CallbackSink sink;
    private final Clock clock;

    CallbackReporter(CallbackSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    void roomCreated(Room room) {
        publish(room, CallbackEvent.CREATE_ROOM, null, 0, null);
    }

    void roomDismissed(Room room, String reason) {
        publish(room, CallbackEvent.DISMISS_ROOM, null, 0, reason);
    }

    void entered(Room room, Member member) {
        publish(room, CallbackEvent.ENTER_ROOM, member.userId(), member.callbackRole(), null);
    }

    /** An exit stands for the stop events of that user's media as well, as TRTC documents. */
    void exited(Room room, Member member, String reason) {
        publish(room, CallbackEvent.EXIT_ROOM, member.userId(), member.callbackRole(), reason);
    }

    void roleChanged(Room room, Member member) {
        publish(room, CallbackEvent.CHANGE_ROLE, member.userId(), member.callbackRole(), null);
    }

    /** 201/203 for a main stream's video and audio; an auxiliary stream's video is the substream, 205. */
    void mediaStarted(Room room, Member member, StreamType type, boolean audio, boolean video) {
        if (video) {
            publish(room, type == StreamType.AUXILIARY ? CallbackEvent.START_SUBSTREAM : CallbackEvent.START_VIDEO,
                    member.userId(), member.callbackRole(), null);
        }
        if (audio) {
            publish(room, CallbackEvent.START_AUDIO, member.userId(), member.callbackRole(), null);
        }
    }

    /** 202/204, or 206 for an auxiliary stream's video. */
    void mediaStopped(Room room, Member member, StreamType type, boolean audio, boolean video) {
        if (video) {
            publish(room, type == StreamType.AUXILIARY ? CallbackEvent.STOP_SUBSTREAM : CallbackEvent.STOP_VIDEO,
                    member.userId(), member.callbackRole(), null);
        }
        if (audio) {
            publish(room, CallbackEvent.STOP_AUDIO, member.userId(), member.callbackRole(), null);
        }
    }

    private void publish(Room room, CallbackEvent event, String userId, int role, String reason) {
        sink.publish(new RoomCallback(room.sdkAppId(), event, room.roomId(), userId, role, reason, clock.millis()));
    }
}
