package io.trtcsim.simulator.sfu.netem;

import io.trtcsim.network.Direction;
import io.trtcsim.network.NetworkConditions;

/** A participant's access link both ways: what its transports receive on and what they send on. */
public record ParticipantNetwork(ParticipantId participant, NetworkPath uplink, NetworkPath downlink) {

    public NetworkPath path(Direction direction) {
        return direction == Direction.UPLINK ? uplink : downlink;
    }

    public NetworkConditions conditions() {
        return new NetworkConditions(uplink.conditions(), downlink.conditions());
    }

    void conditions(NetworkConditions conditions) {
        uplink.conditions(conditions.uplink());
        downlink.conditions(conditions.downlink());
    }
}
