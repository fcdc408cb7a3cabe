package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketCacheTest {

    private static byte[] packet(int sequence) {
        return RtpHeaderTest.simple(sequence, 0, 1, 4);
    }

    @Test
    void aCachedPacketIsFound() {
        PacketCache cache = new PacketCache();
        byte[] packet = packet(4711);
        cache.put(4711, packet);

        assertThat(cache.get(4711)).containsSame(packet);
        assertThat(cache.get(4712)).isEmpty();
        assertThat(cache.get(4711 - 1)).isEmpty();
    }

    @Test
    void anEmptyCacheMisses() {
        PacketCache cache = new PacketCache();

        assertThat(cache.get(0)).isEmpty();
        assertThat(cache.get(65535)).isEmpty();
    }

    @Test
    void theLast1024PacketsAreKept() {
        PacketCache cache = new PacketCache();
        for (int sequence = 60000; sequence < 60000 + 3000; sequence++) {
            cache.put(sequence & 0xFFFF, packet(sequence & 0xFFFF));
        }

        int newest = (60000 + 2999) & 0xFFFF;
        for (int back = 0; back < PacketCache.SLOTS; back++) {
            int sequence = (newest - back) & 0xFFFF;
            assertThat(cache.get(sequence)).as("%d packets back", back)
                    .hasValueSatisfying(p -> assertThat(Bytes.u16(p, 2)).isEqualTo(sequence));
        }
        assertThat(cache.get((newest - PacketCache.SLOTS) & 0xFFFF)).as("1024 back: overwritten").isEmpty();
        assertThat(cache.get((newest - 2000) & 0xFFFF)).isEmpty();
    }

    @Test
    void aPacketOverwrittenBy1024LaterIsGone() {
        PacketCache cache = new PacketCache();
        cache.put(5, packet(5));
        cache.put(5 + 1024, packet(5 + 1024));

        assertThat(cache.get(5)).isEmpty();
        assertThat(cache.get(5 + 1024)).isPresent();
        cache.put(65535, packet(65535));
        assertThat(cache.get(1023)).isEmpty();
        cache.put(1023, packet(1023));
        assertThat(cache.get(65535)).as("65535 and 1023 share a slot").isEmpty();
        assertThat(cache.get(1023)).isPresent();
    }
}
