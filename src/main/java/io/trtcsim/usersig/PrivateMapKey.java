package io.trtcsim.usersig;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Room permissions carried in a token's {@code TLS.userbuf} (what TRTC calls the privateMapKey).
 *
 * @param account      the user the permissions were issued to
 * @param sdkAppId     the app that issued them
 * @param roomId       the numeric room; 0 when the key names a string room ({@link #strRoomId()})
 * @param expiresAt    absolute expiry written by the issuer (issue time + validity)
 * @param privilegeMap the {@link Privilege} bits
 * @param accountType  legacy field; Tencent's generators write 0
 * @param strRoomId    the string room id (userbuf version 1); empty for numeric rooms (version 0)
 */
public record PrivateMapKey(String account, long sdkAppId, long roomId, Instant expiresAt, int privilegeMap,
                            long accountType, Optional<String> strRoomId) {

    /** Decodes a userbuf; any deviation from the layout is {@link UserSigFailure#MALFORMED_USERBUF}. */
    public static PrivateMapKey fromUserBuf(byte[] userbuf) {
        return new UserBufReader(userbuf).read();
    }

    public boolean allows(Privilege privilege) {
        return (privilegeMap & privilege.bit()) != 0;
    }

    public Set<Privilege> privileges() {
        Set<Privilege> granted = EnumSet.noneOf(Privilege.class);
        for (Privilege p : Privilege.values()) {
            if (allows(p)) {
                granted.add(p);
            }
        }
        return granted;
    }
}
