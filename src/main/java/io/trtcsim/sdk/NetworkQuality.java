package io.trtcsim.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a 'network-quality' event reports: TRTC's qualities (0 unknown, 1 excellent, 2 good, 3 poor,
 * 4 bad, 5 very bad, 6 disconnected) for the uplink and the downlink, with the round-trip time (ms)
 * and packet loss (%) they were rated from. TRTC does not publish its rating rule; this SDK's rule
 * is {@link #rate} (docs/conformance.md).
 */
public record NetworkQuality(int uplinkNetworkQuality, int downlinkNetworkQuality, long uplinkRTT, long uplinkLoss,
                             long downlinkRTT, long downlinkLoss) {

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

    /** The event's fields by their TRTC names, as the journal and the steps read them. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("uplinkNetworkQuality", String.valueOf(uplinkNetworkQuality));
        details.put("downlinkNetworkQuality", String.valueOf(downlinkNetworkQuality));
        details.put("uplinkRTT", String.valueOf(uplinkRTT));
        details.put("uplinkLoss", String.valueOf(uplinkLoss));
        details.put("downlinkRTT", String.valueOf(downlinkRTT));
        details.put("downlinkLoss", String.valueOf(downlinkLoss));
        return details;
    }

    /** Reads the fields back from an event's details. */
    public static NetworkQuality of(Map<String, String> details) {
        return new NetworkQuality(number(details, "uplinkNetworkQuality"), number(details, "downlinkNetworkQuality"),
                number(details, "uplinkRTT"), number(details, "uplinkLoss"), number(details, "downlinkRTT"),
                number(details, "downlinkLoss"));
    }

    private static int number(Map<String, String> details, String key) {
        String value = details.get(key);
        if (value == null) {
            throw new IllegalArgumentException("a network-quality event without " + key + ": " + details);
        }
        return Integer.parseInt(value);
    }
}
