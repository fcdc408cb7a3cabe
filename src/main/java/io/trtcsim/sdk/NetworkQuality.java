package io.trtcsim.sdk;


/**
 * What a 'network-quality' event reports: TRTC's qualities (0 unknown, 1 excellent, 2 good, 3 poor,
 * 4 bad, 5 very bad, 6 disconnected) for the uplink and the downlink, with the round-trip time (ms)
 * and packet loss (%) they were rated from. TRTC does not publish its rating rule; this SDK's rule
 * is {@link #rate} (docs/conformance.md).
 */
public record NetworkQuality(int uplinkNetworkQuality, int downlinkNetworkQuality, long uplinkRTT, long uplinkLoss,
                             long downlinkRTT, long downlinkLoss) implements EventPayload {

    public static final int UNKNOWN = 0;
    public static final int EXCELLENT = 1;
    public static final int GOOD = 2;
    public static final int POOR = 3;
    public static final int BAD = 4;
    public static final int VERY_BAD = 5;
    public static final int DISCONNECTED = 6;

    /** The best quality whose limits both figures keep within: {loss %, RTT ms} of 1, 3 / 100, 200 / ... */
    private static final double[][] LIMITS = {
            {1, 100},   // excellent
            {3, 200},   // good
            {8, 300},   // poor
            {15, 500},  // bad
    };

    /** The quality of a connection with this loss (%) and round-trip time (ms); NaN figures are not known. */
    public static int rate(double lossPercent, double rttMillis) {
        if (Double.isNaN(lossPercent) && Double.isNaN(rttMillis)) {
            return UNKNOWN;
        }
        double loss = Double.isNaN(lossPercent) ? 0 : lossPercent;
        double rtt = Double.isNaN(rttMillis) ? 0 : rttMillis;
        for (int i = 0; i < LIMITS.length; i++) {
            if (loss <= LIMITS[i][0] && rtt <= LIMITS[i][1]) {
                return EXCELLENT + i;
            }
        }
        return VERY_BAD;
    }

    /** The event's fields by their TRTC names, as the journal shows them. */
    @Override
    public String toString() {
        return "{uplinkNetworkQuality=" + uplinkNetworkQuality + ", downlinkNetworkQuality=" + downlinkNetworkQuality
                + ", uplinkRTT=" + uplinkRTT + ", uplinkLoss=" + uplinkLoss + ", downlinkRTT=" + downlinkRTT
                + ", downlinkLoss=" + downlinkLoss + "}";
    }
}
