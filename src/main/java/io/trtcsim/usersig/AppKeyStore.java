package io.trtcsim.usersig;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The apps the simulator knows, by SDKAppID. Immutable, so it can be shared by the signaling threads.
 *
 * <p>File format: {@code {"apps":[{"sdkAppId":1400000001,"secretKey":"...","callbackKey":"..."}]}},
 * {@code callbackKey} optional; {@code "permissionControl": "advanced"} optional (default {@code "basic"}).
 */
public final class AppKeyStore {

    private static final Set<String> APP_FIELDS = Set.of("sdkAppId", "secretKey", "callbackKey", "permissionControl",
            "cloudApiSecretId", "cloudApiSecretKey");

    private final Map<Long, AppKey> apps;

    private AppKeyStore(Map<Long, AppKey> apps) {
        // Insertion order kept so that apps() lists them as the file does.
        this.apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
    }

    public static AppKeyStore of(AppKey... apps) {
        Map<Long, AppKey> byId = new LinkedHashMap<>();
        for (AppKey app : apps) {
            if (byId.putIfAbsent(app.sdkAppId(), app) != null) {
                throw new IllegalArgumentException("duplicate sdkAppId " + app.sdkAppId());
            }
        }
        return new AppKeyStore(byId);
    }

    /** Reads the file; any problem is an {@link IllegalArgumentException} naming the file and the fault. */
    public static AppKeyStore load(Path file) {
        JsonNode root = readJson(file);
        JsonNode list = root.path("apps");
        if (!list.isArray()) {
            throw bad(file, "expected a top-level object with an \"apps\" array");
        }
        Map<Long, AppKey> byId = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            AppKey app = readApp(file, "apps[" + i + "]", list.get(i));
            if (byId.putIfAbsent(app.sdkAppId(), app) != null) {
                throw bad(file, "apps[" + i + "] repeats sdkAppId " + app.sdkAppId());
            }
        }
        return new AppKeyStore(byId);
    }

    public Optional<AppKey> find(long sdkAppId) {
        return Optional.ofNullable(apps.get(sdkAppId));
    }

    public Collection<AppKey> apps() {
        return List.copyOf(apps.values());
    }

    private static JsonNode readJson(Path file) {
        // Duplicate keys would make it ambiguous which secret is meant; refuse them.
        JsonMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try {
            JsonNode root = mapper.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw bad(file, "expected a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e, e);
        }
    }

    private static AppKey readApp(Path file, String where, JsonNode node) {
        if (!node.isObject()) {
            throw bad(file, where + " is not an object");
        }
        // Unknown fields are refused so that a typo such as "secretkey" cannot silently drop a key.
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!APP_FIELDS.contains(name)) {
                throw bad(file, where + " has unknown field \"" + name + "\" (known: sdkAppId, secretKey, callbackKey, permissionControl, cloudApiSecretId, cloudApiSecretKey)");
            }
        }
        JsonNode id = node.get("sdkAppId");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
            throw bad(file, where + ".sdkAppId must be a positive integer");
        }
        String secretKey = text(file, where + ".secretKey", node.get("secretKey"), true);
        String callbackKey = text(file, where + ".callbackKey", node.get("callbackKey"), false);
        String control = text(file, where + ".permissionControl", node.get("permissionControl"), false);
        PermissionControl permissionControl = PermissionControl.BASIC;
        if (control != null) {
            permissionControl = java.util.Arrays.stream(PermissionControl.values())
                    .filter(value -> value.fileName().equals(control)).findFirst()
                    .orElseThrow(() -> bad(file, where + ".permissionControl is \"" + control + "\"; use \"basic\" or \"advanced\""));
        }
        String secretId = text(file, where + ".cloudApiSecretId", node.get("cloudApiSecretId"), false);
        String cloudSecretKey = text(file, where + ".cloudApiSecretKey", node.get("cloudApiSecretKey"), false);
        if ((secretId == null) != (cloudSecretKey == null)) {
            throw bad(file, where + " must have both cloudApiSecretId and cloudApiSecretKey, or neither");
        }
        CloudApiKey cloudApiKey = secretId == null ? null : new CloudApiKey(secretId, cloudSecretKey);
        return new AppKey(id.longValue(), secretKey, callbackKey, permissionControl, cloudApiKey);
    }

    private static String text(Path file, String where, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw bad(file, where + " is missing");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw bad(file, where + " must be a non-blank string");
        }
        return node.textValue();
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException(file + ": " + what);
    }
}
