package io.trtcsim.simulator.sfu.netem;

import java.util.random.RandomGenerator;

/**
 * Which packets a lossy link loses: independently at the given share, or, when the mean burst is
 * longer than one packet, by the Gilbert–Elliott two-state model (a good state that loses nothing,
 * a bad one that loses everything), as libwebrtc's simulated network does. Leaving the bad state
 * has probability 1/burst, so runs of losses have that mean length; entering it has the
 * probability that makes the long-run share of losses equal the asked one. Not thread-safe: its
 * path calls it under the path's lock.
 */
final class BurstLoss {

    private boolean inBurst;

    boolean lose(double lossPercent, double meanBurst, RandomGenerator random) {
        double share = lossPercent / 100;
        if (share <= 0) {
            inBurst = false;
            return false;
        }
        if (share >= 1) {
            return true;
        }
        if (meanBurst <= 1) {
            inBurst = false;
            return random.nextDouble() < share;
        }
        double leave = 1 / meanBurst;
        double enter = share * leave / (1 - share);
        if (enter > 1) {
            // A share this high cannot be reached with bursts this short: the good state lasts one
            // packet, and the bursts grow as much as the share needs (mean share / (1 - share)).
            enter = 1;
            leave = (1 - share) / share;
        }
        inBurst = inBurst ? random.nextDouble() >= leave : random.nextDouble() < enter;
        return inBurst;
    }
}
