package io.trtcsim.fuzz;

import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.UserSigGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The valid identities the fuzzer uses where a hostile message must get past the join: a few users
 * of one application with valid UserSigs, and the rooms they fuzz in. The sentinel has a user and a
 * room of its own that no fuzz message names.
 */
final class FuzzAccounts {

    static final long FIRST_FUZZ_ROOM = 900_001;
    static final int FUZZ_ROOMS = 16;
    static final String SENTINEL_USER = "fuzz-sentinel";
    private static final int USERS = 48;
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final AppKey app;
    private final List<String> userSigs = new ArrayList<>();
    private final String sentinelSig;
    private final long sentinelRoom;

    FuzzAccounts(AppKey app, long seed) {
        this.app = app;
        UserSigGenerator generator = new UserSigGenerator(app);
        for (int i = 0; i < USERS; i++) {
            userSigs.add(generator.genUserSig(user(i), VALIDITY));
        }
        this.sentinelSig = generator.genUserSig(SENTINEL_USER, VALIDITY);
        // Below the fuzz rooms, and apart from every number the fuzzer writes.
        this.sentinelRoom = 700_000 + Math.floorMod(seed, 100_000);
    }

    long sdkAppId() {
        return app.sdkAppId();
    }

    int users() {
        return USERS;
    }

    static String user(int index) {
        return "fuzz-u" + index;
    }

    String userSig(int index) {
        return userSigs.get(index);
    }

    long sentinelRoom() {
        return sentinelRoom;
    }

    /** A join that the server accepts (when nothing else is wrong with the connection). */
    String validJoin(long id, int user, long room) {
        return "{\"type\":\"join\",\"id\":" + id + ",\"sdkAppId\":" + app.sdkAppId() + ",\"userId\":\"" + user(user)
                + "\",\"userSig\":\"" + userSig(user) + "\",\"roomId\":" + room + ",\"mode\":\"rtc\",\"role\":\"anchor\"}";
    }

    String sentinelJoin(long id) {
        return "{\"type\":\"join\",\"id\":" + id + ",\"sdkAppId\":" + app.sdkAppId() + ",\"userId\":\"" + SENTINEL_USER
                + "\",\"userSig\":\"" + sentinelSig + "\",\"roomId\":" + sentinelRoom + ",\"mode\":\"rtc\"}";
    }
}
