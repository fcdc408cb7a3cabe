package io.trtcsim.usersig;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The fields of a TLS-SigAPIv2 token's JSON, and the exact string its HMAC covers.
 *
 * @param userbuf the base64 text of {@code TLS.userbuf} as it appears in the token; empty when absent
 */
record TlsSigFields(String identifier, long sdkAppId, long time, long expire, Optional<String> userbuf,
                    String sig) {

    static final String VERSION = "2.0";

    static final long MAX_SECONDS = Instant.MAX.getEpochSecond();

    /**
     * The string the issuer signed. Numbers are written in canonical decimal whether the JSON held
     * them as numbers or strings, as Tencent's generators format them before signing.
     */
    String contentToSign() {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expire + "\n";
        return userbuf.map(buf -> content + "TLS.userbuf:" + buf + "\n").orElse(content);
    }

    /** Parses and checks the JSON; reads with one reader, immutable and so safe to share. */
    static final class Parser {

        // Duplicate keys would let a token show one identifier to us and another to a different parser.
        private final ObjectReader reader = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build()
                .readerFor(JsonNode.class);

        TlsSigFields parse(byte[] json) {
            JsonNode root = readTree(json);
            String version = text(root, "TLS.ver");
            if (!VERSION.equals(version)) {
                throw malformed("TLS.ver is \"" + version + "\"; only \"" + VERSION + "\" (HMAC-SHA256) is supported");
            }
            String identifier = text(root, "TLS.identifier");
            long sdkAppId = unsigned(root, "TLS.sdkappid");
            long time = unsigned(root, "TLS.time");
            long expire = unsigned(root, "TLS.expire");
            String sig = text(root, "TLS.sig");
            Optional<String> userbuf = present(root, "TLS.userbuf") ? Optional.of(text(root, "TLS.userbuf")) : Optional.empty();
            return new TlsSigFields(identifier, sdkAppId, time, expire, userbuf, sig);
        }

        private JsonNode readTree(byte[] json) {
            try {
                JsonNode root = reader.readValue(json);
                if (root == null || !root.isObject()) {
                    throw malformed("content is not a JSON object");
                }
                return root;
            } catch (JacksonException e) {
                throw new UserSigException(UserSigFailure.MALFORMED_JSON, "content is not valid JSON: "
                        + e.getOriginalMessage(), e);
            } catch (IOException e) {
                // Reading from a byte array cannot fail for I/O reasons; anything here is a parse failure.
                throw new UserSigException(UserSigFailure.MALFORMED_JSON, "content cannot be read: " + e, e);
            }
        }

        private static boolean present(JsonNode root, String field) {
            JsonNode node = root.get(field);
            return node != null && !node.isNull();
        }

        private static JsonNode required(JsonNode root, String field) {
            if (!present(root, field)) {
                throw new UserSigException(UserSigFailure.MISSING_FIELD, "field " + field + " is missing");
            }
            return root.get(field);
        }

        private static String text(JsonNode root, String field) {
            JsonNode node = required(root, field);
            if (!node.isTextual()) {
                throw malformed(field + " must be a string, got " + node.getNodeType());
            }
            return node.textValue();
        }

        /**
         * Tencent's libraries differ: some write these as JSON numbers, some as strings. The upper bound
         * keeps every time and time + expire representable as an {@link java.time.Instant}.
         */
        private static long unsigned(JsonNode root, String field) {
            JsonNode node = required(root, field);
            long value = -1;
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                value = node.longValue();
            } else if (node.isTextual() && node.textValue().matches("[0-9]{1,17}")) {
                value = Long.parseLong(node.textValue());
            }
            if (value < 0 || value > MAX_SECONDS) {
                throw malformed(field + " must be an integer from 0 to " + MAX_SECONDS + " (number or string), got " + node);
            }
            return value;
        }

        private static UserSigException malformed(String message) {
            return new UserSigException(UserSigFailure.MALFORMED_JSON, message);
        }
    }
}
