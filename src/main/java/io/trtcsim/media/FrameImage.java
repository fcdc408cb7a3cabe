package io.trtcsim.media;

/** A copy of one rendered picture's I420 planes (tightly packed), kept for snapshots in reports. */
public record FrameImage(int width, int height, byte[] y, byte[] u, byte[] v, long arrivalMicros) {
}
