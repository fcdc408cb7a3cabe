package io.trtcsim.usersig;

import static io.trtcsim.PropertyRuns.anyText;
import static io.trtcsim.PropertyRuns.bytes;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link UserSigVerifier}, {@link TlsTokenDecoder} and {@link PrivateMapKey} take tokens from any
 * client: whatever the text, they accept a genuine token or refuse with a {@link UserSigException}
 * whose reason and message name the failed check, never another exception. Tencent's own generator's
 * tokens verify, and a token changed in any one character does not.
 */
class UserSigVerifierProperties {

    private static final AppKey APP = new AppKey(1400000001L, "5f2c0e6a1b7d48e39c0a4f61d2b8e7a3c9d1f0b2a4e6c8d0f1a3b5c7d9e0f2a4");
    private static final AppKeyStore STORE = AppKeyStore.of(APP);
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final long ISSUED = NOW.getEpochSecond() - 60;
    private static final UserSigVerifier AT_NOW = new UserSigVerifier(STORE, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final UserSigVerifier REAL_TIME = new UserSigVerifier(STORE, Clock.systemUTC());

    /** The checks before the content is known to be a token of this app. */
    private static final Set<UserSigFailure> UNREADABLE = EnumSet.of(UserSigFailure.MALFORMED_BASE64,
            UserSigFailure.MALFORMED_ZLIB, UserSigFailure.TOO_LARGE, UserSigFailure.MALFORMED_JSON,
            UserSigFailure.MISSING_FIELD);

    /** Text in Tencent's token alphabet (base64 with * - _), the standard one, and anything. */
    private static final Gen<String> TOKEN_LIKE = anyText(200)
            .mix(SourceDSL.strings().betweenCodePoints('*', 'z').ofLengthBetween(0, 300), 40)
            .mix(bytes(200).map(CraftedUserSig::tencentBase64), 30)
            .mix(bytes(300).map(raw -> CraftedUserSig.tencentBase64(CraftedUserSig.deflate(raw))), 30);

    /** JSON values of every kind, wrong types, huge and negative numbers, nesting. */
    private static final Gen<Object> JSON_VALUE = Generate.oneOf(
            SourceDSL.longs().all().map(n -> (Object) n),
            SourceDSL.integers().between(-3, 3).map(n -> (Object) n),
            SourceDSL.doubles().any().map(d -> (Object) (Double.isFinite(d) ? d : 0.5)),
            anyText(30).map(s -> (Object) s),
            SourceDSL.strings().numeric().map(s -> (Object) s),
            Generate.pick(List.<Object>of("2.0", "", "alice", "1400000001", "99999999999999999999999", "-1",
                    java.math.BigInteger.TEN.pow(40), true, List.of(), List.of("alice"), java.util.Map.of("a", 1))),
            SourceDSL.integers().between(0, 300).map(depth -> (Object) nested(depth)));

    private static final List<String> FIELDS = List.of("TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time",
            "TLS.expire", "TLS.sig", "TLS.userbuf");

    @Test
    void anyTextIsRefusedAsUnreadable() {
        qt(800).forAll(TOKEN_LIKE).checkAssert(token -> {
            UserSigException refused = refusal(() -> AT_NOW.verify(token, APP.sdkAppId(), "alice"));
            assertThat(refused.reason()).isIn(UNREADABLE);
        });
    }

    @Test
    void theDecoderReturnsBoundedContentOrRefuses() {
        TlsTokenDecoder decoder = new TlsTokenDecoder();
        qt(800).forAll(TOKEN_LIKE.mix(anyText(40).map(CraftedUserSig::encodeJson), 30)).checkAssert(token -> {
            Throwable thrown = catchThrowable(() -> assertThat(decoder.decode(token)).hasSizeLessThanOrEqualTo(
                    TlsTokenDecoder.MAX_JSON_BYTES));
            if (thrown != null) {
                assertThat(refused(thrown).reason()).isIn(UserSigFailure.MALFORMED_BASE64, UserSigFailure.MALFORMED_ZLIB,
                        UserSigFailure.TOO_LARGE);
            }
        });
        qt(300).forAll(anyText(2000)).checkAssert(json -> assertThat(decoder.decode(CraftedUserSig.encodeJson(json)))
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedTokenWithAnyFieldOfAnyValueVerifiesAsSignedOrIsRefused() {
        qt(800).forAll(Generate.pick(FIELDS), JSON_VALUE, Generate.booleans()).checkAssert((field, value, drop) -> {
            CraftedUserSig token = CraftedUserSig.issued(APP, "alice", ISSUED, 3600).userbuf(
                    UserBufBytes.numericRoom("alice", APP.sdkAppId(), 1234, ISSUED + 3600, Privilege.ALL));
            String encoded = (drop ? token.without(field) : token.with(field, value)).encode();
            VerifiedUserSig verified;
            try {
                verified = AT_NOW.verify(encoded, APP.sdkAppId(), "alice");
            } catch (UserSigException e) {
                assertThat(e.getMessage()).startsWith(e.reason() + ": ").hasSizeGreaterThan(e.reason().name().length() + 3);
                return;
            } catch (RuntimeException e) {
                throw new AssertionError(field + " = " + value + ": " + e, e);
            }
            assertThat(verified.sdkAppId()).isEqualTo(APP.sdkAppId());
            assertThat(verified.userId()).isEqualTo("alice");
            assertThat(verified.expiresAt()).isAfter(NOW);
        });
    }

    @Test
    void aGeneratedUserSigVerifiesAndAnyOneCharacterChangedIsRefused() {
        Gen<String> userIds = SourceDSL.strings().betweenCodePoints('!', '~').ofLengthBetween(1, 32);
        qt(400).forAll(userIds, SourceDSL.integers().between(60, 86400 * 365), CHANGE).checkAssert((userId, validity, change) -> {
            String userSig = new UserSigGenerator(APP).genUserSig(userId, Duration.ofSeconds(validity));
            VerifiedUserSig verified = REAL_TIME.verify(userSig, APP.sdkAppId(), userId);
            assertThat(verified.userId()).isEqualTo(userId);
            assertThat(verified.expiresAt()).isEqualTo(verified.issuedAt().plusSeconds(validity));
            assertThat(verified.privateMapKey()).isEmpty();
            refusedOrSameContent(userSig, changed(userSig, change), userId);
        });
    }

    @Test
    void aGeneratedPrivateMapKeyVerifiesWithItsRoomAndPrivilegesAndAnyOneCharacterChangedIsRefused() {
        qt(300).forAll(SourceDSL.longs().between(0, 0xFFFF_FFFFL), SourceDSL.integers().between(0, 255),
                SourceDSL.strings().betweenCodePoints('!', '~').ofLengthBetween(0, 64), CHANGE)
                .checkAssert((roomId, privileges, strRoom, change) -> {
                    UserSigGenerator generator = new UserSigGenerator(APP);
                    String key = strRoom.isEmpty()
                            ? generator.genPrivateMapKey("bob", Duration.ofHours(1), roomId, privileges)
                            : generator.genPrivateMapKeyWithStringRoomId("bob", Duration.ofHours(1), strRoom, privileges);
                    PrivateMapKey granted = REAL_TIME.verify(key, APP.sdkAppId(), "bob").privateMapKey().orElseThrow();
                    assertThat(granted.account()).isEqualTo("bob");
                    assertThat(granted.privilegeMap()).isEqualTo(privileges);
                    if (strRoom.isEmpty()) {
                        assertThat(granted.roomId()).isEqualTo(roomId);
                        assertThat(granted.strRoomId()).isEmpty();
                    } else {
                        assertThat(granted.strRoomId()).contains(strRoom);
                    }
                    refusedOrSameContent(key, changed(key, change), "bob");
                });
    }

    @Test
    void anyUserBufIsReadWhollyOrRefusedAsMalformed() {
        Gen<byte[]> written = SourceDSL.integers().between(0, 1).zip(anyText(20), SourceDSL.longs().between(0, 0xFFFF_FFFFL),
                SourceDSL.integers().all(), (version, text, number, privileges) -> UserBufBytes.write(version, text, number,
                        number ^ 0xFFFF, number >>> 1, privileges, version == 1 ? text + "#" : null));
        qt(800).forAll(bytes(120).mix(written, 40), SourceDSL.integers().between(0, 130)).checkAssert((userbuf, cut) -> {
            for (byte[] buf : List.of(userbuf, java.util.Arrays.copyOf(userbuf, Math.min(cut, userbuf.length)))) {
                Throwable thrown = catchThrowable(() -> PrivateMapKey.fromUserBuf(buf));
                if (thrown != null) {
                    assertThat(refused(thrown).reason()).isEqualTo(UserSigFailure.MALFORMED_USERBUF);
                }
            }
        });
        qt(300).forAll(anyText(40), SourceDSL.longs().between(0, 0xFFFF_FFFFL), SourceDSL.integers().all(),
                anyText(64)).checkAssert((account, number, privileges, strRoom) -> {
                    PrivateMapKey read = PrivateMapKey.fromUserBuf(
                            UserBufBytes.write(1, account, APP.sdkAppId(), number, number, privileges, strRoom));
                    // Lone surrogates do not survive UTF-8: compare with what UTF-8 makes of them.
                    assertThat(read.account()).isEqualTo(utf8(account));
                    assertThat(read.strRoomId()).contains(utf8(strRoom));
                    assertThat(read.roomId()).isEqualTo(number);
                    assertThat(read.expiresAt()).isEqualTo(Instant.ofEpochSecond(number));
                    assertThat(read.privilegeMap()).isEqualTo(privileges);
                });
    }

    /**
     * One character of a token replaced (kind 0), deleted (1) or inserted (2) at {@code position}
     * (modulo its length); a third of them among the last 12 characters, where the encoding's
     * ignored bits are (see {@link #refusedOrSameContent}).
     */
    private static final Gen<int[]> CHANGE = SourceDSL.integers().between(0, 2).zip(
            SourceDSL.integers().between(0, 4095).mix(SourceDSL.integers().between(-12, -1), 33),
            SourceDSL.integers().between('*', 'z').mix(SourceDSL.integers().between(0, 0xFFFF), 10),
            (kind, position, character) -> new int[] {kind, position, character});

    private static String changed(String token, int[] change) {
        int at = Math.floorMod(change[1], token.length());
        String character = String.valueOf((char) change[2]);
        return switch (change[0]) {
            case 0 -> token.substring(0, at) + character + token.substring(at + 1);
            case 1 -> token.substring(0, at) + token.substring(at + 1);
            default -> token.substring(0, at) + character + token.substring(at);
        };
    }

    /**
     * A changed token is refused, unless the change fell only on bits its encoding ignores: the
     * unused low bits of base64's last character, or the padding bits between the deflate stream's
     * last block and its Adler-32 (zlib does not read them). Then it carries exactly the content
     * that was signed, byte for byte, and verifies as the original does: no change alters what a
     * token proves.
     */
    private static void refusedOrSameContent(String token, String changed, String userId) {
        if (changed.equals(token)) {
            return;
        }
        VerifiedUserSig verified;
        try {
            verified = REAL_TIME.verify(changed, APP.sdkAppId(), userId);
        } catch (RuntimeException e) {
            refused(e);
            return;
        }
        TlsTokenDecoder decoder = new TlsTokenDecoder();
        assertThat(decoder.decode(changed)).as("content of %s, accepted after a change of %s", changed, token)
                .isEqualTo(decoder.decode(token));
        assertThat(verified).isEqualTo(REAL_TIME.verify(token, APP.sdkAppId(), userId));
    }

    private static UserSigException refusal(Runnable verification) {
        Throwable thrown = catchThrowable(verification::run);
        assertThat(thrown).as("refused").isNotNull();
        return refused(thrown);
    }

    /** A refusal as documented: a UserSigException whose message starts with its reason and says more. */
    private static UserSigException refused(Throwable thrown) {
        if (!(thrown instanceof UserSigException refused)) {
            throw new AssertionError("expected a UserSigException, got " + thrown, thrown);
        }
        assertThat(refused.getMessage()).startsWith(refused.reason() + ": ")
                .hasSizeGreaterThan(refused.reason().name().length() + 3);
        return refused;
    }

    private static Object nested(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : java.util.Map.of("k", value);
        }
        return value;
    }

    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
