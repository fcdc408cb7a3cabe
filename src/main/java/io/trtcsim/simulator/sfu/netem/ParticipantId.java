package io.trtcsim.simulator.sfu.netem;

/** Whom network conditions belong to: a user of an application, as the simulator knows it. */
public record ParticipantId(long sdkAppId, String userId) {

    public ParticipantId {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a participant needs a user id, not '" + userId + "'");
        }
    }

    @Override
    public String toString() {
        return sdkAppId + "/" + userId;
    }
}
