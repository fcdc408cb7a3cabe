package io.trtcsim.simulator.sfu;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one link saw and did, for the simulator's view of its media plane (counters only grow). */
final class LinkCounters {

    /** Why an incoming datagram was not used. */
    enum Drop {
        NOT_STUN_DTLS_OR_RTP, STUN_REFUSED, FROM_UNKNOWN_ADDRESS, BEFORE_DTLS, MALFORMED, OVERSIZED,
        UNKNOWN_SSRC, SRTP_AUTH_FAILED, DTLS_QUEUE_FULL, OTHER
    }

    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong rtcpIn = new AtomicLong();
    final AtomicLong rtcpOut = new AtomicLong();
    final AtomicLong nacksIn = new AtomicLong();
    final AtomicLong nacksOut = new AtomicLong();
    final AtomicLong nackedPacketsResent = new AtomicLong();
    final AtomicLong plisIn = new AtomicLong();
    final AtomicLong plisOut = new AtomicLong();
    final AtomicLong stunChecks = new AtomicLong();
    private final Map<Drop, AtomicLong> drops = new EnumMap<>(Drop.class);
    private volatile long bitrateIn;
    private volatile long bitrateOut;
    private long lastBytesIn;
    private long lastBytesOut;
    private long lastSampleNanos;

    LinkCounters() {
        for (Drop drop : Drop.values()) {
            drops.put(drop, new AtomicLong());
        }
    }

    void dropped(Drop why) {
        drops.get(why).incrementAndGet();
    }

    long dropped() {
        return drops.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Called about once a second by the plane's timer: bitrates over the last interval. */
    synchronized void sample(long nowNanos) {
        if (lastSampleNanos != 0 && nowNanos > lastSampleNanos) {
            double seconds = (nowNanos - lastSampleNanos) / 1e9;
            bitrateIn = (long) ((bytesIn.get() - lastBytesIn) * 8 / seconds);
            bitrateOut = (long) ((bytesOut.get() - lastBytesOut) * 8 / seconds);
        }
        lastBytesIn = bytesIn.get();
        lastBytesOut = bytesOut.get();
        lastSampleNanos = nowNanos;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("packetsIn", packetsIn.get());
        map.put("bytesIn", bytesIn.get());
        map.put("bitrateIn", bitrateIn);
        map.put("packetsOut", packetsOut.get());
        map.put("bytesOut", bytesOut.get());
        map.put("bitrateOut", bitrateOut);
        map.put("rtcpIn", rtcpIn.get());
        map.put("rtcpOut", rtcpOut.get());
        map.put("nacksIn", nacksIn.get());
        map.put("nacksOut", nacksOut.get());
        map.put("retransmitted", nackedPacketsResent.get());
        map.put("plisIn", plisIn.get());
        map.put("plisOut", plisOut.get());
        map.put("stunChecks", stunChecks.get());
        Map<String, Long> dropped = new LinkedHashMap<>();
        drops.forEach((why, count) -> {
            if (count.get() > 0) {
                dropped.put(why.name().toLowerCase(), count.get());
            }
        });
        map.put("dropped", dropped);
        return map;
    }

    long bitrateIn() {
        return bitrateIn;
    }

    long bitrateOut() {
        return bitrateOut;
    }
}
