package io.trtcsim.fuzz;

import java.util.List;

/**
 * What one fuzz connection does: the frames it sends, in order, and how it ends.
 *
 * @param index     the scenario's number in the run; its content depends only on the seed and this
 * @param category  what its frames are counted as
 * @param frames    sent one after the other, without waiting for replies
 * @param ending    what happens after the last frame
 * @param cutLast   with {@link Ending#ABRUPT_FIN} or {@link Ending#ABRUPT_RST}: the last frame is sent only
 *                  half (its header and part of its payload) before the TCP close
 */
record Scenario(long index, Category category, List<Frame> frames, Ending ending, boolean cutLast) {

    enum Ending {
        /** A heartbeat marker is sent and the replies are read up to its answer, then a close frame. */
        AWAIT_REPLIES,
        /** The last frame makes the server close: read until its close frame (or the TCP close). */
        SERVER_CLOSES,
        /** A close frame right after the last frame, without reading. */
        CLOSE_AT_ONCE,
        /** The TCP connection is closed (FIN) without a close frame. */
        ABRUPT_FIN,
        /** The TCP connection is reset (RST) without a close frame. */
        ABRUPT_RST
    }
}
