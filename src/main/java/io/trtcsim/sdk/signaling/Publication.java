package io.trtcsim.sdk.signaling;

import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.StreamType;
import java.util.Set;

/**
 * What a publish announces besides the offer: the tracks, the stream's type (main or auxiliary),
 * and whether the uplink carries a small stream too (TRTC's dual stream: the offer's second video
 * section).
 */
public record Publication(Set<MediaKind> tracks, StreamType streamType, boolean smallStream) {

    public Publication {
        tracks = Set.copyOf(tracks);
    }

    /** A main stream of these tracks without a small stream: what every stack can publish. */
    public boolean isPlain() {
        return streamType == StreamType.MAIN && !smallStream;
    }
}
