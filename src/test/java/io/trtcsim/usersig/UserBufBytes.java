package io.trtcsim.usersig;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes userbufs in the big-endian layout of Tencent's genUserBuf, for crafting test inputs. */
final class UserBufBytes {

    private UserBufBytes() {
    }

    static byte[] numericRoom(String account, long sdkAppId, long roomId, long expireTime, int privilegeMap) {
        return write(0, account, sdkAppId, roomId, expireTime, privilegeMap, null);
    }

    static byte[] write(int version, String account, long sdkAppId, long roomId, long expireTime, int privilegeMap,
                        String strRoomId) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes); // DataOutputStream is big-endian
            out.writeByte(version);
            writeString(out, account);
            out.writeInt((int) sdkAppId);
            out.writeInt((int) roomId);
            out.writeInt((int) expireTime);
            out.writeInt(privilegeMap);
            out.writeInt(0); // accountType
            if (strRoomId != null) {
                writeString(out, strRoomId);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(raw.length);
        out.write(raw);
    }
}
