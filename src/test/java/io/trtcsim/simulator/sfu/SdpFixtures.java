package io.trtcsim.simulator.sfu;

/** Descriptions as libwebrtc (Chrome 12x, webrtc-java) writes them, for the media plane's tests. */
final class SdpFixtures {

    private SdpFixtures() {
    }

    static final String PUBLISHER_UFRAG = "Xk3r";
    static final String PUBLISHER_PWD = "VqzNXcxJ6Fz9nO5hBQWFgXpr";
    static final String PUBLISHER_FINGERPRINT =
            "7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08";
    static final long AUDIO_SSRC = 3735928559L;
    static final long VIDEO_SSRC = 2914369142L;
    static final long VIDEO_RTX_SSRC = 1839512477L;
    static final String CNAME = "m8fGcQ0Yx+RvA1ZT";

    private static final String TRANSPORT = ""
            + "a=candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host generation 0 network-id 1\r\n"
            + "a=candidate:435653019 1 tcp 1518280447 192.168.0.196 9 typ host tcptype active generation 0 network-id 1\r\n"
            + "a=candidate:842163049 1 udp 1686052607 203.0.113.7 46243 typ srflx raddr 192.168.0.196 rport 46243 generation 0 network-id 1\r\n"
            + "a=ice-ufrag:" + PUBLISHER_UFRAG + "\r\n"
            + "a=ice-pwd:" + PUBLISHER_PWD + "\r\n"
            + "a=ice-options:trickle\r\n"
            + "a=fingerprint:sha-256 " + PUBLISHER_FINGERPRINT + "\r\n"
            + "a=setup:actpass\r\n";

    static final String AUDIO_SECTION = ""
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
            + TRANSPORT
            + "a=mid:0\r\n"
            + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
            + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
            + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
            + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
            + "a=sendonly\r\n"
            + "a=msid:kSq0cFqkH4 3b1e0a53-5a4c-4c8e-9d0a-0d3a9e1a4f11\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtcp-rsize\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=rtcp-fb:111 transport-cc\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:63 red/48000/2\r\n"
            + "a=fmtp:63 111/111\r\n"
            + "a=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:13 CN/8000\r\n"
            + "a=rtpmap:110 telephone-event/48000\r\n"
            + "a=rtpmap:126 telephone-event/8000\r\n"
            + "a=ssrc:" + AUDIO_SSRC + " cname:" + CNAME + "\r\n"
            + "a=ssrc:" + AUDIO_SSRC + " msid:kSq0cFqkH4 3b1e0a53-5a4c-4c8e-9d0a-0d3a9e1a4f11\r\n";

    static final String VIDEO_SECTION = ""
            + "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 45 46\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
            + TRANSPORT
            + "a=mid:1\r\n"
            + "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\n"
            + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
            + "a=extmap:13 urn:3gpp:video-orientation\r\n"
            + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
            + "a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay\r\n"
            + "a=extmap:6 http://www.webrtc.org/experiments/rtp-hdrext/video-content-type\r\n"
            + "a=extmap:7 http://www.webrtc.org/experiments/rtp-hdrext/video-timing\r\n"
            + "a=extmap:8 http://www.webrtc.org/experiments/rtp-hdrext/color-space\r\n"
            + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
            + "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
            + "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n"
            + "a=sendonly\r\n"
            + "a=msid:kSq0cFqkH4 9c8b7a65-4321-4fed-8cba-0123456789ab\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtcp-rsize\r\n"
            + "a=rtpmap:96 VP8/90000\r\n"
            + "a=rtcp-fb:96 goog-remb\r\n"
            + "a=rtcp-fb:96 transport-cc\r\n"
            + "a=rtcp-fb:96 ccm fir\r\n"
            + "a=rtcp-fb:96 nack\r\n"
            + "a=rtcp-fb:96 nack pli\r\n"
            + "a=rtpmap:97 rtx/90000\r\n"
            + "a=fmtp:97 apt=96\r\n"
            + "a=rtpmap:102 H264/90000\r\n"
            + "a=rtcp-fb:102 goog-remb\r\n"
            + "a=rtcp-fb:102 transport-cc\r\n"
            + "a=rtcp-fb:102 ccm fir\r\n"
            + "a=rtcp-fb:102 nack\r\n"
            + "a=rtcp-fb:102 nack pli\r\n"
            + "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
            + "a=rtpmap:103 rtx/90000\r\n"
            + "a=fmtp:103 apt=102\r\n"
            + "a=rtpmap:45 AV1/90000\r\n"
            + "a=rtcp-fb:45 nack\r\n"
            + "a=rtpmap:46 rtx/90000\r\n"
            + "a=fmtp:46 apt=45\r\n"
            + "a=ssrc-group:FID " + VIDEO_SSRC + " " + VIDEO_RTX_SSRC + "\r\n"
            + "a=ssrc:" + VIDEO_SSRC + " cname:" + CNAME + "\r\n"
            + "a=ssrc:" + VIDEO_SSRC + " msid:kSq0cFqkH4 9c8b7a65-4321-4fed-8cba-0123456789ab\r\n"
            + "a=ssrc:" + VIDEO_RTX_SSRC + " cname:" + CNAME + "\r\n"
            + "a=ssrc:" + VIDEO_RTX_SSRC + " msid:kSq0cFqkH4 9c8b7a65-4321-4fed-8cba-0123456789ab\r\n";

    static final String APPLICATION_SECTION = ""
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + TRANSPORT
            + "a=mid:2\r\n"
            + "a=sctp-port:5000\r\n"
            + "a=max-message-size:262144\r\n";

    static String session(String bundle) {
        return "v=0\r\n"
                + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE " + bundle + "\r\n"
                + "a=extmap-allow-mixed\r\n"
                + "a=msid-semantic: WMS kSq0cFqkH4\r\n";
    }

    /** A publisher's offer: Opus and VP8 (with RTX, H264, AV1) sent, and a data channel. */
    static final String OFFER = session("0 1 2") + AUDIO_SECTION + VIDEO_SECTION + APPLICATION_SECTION;
}
