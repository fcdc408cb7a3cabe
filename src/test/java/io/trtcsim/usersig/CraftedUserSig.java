package io.trtcsim.usersig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Builds TLS-SigAPIv2 tokens field by field, so tests can make the malformed ones Tencent's own
 * generator never would. Written from the format description, independently of the production code.
 */
final class CraftedUserSig {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String signingKey;
    private String explicitSig;
    private final Set<String> omitted = new HashSet<>();

    private CraftedUserSig() {
    }

    /** A well-formed token, signed with the app's key when encoded. */
    static CraftedUserSig issued(AppKey app, String userId, long time, long expire) {
        CraftedUserSig sig = new CraftedUserSig();
        sig.fields.put("TLS.ver", "2.0");
        sig.fields.put("TLS.identifier", userId);
        sig.fields.put("TLS.sdkappid", app.sdkAppId());
        sig.fields.put("TLS.expire", expire);
        sig.fields.put("TLS.time", time);
        sig.signingKey = app.secretKey();
        return sig;
    }

    /** Replaces a field; the signature is computed over the new value unless {@link #sig} fixed it. */
    CraftedUserSig with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    CraftedUserSig without(String field) {
        fields.remove(field);
        omitted.add(field);
        return this;
    }

    CraftedUserSig userbuf(byte[] userbuf) {
        return with("TLS.userbuf", Base64.getEncoder().encodeToString(userbuf));
    }

    CraftedUserSig signedWith(String key) {
        signingKey = key;
        return this;
    }

    /** Sets TLS.sig verbatim instead of computing it. */
    CraftedUserSig sig(String sig) {
        explicitSig = sig;
        return this;
    }

    /** The TLS.sig this token would carry. */
    String computedSig() {
        StringBuilder content = new StringBuilder();
        for (String name : new String[] {"TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire"}) {
            content.append(name).append(':').append(fields.get(name)).append('\n');
        }
        if (fields.containsKey("TLS.userbuf")) {
            content.append("TLS.userbuf:").append(fields.get("TLS.userbuf")).append('\n');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    String json() {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (!omitted.contains("TLS.sig")) {
            all.put("TLS.sig", explicitSig != null ? explicitSig : computedSig());
        }
        try {
            return new ObjectMapper().writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    String encode() {
        return encodeJson(json());
    }

    static String encodeJson(String json) {
        return tencentBase64(deflate(json.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    static String tencentBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '*').replace('/', '-').replace('=', '_');
    }
}
