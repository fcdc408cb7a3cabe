package io.trtcsim.media;

/**
 * One user's hold on a {@link MediaEngine}: the user makes its connections and tracks on
 * {@link #engine()}, closes them, then closes the lease. What closing the lease does with the engine
 * is its source's business: dispose it, keep it for the next user, or leave it to its other users.
 */
public interface EngineLease extends AutoCloseable {

    MediaEngine engine();

    @Override
    void close();
}
