package io.trtcsim.usersig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AppKeyStoreTest {

    /** Surefire runs in the module directory, where the shared fixtures live. */
    private static final Path FIXTURE = Path.of("fixtures", "apps.json");

    @TempDir
    Path dir;

    @Test
    void loadsTheFixtureApps() {
        AppKeyStore store = AppKeyStore.load(FIXTURE);

        assertThat(store.apps()).extracting(AppKey::sdkAppId).containsExactly(1400000001L, 1400000002L, 1400000003L);
        assertThat(store.find(1400000001L)).hasValueSatisfying(app -> {
            assertThat(app.secretKey()).matches("[0-9a-f]{64}");
            assertThat(app.optionalCallbackKey()).hasValueSatisfying(k -> assertThat(k).matches("[0-9a-f]{64}"));
            assertThat(app.permissionControl()).isEqualTo(PermissionControl.BASIC);
            assertThat(app.optionalCloudApiKey()).hasValueSatisfying(k -> assertThat(k.secretId()).startsWith("AKID"));
            assertThat(app.toString()).doesNotContain(app.cloudApiKey().secretKey());
        });
        assertThat(store.find(1400000003L)).get().extracting(AppKey::permissionControl).isEqualTo(PermissionControl.ADVANCED);
        assertThat(store.find(1400000004L)).isEmpty();
    }

    @Test
    void callbackKeyIsOptional() throws IOException {
        Path file = write("{\"apps\":[{\"sdkAppId\":1400000009,\"secretKey\":\"s\"}]}");

        assertThat(AppKeyStore.load(file).find(1400000009L))
                .hasValueSatisfying(app -> assertThat(app.callbackKey()).isNull());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("{", "not valid JSON"),
                arguments("[]", "expected a JSON object"),
                arguments("{\"applications\":[]}", "\"apps\" array"),
                arguments("{\"apps\":[7]}", "apps[0] is not an object"),
                arguments("{\"apps\":[{\"secretKey\":\"s\"}]}", "apps[0].sdkAppId must be a positive integer"),
                arguments("{\"apps\":[{\"sdkAppId\":\"1400000001\",\"secretKey\":\"s\"}]}", "apps[0].sdkAppId"),
                arguments("{\"apps\":[{\"sdkAppId\":1}]}", "apps[0].secretKey is missing"),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretKey\":\" \"}]}", "apps[0].secretKey must be a non-blank string"),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretKey\":\"s\",\"callbackKey\":3}]}", "apps[0].callbackKey"),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretkey\":\"s\"}]}", "unknown field \"secretkey\""),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretKey\":\"s\",\"cloudApiSecretId\":\"AKID\"}]}",
                        "apps[0] must have both cloudApiSecretId and cloudApiSecretKey, or neither"),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretKey\":\"s\",\"permissionControl\":\"strict\"}]}",
                        "apps[0].permissionControl is \"strict\"; use \"basic\" or \"advanced\""),
                arguments("{\"apps\":[{\"sdkAppId\":1,\"secretKey\":\"a\"},{\"sdkAppId\":1,\"secretKey\":\"b\"}]}",
                        "apps[1] repeats sdkAppId 1"),
                arguments("{\"apps\":[],\"apps\":[]}", "Duplicate field"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileNamesTheFileAndTheFault(String content, String fault) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> AppKeyStore.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(fault);
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> AppKeyStore.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void ofRefusesDuplicates() {
        assertThatThrownBy(() -> AppKeyStore.of(new AppKey(1, "a"), new AppKey(1, "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate sdkAppId 1");
    }

    @Test
    void appKeyNeverPrintsItsKeys() {
        assertThat(new AppKey(1400000001L, "top-secret", "also-secret").toString())
                .contains("1400000001")
                .doesNotContain("top-secret", "also-secret");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("apps.json"), content);
    }
}
