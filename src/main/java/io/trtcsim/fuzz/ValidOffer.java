package io.trtcsim.fuzz;

/**
 * An uplink offer as libwebrtc writes one (audio and video, send-only, all candidates), that the
 * simulator's media plane accepts: publish races then really allocate and drop media links.
 */
final class ValidOffer {

    private ValidOffer() {
    }

    private static final String TRANSPORT = ""
            + "a=candidate:1467250027 1 udp 2122260223 127.0.0.1 46243 typ host generation 0\r\n"
            + "a=ice-ufrag:Xk3r\r\n"
            + "a=ice-pwd:VqzNXcxJ6Fz9nO5hBQWFgXpr\r\n"
            + "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r\n"
            + "a=setup:actpass\r\n";

    static final String SDP = ""
            + "v=0\r\n"
            + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "t=0 0\r\n"
            + "a=group:BUNDLE 0 1\r\n"
            + "a=msid-semantic: WMS fuzz\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
            + TRANSPORT
            + "a=mid:0\r\n"
            + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
            + "a=sendonly\r\n"
            + "a=msid:fuzz audio-track\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=ssrc:3735928559 cname:fuzzcname\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
            + TRANSPORT
            + "a=mid:1\r\n"
            + "a=sendonly\r\n"
            + "a=msid:fuzz video-track\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtpmap:96 VP8/90000\r\n"
            + "a=rtcp-fb:96 nack\r\n"
            + "a=rtcp-fb:96 nack pli\r\n"
            + "a=ssrc:2914369142 cname:fuzzcname\r\n";
}
