package io.trtcsim.sdk;

import java.util.Map;
import java.util.TreeMap;

/**
 * audio-volume: TRTC's {@code event.result} as userId → audioVolume (0..100), one entry per stream
 * measured (the client's own published audio under its own userId).
 */
public record AudioVolumes(Map<String, Integer> result) implements EventPayload {

    public AudioVolumes {
        result = Map.copyOf(result);
    }

    @Override
    public String toString() {
        return new TreeMap<>(result).toString();
    }
}
