package io.trtcsim.usersig;

import com.tencentyun.TLSSigAPIv2;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrivateMapKeyTest {

    private static final long APP_ID = 1400000001L;
    private static final long EXPIRE_TIME = 1_735_693_200L; // 2025-01-01T01:00:00Z

    @Test
    void readsANumericRoomUserbuf() {
        int privileges = Privilege.ENTER_ROOM.bit() | Privilege.SEND_AUDIO.bit() | Privilege.RECEIVE_VIDEO.bit();

        PrivateMapKey key = PrivateMapKey.fromUserBuf(
                UserBufBytes.numericRoom("alice", APP_ID, 1234, EXPIRE_TIME, privileges));

        assertThat(key.account()).isEqualTo("alice");
        assertThat(key.sdkAppId()).isEqualTo(APP_ID);
        assertThat(key.roomId()).isEqualTo(1234);
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2025-01-01T01:00:00Z"));
        assertThat(key.accountType()).isZero();
        assertThat(key.strRoomId()).isEmpty();
        assertThat(key.privileges())
                .containsExactlyInAnyOrder(Privilege.ENTER_ROOM, Privilege.SEND_AUDIO, Privilege.RECEIVE_VIDEO);
        assertThat(key.allows(Privilege.SEND_VIDEO)).isFalse();
    }

    @Test
    void readsUnsignedFieldsAboveTwoToThe31() {
        PrivateMapKey key = PrivateMapKey.fromUserBuf(
                UserBufBytes.numericRoom("bob", APP_ID, 0xFFFF_FFFFL, EXPIRE_TIME, Privilege.ALL));

        assertThat(key.roomId()).isEqualTo(4_294_967_295L);
        assertThat(key.privileges()).containsExactlyInAnyOrder(Privilege.values());
    }

    @Test
    void readsAStringRoomUserbuf() {
        PrivateMapKey key = PrivateMapKey.fromUserBuf(
                UserBufBytes.write(1, "alice", APP_ID, 0, EXPIRE_TIME, Privilege.ALL, "room-42"));

        assertThat(key.roomId()).isZero();
        assertThat(key.strRoomId()).contains("room-42");
    }

    @Test
    void readsTencentsOwnUserbuf() {
        TLSSigAPIv2 tencent = new TLSSigAPIv2(APP_ID, "any-key");
        long now = Instant.now().getEpochSecond();

        PrivateMapKey key = PrivateMapKey.fromUserBuf(tencent.genUserBuf("carol", 5678, 3600, 34, 0, ""));

        assertThat(key.account()).isEqualTo("carol");
        assertThat(key.sdkAppId()).isEqualTo(APP_ID);
        assertThat(key.roomId()).isEqualTo(5678);
        assertThat(key.privilegeMap()).isEqualTo(34);
        assertThat(key.expiresAt().getEpochSecond()).isCloseTo(now + 3600, within(2L));
    }

    @Test
    void refusesEveryTruncation() {
        byte[] full = UserBufBytes.write(1, "alice", APP_ID, 0, EXPIRE_TIME, Privilege.ALL, "room-42");

        for (int length = 0; length < full.length; length++) {
            byte[] prefix = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> PrivateMapKey.fromUserBuf(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.MALFORMED_USERBUF))
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] full = UserBufBytes.numericRoom("alice", APP_ID, 1, EXPIRE_TIME, Privilege.ALL);
        byte[] longer = Arrays.copyOf(full, full.length + 3);

        assertThatThrownBy(() -> PrivateMapKey.fromUserBuf(longer))
                .isInstanceOfSatisfying(UserSigException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserSigFailure.MALFORMED_USERBUF))
                .hasMessageContaining("3 unexpected trailing byte(s)");
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] buf = UserBufBytes.write(2, "alice", APP_ID, 1, EXPIRE_TIME, Privilege.ALL, null);

        assertThatThrownBy(() -> PrivateMapKey.fromUserBuf(buf))
                .isInstanceOfSatisfying(UserSigException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserSigFailure.MALFORMED_USERBUF))
                .hasMessageContaining("version 2");
    }
}
