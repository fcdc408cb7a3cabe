package io.trtcsim.stack;

/** The stack's reply to a publish offer: the id it gave the stream and its SDP answer. */
public record PublishAnswer(String streamId, String answerSdp) {
}
