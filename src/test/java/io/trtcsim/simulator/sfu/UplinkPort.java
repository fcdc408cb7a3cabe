package io.trtcsim.simulator.sfu;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where a test reaches an uplink the plane answered, and the ICE credentials its checks need. */
record UplinkPort(InetSocketAddress address, String ufrag, String pwd) {

    static UplinkPort of(String answerSdp) throws UnknownHostException {
        MediaSection first = SessionDescription.parse(answerSdp).media().get(0);
        return new UplinkPort(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), first.port()),
                first.attribute("ice-ufrag").orElseThrow(), first.attribute("ice-pwd").orElseThrow());
    }
}
