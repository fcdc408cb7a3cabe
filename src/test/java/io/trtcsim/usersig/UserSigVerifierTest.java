package io.trtcsim.usersig;

import com.tencentyun.TLSSigAPIv2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class UserSigVerifierTest {

    private static final AppKey APP = new AppKey(1400000001L, "5f2c0e6a1b7d48e39c0a4f61d2b8e7a3c9d1f0b2a4e6c8d0f1a3b5c7d9e0f2a4");
    private static final AppKey OTHER_APP = new AppKey(1400000002L, "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
    private static final AppKeyStore STORE = AppKeyStore.of(APP, OTHER_APP);

    /** Crafted tokens are issued a minute before NOW, valid for an hour. */
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final long ISSUED = NOW.getEpochSecond() - 60;
    private static final long VALIDITY = 3600;

    private final UserSigVerifier atNow = verifierAt(NOW);

    @Nested
    class AcceptsTencentsTokens {

        private final UserSigVerifier realTime = new UserSigVerifier(STORE, Clock.systemUTC());

        @Test
        void userSigFromTlsSigApiV2() {
            long before = Instant.now().getEpochSecond();
            String userSig = new TLSSigAPIv2(APP.sdkAppId(), APP.secretKey()).genUserSig("alice", 86400);
            long after = Instant.now().getEpochSecond();

            VerifiedUserSig verified = realTime.verify(userSig, APP.sdkAppId(), "alice");

            assertThat(verified.sdkAppId()).isEqualTo(APP.sdkAppId());
            assertThat(verified.userId()).isEqualTo("alice");
            assertThat(verified.issuedAt().getEpochSecond()).isBetween(before, after);
            assertThat(verified.expiresAt()).isEqualTo(verified.issuedAt().plusSeconds(86400));
            assertThat(verified.privateMapKey()).isEmpty();
        }

        @Test
        void privateMapKeyForANumericRoom() {
            int privileges = Privilege.ENTER_ROOM.bit() | Privilege.SEND_AUDIO.bit();
            String token = new UserSigGenerator(APP).genPrivateMapKey("alice", Duration.ofHours(1), 1234, privileges);

            VerifiedUserSig verified = realTime.verify(token, APP.sdkAppId(), "alice");

            assertThat(verified.privateMapKey()).hasValueSatisfying(key -> {
                assertThat(key.account()).isEqualTo("alice");
                assertThat(key.sdkAppId()).isEqualTo(APP.sdkAppId());
                assertThat(key.roomId()).isEqualTo(1234);
                assertThat(key.strRoomId()).isEmpty();
                assertThat(key.privilegeMap()).isEqualTo(privileges);
                assertThat(key.allows(Privilege.ENTER_ROOM)).isTrue();
                assertThat(key.allows(Privilege.SEND_VIDEO)).isFalse();
                // Tencent reads the clock separately for the userbuf, so a second may tick in between.
                assertThat(key.expiresAt().getEpochSecond())
                        .isCloseTo(verified.expiresAt().getEpochSecond(), within(1L));
            });
        }

        @Test
        void privateMapKeyForAStringRoom() {
            String token = new UserSigGenerator(APP)
                    .genPrivateMapKeyWithStringRoomId("bob", Duration.ofMinutes(5), "room-42", Privilege.ALL);

            VerifiedUserSig verified = realTime.verify(token, APP.sdkAppId(), "bob");

            assertThat(verified.privateMapKey()).hasValueSatisfying(key -> {
                assertThat(key.strRoomId()).contains("room-42");
                assertThat(key.privileges()).containsExactlyInAnyOrder(Privilege.values());
            });
        }
    }

    @Nested
    class AcceptsCraftedTokens {

        @Test
        void numbersWrittenAsJsonNumbers() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).encode();

            VerifiedUserSig verified = atNow.verify(token, APP.sdkAppId(), "alice");

            assertThat(verified.issuedAt()).isEqualTo(Instant.ofEpochSecond(ISSUED));
            assertThat(verified.expiresAt()).isEqualTo(Instant.ofEpochSecond(ISSUED + VALIDITY));
        }

        @Test
        void numbersWrittenAsStrings() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY)
                    .with("TLS.sdkappid", String.valueOf(APP.sdkAppId()))
                    .with("TLS.time", String.valueOf(ISSUED))
                    .with("TLS.expire", String.valueOf(VALIDITY))
                    .encode();

            assertThat(atNow.verify(token, APP.sdkAppId(), "alice").expiresAt())
                    .isEqualTo(Instant.ofEpochSecond(ISSUED + VALIDITY));
        }

        @Test
        void oneSecondBeforeExpiry() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).encode();

            assertThat(verifierAt(Instant.ofEpochSecond(ISSUED + VALIDITY - 1)).verify(token, APP.sdkAppId(), "alice"))
                    .isNotNull();
        }

        @Test
        void userbufIsCoveredBySignatureAndDecoded() {
            byte[] userbuf = UserBufBytes.numericRoom("alice", APP.sdkAppId(), 99, ISSUED + VALIDITY, Privilege.ALL);
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).userbuf(userbuf).encode();

            assertThat(atNow.verify(token, APP.sdkAppId(), "alice").privateMapKey())
                    .hasValueSatisfying(key -> assertThat(key.roomId()).isEqualTo(99));
        }
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @ValueSource(strings = {"", "not base64!", "eJw$", "eJw+abcd", "eJw/abcd", "eJw=", "a"})
        void malformedBase64(String token) {
            assertRefused(token, UserSigFailure.MALFORMED_BASE64, "");
        }

        @Test
        void standardBase64AlphabetIsNamed() {
            assertRefused("eJw+abcd", UserSigFailure.MALFORMED_BASE64, "Tencent's URL-safe alphabet");
        }

        @Test
        void bytesThatAreNotZlib() {
            assertRefused(CraftedUserSig.tencentBase64("plain text, never deflated".getBytes()),
                    UserSigFailure.MALFORMED_ZLIB, "not a zlib stream");
        }

        @Test
        void truncatedZlib() {
            byte[] deflated = CraftedUserSig.deflate(CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).json().getBytes());
            String token = CraftedUserSig.tencentBase64(Arrays.copyOf(deflated, deflated.length - 8));

            assertRefused(token, UserSigFailure.MALFORMED_ZLIB, "truncated");
        }

        @Test
        void bytesAfterTheZlibStream() {
            byte[] deflated = CraftedUserSig.deflate(CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).json().getBytes());
            String token = CraftedUserSig.tencentBase64(Arrays.copyOf(deflated, deflated.length + 2));

            assertRefused(token, UserSigFailure.MALFORMED_ZLIB, "after the end");
        }

        @Test
        void contentJustOverSixteenKib() {
            String json = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).json();
            String padded = json.substring(0, json.length() - 1) + " ".repeat(16 * 1024 - json.length() + 1) + "}";

            assertThat(padded.length()).isEqualTo(16 * 1024 + 1);
            assertRefused(CraftedUserSig.encodeJson(padded), UserSigFailure.TOO_LARGE, "16384 bytes");
        }

        @Test
        void contentOfExactlySixteenKibIsStillRead() {
            String json = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).json();
            String padded = json.substring(0, json.length() - 1) + " ".repeat(16 * 1024 - json.length()) + "}";

            assertThat(atNow.verify(CraftedUserSig.encodeJson(padded), APP.sdkAppId(), "alice")).isNotNull();
        }

        @Test
        void zipBombIsStoppedQuickly() {
            // Eight megabytes of whitespace deflate to a few kilobytes: a small token, a huge payload.
            String json = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).json();
            String bomb = "{" + " ".repeat(8 * 1024 * 1024) + json.substring(1);
            String token = CraftedUserSig.encodeJson(bomb);
            assertThat(token.length()).isLessThan(TlsTokenDecoder.MAX_TOKEN_CHARS);

            assertTimeoutPreemptively(Duration.ofMillis(500),
                    () -> assertRefused(token, UserSigFailure.TOO_LARGE, "stopped"));
        }

        @Test
        void tokenTooLongToBeGenuine() {
            assertRefused("A".repeat(TlsTokenDecoder.MAX_TOKEN_CHARS + 4), UserSigFailure.TOO_LARGE, "characters long");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2]", "{\"TLS.ver\":\"2.0\"} trailing", "{\"a\":1,\"a\":2}"})
        void contentThatIsNotAJsonObject(String content) {
            assertRefused(CraftedUserSig.encodeJson(content), UserSigFailure.MALFORMED_JSON, "");
        }

        @Test
        void numberFieldThatIsNotANumber() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).with("TLS.time", "yesterday").encode();

            assertRefused(token, UserSigFailure.MALFORMED_JSON, "TLS.time must be an integer");
        }

        @Test
        void negativeExpire() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).with("TLS.expire", -5).encode();

            assertRefused(token, UserSigFailure.MALFORMED_JSON, "TLS.expire");
        }

        @Test
        void unsupportedVersion() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).with("TLS.ver", "1.0").encode();

            assertRefused(token, UserSigFailure.MALFORMED_JSON, "TLS.ver");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"})
        void missingField(String field) {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).without(field).encode();

            assertRefused(token, UserSigFailure.MISSING_FIELD, field);
        }

        @Test
        void tokenOfAnotherApp() {
            String token = CraftedUserSig.issued(OTHER_APP, "alice", ISSUED, VALIDITY).encode();

            assertRefused(token, UserSigFailure.SDKAPPID_MISMATCH, "issued for SDKAppID 1400000002, not 1400000001");
        }

        @Test
        void tokenOfAnotherUser() {
            String token = CraftedUserSig.issued(APP, "mallory", ISSUED, VALIDITY).encode();

            assertRefused(token, UserSigFailure.IDENTIFIER_MISMATCH, "'mallory', not 'alice'");
        }

        @Test
        void appWithoutAKey() {
            AppKey unknown = new AppKey(1400000099L, "whatever");
            String token = CraftedUserSig.issued(unknown, "alice", ISSUED, VALIDITY).encode();

            assertThatThrownBy(() -> atNow.verify(token, unknown.sdkAppId(), "alice"))
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.UNKNOWN_APP))
                    .hasMessageContaining("SDKAppID 1400000099");
        }

        @Test
        void signatureWithOneCharacterFlipped() {
            CraftedUserSig crafted = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY);
            char[] sig = crafted.computedSig().toCharArray();
            sig[5] = sig[5] == 'A' ? 'B' : 'A';

            assertRefused(crafted.sig(new String(sig)).encode(), UserSigFailure.BAD_SIGNATURE, "does not match");
        }

        @Test
        void signatureThatIsNotBase64() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).sig("%%%").encode();

            assertRefused(token, UserSigFailure.BAD_SIGNATURE, "not base64");
        }

        @Test
        void signatureMadeWithAnotherKeyByTencent() {
            String userSig = new TLSSigAPIv2(APP.sdkAppId(), OTHER_APP.secretKey()).genUserSig("alice", 86400);

            assertThatThrownBy(() -> new UserSigVerifier(STORE, Clock.systemUTC()).verify(userSig, APP.sdkAppId(), "alice"))
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.BAD_SIGNATURE));
        }

        @Test
        void fieldChangedAfterSigning() {
            CraftedUserSig crafted = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY);
            String originalSig = crafted.computedSig();
            String token = crafted.with("TLS.expire", VALIDITY * 1000).sig(originalSig).encode();

            assertRefused(token, UserSigFailure.BAD_SIGNATURE, "does not match");
        }

        @Test
        void userbufChangedAfterSigning() {
            byte[] granted = UserBufBytes.numericRoom("alice", APP.sdkAppId(), 99, ISSUED + VALIDITY, Privilege.ENTER_ROOM.bit());
            CraftedUserSig crafted = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).userbuf(granted);
            String originalSig = crafted.computedSig();
            byte[] widened = UserBufBytes.numericRoom("alice", APP.sdkAppId(), 99, ISSUED + VALIDITY, Privilege.ALL);

            assertRefused(crafted.userbuf(widened).sig(originalSig).encode(), UserSigFailure.BAD_SIGNATURE, "");
        }

        @Test
        void tokenAtItsExpirySecond() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).encode();
            UserSigVerifier atExpiry = verifierAt(Instant.ofEpochSecond(ISSUED + VALIDITY));

            assertThatThrownBy(() -> atExpiry.verify(token, APP.sdkAppId(), "alice"))
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.EXPIRED))
                    .hasMessageContaining("expired at 2025-01-01T00:59:00Z");
        }

        @Test
        void tokenCheckedADayLater() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).encode();

            assertThatThrownBy(() -> verifierAt(NOW.plus(Duration.ofDays(1))).verify(token, APP.sdkAppId(), "alice"))
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.EXPIRED));
        }

        @Test
        void tencentTokenWithZeroValidity() {
            String userSig = new UserSigGenerator(APP).genUserSig("alice", Duration.ZERO);

            assertThatThrownBy(() -> new UserSigVerifier(STORE, Clock.systemUTC()).verify(userSig, APP.sdkAppId(), "alice"))
                    .isInstanceOfSatisfying(UserSigException.class,
                            e -> assertThat(e.reason()).isEqualTo(UserSigFailure.EXPIRED))
                    .hasMessageContaining("valid 0 s");
        }

        @Test
        void userbufThatIsNotBase64() {
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY).with("TLS.userbuf", "%%%").encode();

            assertRefused(token, UserSigFailure.MALFORMED_USERBUF, "not base64");
        }

        @Test
        void signedButTruncatedUserbuf() {
            byte[] full = UserBufBytes.numericRoom("alice", APP.sdkAppId(), 99, ISSUED + VALIDITY, Privilege.ALL);
            String token = CraftedUserSig.issued(APP, "alice", ISSUED, VALIDITY)
                    .userbuf(Arrays.copyOf(full, full.length - 4)).encode();

            assertRefused(token, UserSigFailure.MALFORMED_USERBUF, "accountType");
        }

        @Test
        void checksRunInTheDocumentedOrder() {
            // Wrong app, wrong user, bad signature and expired all at once: the app mismatch is reported.
            String token = CraftedUserSig.issued(OTHER_APP, "mallory", 0, 1).sig(Base64.getEncoder().encodeToString(new byte[32]))
                    .encode();

            assertRefused(token, UserSigFailure.SDKAPPID_MISMATCH, "");
        }
    }

    private void assertRefused(String token, UserSigFailure reason, String messagePart) {
        assertThatThrownBy(() -> atNow.verify(token, APP.sdkAppId(), "alice"))
                .isInstanceOfSatisfying(UserSigException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    private static UserSigVerifier verifierAt(Instant now) {
        return new UserSigVerifier(STORE, Clock.fixed(now, ZoneOffset.UTC));
    }
}
