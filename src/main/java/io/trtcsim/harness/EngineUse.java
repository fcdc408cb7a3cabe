package io.trtcsim.harness;

/** Whose libwebrtc engine a participant's peer connections run on. */
public enum EngineUse {

    /** Its own, as a browser tab: it may publish, and its engine's threads serve it alone. */
    OWN,

    /**
     * The scenario's shared receive engine, with the other receive-only participants: one set of
     * libwebrtc threads and one audio playout for all of them. It may not publish.
     */
    SHARED
}
