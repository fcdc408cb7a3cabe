package io.trtcsim.media;

import java.util.Map;

/**
 * One getStats() entry of interest, sampled during a call: which connection, when, the entry's
 * type (inbound-rtp, outbound-rtp, remote-inbound-rtp, candidate-pair, codec) and kind, and its
 * values as libwebrtc names them (packetsLost, jitter, framesDecoded, framesPerSecond, ...).
 */
public record StatsSample(long atMicros, String link, String type, String kind, Map<String, Object> values) {
}
