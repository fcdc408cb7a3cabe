package io.trtcsim.sdk.signaling;

/**
 * The stack's reply to a publish offer: the id it gave the stream (the SDK names the stream by it
 * from then on: the simulator says "alice_main", Janus its feed id) and its SDP answer.
 */
public record PublishAnswer(String streamId, String answerSdp) {
}
