package io.trtcsim.media;

/**
 * One frame a sink rendered: when it arrived, its size, and the marker read from its picture
 * (sequence -1 and capture time -1 when the picture carried no readable marker).
 */
public record RenderedFrame(long arrivalMicros, int width, int height, long sequence, long captureMicros) {

    public boolean hasMarker() {
        return sequence >= 0;
    }

    /** Capture-to-render latency in microseconds, or -1 without a marker. */
    public long latencyMicros() {
        return hasMarker() ? arrivalMicros - captureMicros : -1;
    }
}
