package io.trtcsim.simulator.sfu;

import java.util.Optional;

/**
 * The last {@value #SLOTS} packets of one SSRC by sequence number, for answering NACKs without
 * asking the publisher. At 30 fps of 640x360 that is about two seconds of video.
 */
final class PacketCache {

    static final int SLOTS = 1024;

    private final byte[][] packets = new byte[SLOTS][];
    private final int[] sequences = new int[SLOTS];

    synchronized void put(int sequence, byte[] packet) {
        int slot = sequence & (SLOTS - 1);
        packets[slot] = packet;
        sequences[slot] = sequence;
    }

    synchronized Optional<byte[]> get(int sequence) {
        int slot = sequence & (SLOTS - 1);
        return packets[slot] != null && sequences[slot] == sequence ? Optional.of(packets[slot]) : Optional.empty();
    }
}
