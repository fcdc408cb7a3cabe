package io.trtcsim.usersig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the big-endian userbuf of Tencent's {@code genUserBuf}: version(1), accountLen(2), account,
 * sdkappid(4), roomId(4), expireTime(4), privilegeMap(4), accountType(4), and for version 1 only
 * strRoomIdLen(2), strRoomId. Every read is bounds-checked so a short buffer names the field it lacked.
 */
final class UserBufReader {

    private static final int NUMERIC_ROOM = 0;
    private static final int STRING_ROOM = 1;

    private final byte[] buf;
    private int pos;

    UserBufReader(byte[] buf) {
        this.buf = buf;
    }

    PrivateMapKey read() {
        int version = u8("version");
        if (version != NUMERIC_ROOM && version != STRING_ROOM) {
            throw malformed("unknown userbuf version " + version + " (expected 0 or 1)");
        }
        String account = string("account");
        long sdkAppId = u32("sdkappid");
        long roomId = u32("roomId");
        long expireTime = u32("expireTime");
        int privilegeMap = (int) u32("privilegeMap");
        long accountType = u32("accountType");
        Optional<String> strRoomId = version == STRING_ROOM ? Optional.of(string("strRoomId")) : Optional.empty();
        if (pos != buf.length) {
            // Trailing bytes mean a layout we do not understand; better refuse than half-read it.
            throw malformed((buf.length - pos) + " unexpected trailing byte(s) after offset " + pos);
        }
        return new PrivateMapKey(account, sdkAppId, roomId, Instant.ofEpochSecond(expireTime), privilegeMap,
                accountType, strRoomId);
    }

    private int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    private long u32(String field) {
        need(4, field);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (buf[pos++] & 0xFF);
        }
        return value;
    }

    private String string(String field) {
        need(2, field + " length");
        int length = ((buf[pos++] & 0xFF) << 8) | (buf[pos++] & 0xFF);
        need(length, field);
        // TRTC user and room ids are ASCII; UTF-8 is the natural reading for what other Tencent libraries write.
        String value = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }

    private void need(int bytes, String field) {
        if (buf.length - pos < bytes) {
            throw malformed("userbuf truncated: " + field + " needs " + bytes + " byte(s) at offset " + pos
                    + ", only " + (buf.length - pos) + " left");
        }
    }

    private static UserSigException malformed(String message) {
        return new UserSigException(UserSigFailure.MALFORMED_USERBUF, message);
    }
}
