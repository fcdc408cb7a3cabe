package io.trtcsim.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One WebSocket frame as the fuzzer sends it or reads it: its opcode and payload (RFC 6455 §5.2).
 * {@code claimedLength}, when not -1, is the length the header announces instead of the payload's own:
 * a frame that lies about its size.
 */
record Frame(int opcode, byte[] payload, long claimedLength) {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static Frame text(String text) {
        return new Frame(TEXT, text.getBytes(StandardCharsets.UTF_8), -1);
    }

    static Frame textBytes(byte[] bytes) {
        return new Frame(TEXT, bytes, -1);
    }

    static Frame binary(byte[] bytes) {
        return new Frame(BINARY, bytes, -1);
    }

    /** A header announcing {@code claimedLength} bytes, followed by only {@code payload}. */
    static Frame lyingAbout(long claimedLength, byte[] payload) {
        return new Frame(TEXT, payload, claimedLength);
    }

    long announcedLength() {
        return claimedLength >= 0 ? claimedLength : payload.length;
    }

    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame; 1005 (none given) when it carries none. */
    int closeCode() {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }
}
