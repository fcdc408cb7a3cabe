package io.trtcsim.simulator.sfu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subscriber's link: forwarded packets go out re-encrypted for it; its feedback is answered
 * here (NACK from the uplink's cache) or passed on (PLI and FIR become a key frame request to the
 * publisher); its receiver reports and REMB are kept for the plane's view.
 */
final class Downlink implements MediaTransport.Receiver {

    private final String subscriberId;
    private final MediaTransport transport;
    private final StreamForwarder forwarder;
    /** The tracks this downlink offered (one video layer of the stream, its audio): no other SSRC goes out on it. */
    private final List<ForwardedTrack> offered;
    private volatile Set<SdpMediaType> receivedKinds = Set.of();
    private volatile Rtcp.ReportBlock lastReport;
    private volatile long subscriberEstimate = -1;

    Downlink(String subscriberId, MediaTransport transport, StreamForwarder forwarder, List<ForwardedTrack> offered) {
        this.subscriberId = subscriberId;
        this.transport = transport;
        this.forwarder = forwarder;
        this.offered = List.copyOf(offered);
    }

    /** What this downlink's offer carried: its answer is read against these. */
    List<ForwardedTrack> offered() {
        return offered;
    }

    MediaTransport transport() {
        return transport;
    }

    void receivedKinds(Set<SdpMediaType> kinds) {
        receivedKinds = kinds;
    }

    /**
     * Whether this downlink offered that track. Per packet on the uplink's receive thread: a walk
     * over its two or three tracks, no boxing of the SSRC into a set lookup.
     */
    private boolean carries(ForwardedTrack track) {
        for (ForwardedTrack mine : offered) {
            if (mine.ssrc() == track.ssrc()) {
                return true;
            }
        }
        return false;
    }

    /** From the uplink's receive thread. */
    void forward(ForwardedTrack track, byte[] packet) {
        if (!carries(track) || !receivedKinds.contains(track.kind()) || !transport.isConnected()) {
            return;
        }
        transport.sendRtp(packet, packet.length, track.ssrc());
    }

    void forwardRtcp(ForwardedTrack track, byte[] compound) {
        if (carries(track) && receivedKinds.contains(track.kind()) && transport.isConnected()) {
            transport.sendRtcp(compound);
        }
    }

    @Override
    public boolean acceptsRtp(long ssrc) {
        return false;
    }

    @Override
    public void onRtp(byte[] packet, RtpHeader header, long arrivalNanos) {
        // A subscriber sends no media on its downlink; acceptsRtp refuses it before decryption.
    }

    @Override
    public void onRtcp(byte[] packet, List<Rtcp.Part> parts, long arrivalNanos) {
        for (Rtcp.Part part : parts) {
            switch (part.type()) {
                case Rtcp.RR, Rtcp.SR -> Rtcp.reportBlocks(part).stream().findFirst().ifPresent(block -> lastReport = block);
                case Rtcp.RTPFB -> {
                    if (part.format() == Rtcp.FMT_NACK) {
                        resend(part);
                    }
                }
                case Rtcp.PSFB -> {
                    if (part.format() == Rtcp.FMT_PLI || part.format() == Rtcp.FMT_FIR) {
                        transport.counters().plisIn.incrementAndGet();
                        forwarder.requestKeyFrame(this);
                    } else if (part.format() == Rtcp.FMT_AFB) {
                        long bitrate = Rtcp.rembBitrate(part);
                        if (bitrate >= 0) {
                            subscriberEstimate = bitrate;
                        }
                    }
                }
                default -> { }
            }
        }
    }

    private void resend(Rtcp.Part nack) {
        transport.counters().nacksIn.incrementAndGet();
        long mediaSsrc = nack.mediaSsrc();
        for (int sequence : Rtcp.nackedSequences(nack)) {
            Optional<byte[]> cached = forwarder.cached(mediaSsrc, sequence);
            if (cached.isPresent()) {
                transport.sendRtp(cached.get(), cached.get().length, mediaSsrc);
                transport.counters().nackedPacketsResent.incrementAndGet();
            }
        }
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("link", "downlink");
        view.put("name", transport.name());
        view.put("subscriber", subscriberId);
        view.put("owner", transport.owner().toString());
        view.put("port", transport.port());
        view.put("peer", transport.peerAddress().map(Object::toString).orElse(""));
        view.put("connected", transport.isConnected());
        view.put("kinds", receivedKinds.stream().map(SdpMediaType::sdp).sorted().toList());
        view.putAll(transport.counters().toMap());
        Rtcp.ReportBlock report = lastReport;
        if (report != null) {
            view.put("reportedFractionLost", Math.round(report.fractionLost() / 2.56) / 100.0);
            view.put("reportedPacketsLost", report.cumulativeLost());
            view.put("reportedJitter", report.jitter());
        }
        view.put("subscriberRemb", subscriberEstimate);
        return view;
    }
}
