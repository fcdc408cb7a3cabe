package io.trtcsim.load;

/** What a participant of a load run does in its room; the short name goes into its userId ("s0-pub-1"). */
public enum LoadRole {
    /** Publishes synthetic audio and video of the run's profile. */
    PUBLISHER("pub"),
    /** Subscribes to every stream added in its room and renders it: the streams a run measures. */
    SUBSCRIBER("sub"),
    /** Joins in 'live' mode as 'audience' and takes no media: the cost of signaling alone. */
    AUDIENCE("aud");

    private final String shortName;

    LoadRole(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }
}
