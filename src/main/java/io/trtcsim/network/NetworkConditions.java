package io.trtcsim.network;

import java.util.Map;

/**
 * A participant's network, both ways: what its uplink (to the stack) and its downlink (from the
 * stack) do to packets. {@link #NONE} is a perfect network.
 */
public record NetworkConditions(LinkConditions uplink, LinkConditions downlink) {

    public static final NetworkConditions NONE = new NetworkConditions(LinkConditions.NONE, LinkConditions.NONE);

    public NetworkConditions {
        if (uplink == null || downlink == null) {
            throw new IllegalArgumentException("network conditions need both an uplink and a downlink (NONE for untouched)");
        }
    }

    public LinkConditions of(Direction direction) {
        return direction == Direction.UPLINK ? uplink : downlink;
    }

    public NetworkConditions with(Direction direction, LinkConditions conditions) {
        return direction == Direction.UPLINK ? new NetworkConditions(conditions, downlink)
                : new NetworkConditions(uplink, conditions);
    }

    /** Both directions down (or back up), the rest kept. */
    public NetworkConditions withDown(boolean outage) {
        return new NetworkConditions(uplink.withDown(outage), downlink.withDown(outage));
    }

    public boolean isNone() {
        return uplink.isNone() && downlink.isNone();
    }

    public Map<String, Object> toWire() {
        return Map.of("uplink", uplink.toWire(), "downlink", downlink.toWire());
    }

    @Override
    public String toString() {
        return isNone() ? "no conditions" : "uplink: " + uplink + "; downlink: " + downlink;
    }
}
