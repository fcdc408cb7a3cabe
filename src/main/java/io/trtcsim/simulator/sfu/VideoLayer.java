package io.trtcsim.simulator.sfu;

/** Which of a publisher's video layers a downlink carries: the big stream, or the small one of TRTC's dual stream. */
public enum VideoLayer {
    BIG, SMALL
}
