package io.trtcsim.simulator.sfu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A publisher's link: what arrives is counted per SSRC, cached for retransmission, and handed to
 * the forwarder; gaps are NACKed; the periodic report tells the publisher the loss and jitter the
 * plane saw (RR) and how much it may send (REMB); key frames are asked for, rate-limited.
 */
final class Uplink implements MediaTransport.Receiver {

    /** One key frame request per this interval at most; a later one is deferred, not lost. */
    static final long KEY_FRAME_INTERVAL_NANOS = 250_000_000L;
    static final int NACK_ATTEMPTS = 3;
    static final long NACK_GIVE_UP_NANOS = 1_000_000_000L;
    static final long MAX_BITRATE = 2_500_000;
    static final long MIN_BITRATE = 100_000;
    /**
     * Nothing from the publisher for this long is a silence (an outage, a stalled sender), not a
     * lossy link: what went missing in it is neither NACKed (too old to help, and beyond the SRTP
     * replay window when it comes) nor counted against the estimate, as libwebrtc's receivers keep
     * 500 ms of arrival history (TransportFeedback's back window).
     */
    static final long SILENCE_NANOS = TransportFeedback.BACK_WINDOW_MICROS * 1000;

    private final MediaTransport transport;
    private final List<ForwardedTrack> tracks;
    /** The offer's second video section is the publisher's small stream (TRTC's dual stream). */
    private final boolean smallStream;
    private final StreamForwarder forwarder;
    private final long ownSsrc;
    private final Map<Long, TrackState> states = new LinkedHashMap<>();
    /** Per video SSRC (each layer of a dual stream asks its own encoder): when a PLI last went out, and whether one waits. */
    private final Map<Long, AtomicLong> lastKeyFrameRequest = new ConcurrentHashMap<>();
    private final Map<Long, AtomicBoolean> keyFrameDeferred = new ConcurrentHashMap<>();
    private volatile long estimate = MAX_BITRATE;
    /** Whether a packet came after a silence since the last report. */
    private volatile boolean silenceEnded;
    private final TransportFeedback transportFeedback = new TransportFeedback();
    private final int transportCcId;

    /** What the plane knows of one of the publisher's SSRCs. */
    private static final class TrackState {
        final ForwardedTrack track;
        final ReceiveStatistics statistics;
        final PacketCache cache = new PacketCache();
        /** Sequence numbers NACKed and not yet arrived: first request time and attempts. */
        final Map<Integer, long[]> missing = new ConcurrentHashMap<>();
        long lostAtLastReport;
        long receivedAtLastReport;
        /** Arrival of the latest packet, on the receive thread only. */
        long lastArrivalNanos;

        TrackState(ForwardedTrack track) {
            this.track = track;
            this.statistics = new ReceiveStatistics(track.ssrc(), track.clockRate());
        }
    }

    /** {@code withSmallStream}: the publisher announced a small stream; it is one when the offer has a second video section. */
    Uplink(MediaTransport transport, List<ForwardedTrack> tracks, boolean withSmallStream, StreamForwarder forwarder,
           long ownSsrc) {
        this.transport = transport;
        this.tracks = tracks;
        this.smallStream = withSmallStream && videoTracks().size() >= 2;
        this.forwarder = forwarder;
        this.ownSsrc = ownSsrc;
        for (ForwardedTrack track : tracks) {
            states.put(track.ssrc(), new TrackState(track));
        }
        // One transport, one sequence space: every section of a BUNDLE offer uses the same id.
        this.transportCcId = tracks.stream().mapToInt(ForwardedTrack::transportCcId).filter(id -> id > 0).findFirst().orElse(0);
    }

    MediaTransport transport() {
        return transport;
    }

    List<ForwardedTrack> tracks() {
        return tracks;
    }

    boolean hasSmallStream() {
        return smallStream;
    }

    /**
     * The tracks a downlink of that layer carries: every audio track and one video track, the
     * first (big) or, with a small stream, the second (small). Without a small stream a stream's
     * every track goes to every downlink, as before dual streams.
     *
     * @throws IllegalArgumentException for the small layer of an uplink without one
     */
    List<ForwardedTrack> tracksFor(VideoLayer layer) {
        if (!smallStream) {
            if (layer == VideoLayer.SMALL) {
                throw new IllegalArgumentException("the uplink " + transport.name() + " has no small stream");
            }
            return tracks;
        }
        ForwardedTrack video = videoTracks().get(layer == VideoLayer.SMALL ? 1 : 0);
        return tracks.stream().filter(track -> track.kind() != SdpMediaType.VIDEO || track == video).toList();
    }

    private List<ForwardedTrack> videoTracks() {
        return tracks.stream().filter(track -> track.kind() == SdpMediaType.VIDEO).toList();
    }

    Optional<ForwardedTrack> track(long ssrc) {
        TrackState state = states.get(ssrc);
        return state == null ? Optional.empty() : Optional.of(state.track);
    }

    @Override
    public boolean acceptsRtp(long ssrc) {
        return states.containsKey(ssrc);
    }

    @Override
    public void onRtp(byte[] packet, RtpHeader header, long arrivalNanos) {
        TrackState state = states.get(header.ssrc());
        if (transportCcId > 0) {
            TransportFeedback.sequenceOf(packet, header, transportCcId)
                    .ifPresent(sequence -> transportFeedback.received(sequence, arrivalNanos / 1000));
        }
        int[] gap = state.statistics.received(header.sequence(), header.timestamp(), arrivalNanos);
        boolean afterSilence = state.lastArrivalNanos != 0 && arrivalNanos - state.lastArrivalNanos > SILENCE_NANOS;
        state.lastArrivalNanos = Math.max(state.lastArrivalNanos, arrivalNanos);
        if (afterSilence) {
            silenceEnded = true;
            state.statistics.excludeLastGapFromInterval();
            // What the subscribers got stops before the silence: they need a key frame to go on,
            // and asking now saves them the wait for their own requests to come round.
            forwarder.requestKeyFrame();
        }
        state.missing.remove(header.sequence());
        state.cache.put(header.sequence(), packet);
        if (gap.length > 0 && !afterSilence && state.track.codec().feedback().contains("nack")) {
            List<Integer> asked = new ArrayList<>();
            for (int sequence : gap) {
                state.missing.put(sequence, new long[] {arrivalNanos, 1});
                asked.add(sequence);
            }
            sendNack(state, asked);
        }
        forwarder.forward(state.track, packet, header);
    }

    @Override
    public void onRtcp(byte[] packet, List<Rtcp.Part> parts, long arrivalNanos) {
        Rtcp.Part first = parts.get(0);
        if (first.type() == Rtcp.SR) {
            TrackState state = states.get(first.senderSsrc());
            if (state != null) {
                state.statistics.senderReport(Rtcp.senderReportNtpMiddle(first), arrivalNanos);
                forwarder.forwardSenderReport(state.track, packet);
            }
        }
    }

    /** Transport-wide feedback for what arrived since the last one, when negotiated. */
    void sendTransportFeedback() {
        if (transportCcId <= 0) {
            return;
        }
        long mediaSsrc = tracks.get(0).ssrc();
        for (int i = 0; i < 8; i++) {
            Optional<byte[]> feedback = transportFeedback.build(ownSsrc, mediaSsrc);
            if (feedback.isEmpty()) {
                return;
            }
            transport.sendRtcp(feedback.get());
        }
    }

    /** NACKs still unanswered are asked again, a few times, then given up. */
    void retryNacks(long nowNanos) {
        for (TrackState state : states.values()) {
            List<Integer> again = new ArrayList<>();
            state.missing.entrySet().removeIf(entry -> {
                long[] request = entry.getValue();
                if (nowNanos - request[0] > NACK_GIVE_UP_NANOS || request[1] >= NACK_ATTEMPTS) {
                    return true;
                }
                request[1]++;
                again.add(entry.getKey());
                return false;
            });
            if (!again.isEmpty()) {
                sendNack(state, again);
            }
        }
    }

    private void sendNack(TrackState state, List<Integer> sequences) {
        transport.sendRtcp(Rtcp.nack(ownSsrc, state.track.ssrc(), sequences));
        transport.counters().nacksOut.incrementAndGet();
    }

    /**
     * The periodic report: a receiver report block per SSRC and a REMB. The estimate follows the
     * loss the plane measured, as a loss-based controller does (RFC 8698's spirit): above 10 %
     * it falls with the loss, below 2 % it grows by 8 % a second, up to {@value #MAX_BITRATE} b/s.
     * An interval in which a silence ended leaves it as it was (see {@link #SILENCE_NANOS}).
     */
    void report(long nowNanos) {
        if (!transport.isConnected()) {
            return;
        }
        List<Rtcp.ReportBlock> blocks = new ArrayList<>();
        double worstLoss = 0;
        for (TrackState state : states.values()) {
            Optional<Rtcp.ReportBlock> block = state.statistics.report(nowNanos);
            block.ifPresent(blocks::add);
            long lost = state.statistics.cumulativeLost();
            long received = state.statistics.packetsReceived();
            long lostInterval = lost - state.lostAtLastReport;
            long receivedInterval = received - state.receivedAtLastReport;
            if (lostInterval + receivedInterval > 0) {
                worstLoss = Math.max(worstLoss, Math.max(0, lostInterval) / (double) (Math.max(0, lostInterval) + receivedInterval));
            }
            state.lostAtLastReport = lost;
            state.receivedAtLastReport = received;
        }
        long incoming = transport.counters().bitrateIn();
        if (silenceEnded) {
            // The interval holds the silence's gap: the estimate holds, the next interval judges.
            silenceEnded = false;
        } else if (worstLoss > 0.10) {
            estimate = Math.max(MIN_BITRATE, (long) (Math.min(estimate, Math.max(incoming, MIN_BITRATE)) * (1 - 0.5 * worstLoss)));
        } else if (worstLoss < 0.02) {
            estimate = Math.min(MAX_BITRATE, (long) (estimate * 1.08));
        }
        List<Long> ssrcs = tracks.stream().map(ForwardedTrack::ssrc).toList();
        transport.sendRtcp(Rtcp.compound(Rtcp.receiverReport(ownSsrc, blocks), Rtcp.remb(ownSsrc, estimate, ssrcs)));
    }

    /** Asks the publisher for a key frame of its video (PLI), at most once per interval. */
    /** A key frame of every video track (after a silence every layer's subscribers need one). */
    void requestKeyFrame() {
        videoTracks().forEach(track -> requestKeyFrame(track.ssrc()));
    }

    /** A key frame of that video track: a PLI at most every 250 ms per track, a later one deferred to then. */
    void requestKeyFrame(long videoSsrc) {
        if (!transport.isConnected() || tracks.stream().noneMatch(track -> track.ssrc() == videoSsrc
                && track.kind() == SdpMediaType.VIDEO)) {
            return;
        }
        AtomicLong lastRequest = lastKeyFrameRequest.computeIfAbsent(videoSsrc, ssrc -> new AtomicLong());
        AtomicBoolean deferred = keyFrameDeferred.computeIfAbsent(videoSsrc, ssrc -> new AtomicBoolean());
        long now = System.nanoTime();
        long last = lastRequest.get();
        if (now - last >= KEY_FRAME_INTERVAL_NANOS && lastRequest.compareAndSet(last, now)) {
            transport.sendRtcp(Rtcp.pictureLossIndication(ownSsrc, videoSsrc));
            transport.counters().plisOut.incrementAndGet();
        } else if (deferred.compareAndSet(false, true)) {
            long wait = Math.max(1, KEY_FRAME_INTERVAL_NANOS - (now - last));
            forwarder.plane().timer().schedule(() -> {
                deferred.set(false);
                requestKeyFrame(videoSsrc);
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    Optional<byte[]> cached(long ssrc, int sequence) {
        TrackState state = states.get(ssrc);
        return state == null ? Optional.empty() : state.cache.get(sequence);
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("link", "uplink");
        view.put("name", transport.name());
        view.put("owner", transport.owner().toString());
        view.put("port", transport.port());
        view.put("peer", transport.peerAddress().map(Object::toString).orElse(""));
        view.put("connected", transport.isConnected());
        view.putAll(transport.counters().toMap());
        view.put("remb", estimate);
        List<Map<String, Object>> ssrcs = new ArrayList<>();
        for (TrackState state : states.values()) {
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("ssrc", state.track.ssrc());
            track.put("kind", state.track.kind().sdp());
            track.put("codec", state.track.codec().rtpmap());
            track.put("packetsReceived", state.statistics.packetsReceived());
            track.put("packetsLost", state.statistics.cumulativeLost());
            track.put("jitterMs", Math.round(state.statistics.jitterMillis() * 10) / 10.0);
            ssrcs.add(track);
        }
        view.put("tracks", ssrcs);
        return view;
    }
}
