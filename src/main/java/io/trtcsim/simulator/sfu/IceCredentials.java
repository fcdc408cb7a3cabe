package io.trtcsim.simulator.sfu;

import java.security.SecureRandom;

/** A link's ICE ufrag and password (RFC 8839: at least 4 and 22 characters of ice-char). */
record IceCredentials(String ufrag, String pwd) {

    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    static IceCredentials random(SecureRandom random) {
        return new IceCredentials(text(random, 8), text(random, 24));
    }

    private static String text(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return text.toString();
    }
}
