package io.trtcsim.simulator.sfu;

/** A session description the media plane cannot take: says what was wrong with it. */
public final class SdpException extends RuntimeException {

    public SdpException(String message) {
        super(message);
    }
}
