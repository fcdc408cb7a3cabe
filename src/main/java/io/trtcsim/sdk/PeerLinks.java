package io.trtcsim.sdk;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import io.trtcsim.media.PeerLink;

/** What the SDK asks of a peer connection's state. */
final class PeerLinks {

    private PeerLinks() {
    }

    /** A connection that will not recover by itself (ICE restarts are not used here): it must be replaced. */
    static boolean isBroken(PeerLink link) {
        RTCPeerConnectionState state = link.state();
        return state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED;
    }
}
