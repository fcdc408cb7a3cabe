package io.trtcsim.harness;

/** Whose libwebrtc engine a participant's peer connections run on, if any. */
public enum EngineUse {

    /** Its own, as a browser tab: it may publish, and its engine's threads serve it alone. */
    OWN("its own engine"),

    /**
     * The scenario's shared receive engine, with the other receive-only participants: one set of
     * libwebrtc threads and one audio playout for all of them. It may not publish.
     */
    SHARED("the shared receive engine"),

    /** None: a signaling-only participant never loads libwebrtc. */
    NONE("no engine");

    private final String description;

    EngineUse(String description) {
        this.description = description;
    }

    /** As a failure message says it: "its own engine", "the shared receive engine", "no engine". */
    public String describe() {
        return description;
    }
}
