package io.trtcsim.stack;

import io.trtcsim.network.NetworkConditions;

/**
 * A stack's own shaping of a participant's packets, in user space where its media plane forwards
 * them (the simulator's SFU): no root, no kernel features. A participant is its application and
 * user id, as the stack knows it. Conditions apply at once to every link of that participant,
 * present and future, until lifted.
 */
public interface NetworkEmulation {

    /** Replaces whatever was in force for the participant; {@link NetworkConditions#NONE} lifts it. */
    void apply(long sdkAppId, String userId, NetworkConditions conditions);

    /** Loss on one stream only, as it reaches the subscriber; 0 lifts it. */
    void applyStreamLoss(long sdkAppId, String subscriberId, String streamId, double lossPercent);

    /** Lifts every condition of the participant, its streams' included. */
    void lift(long sdkAppId, String userId);
}
