package io.trtcsim.usersig;

import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Undoes the outer layers of a TLS-SigAPIv2 token: Tencent's URL-safe base64, then zlib.
 * Returns the JSON bytes, never more than {@link #MAX_JSON_BYTES}.
 */
final class TlsTokenDecoder {

    /** A genuine token's JSON is a few hundred bytes; 16 KiB leaves room for large userbufs. */
    static final int MAX_JSON_BYTES = 16 * 1024;

    /**
     * Deflate never expands data by more than a few bytes per 16 KiB block, so a token whose text is
     * over twice the JSON limit cannot be genuine; refusing it early spares decoding megabytes.
     */
    static final int MAX_TOKEN_CHARS = 2 * MAX_JSON_BYTES;

    byte[] decode(String token) {
        if (token == null || token.isEmpty()) {
            throw new UserSigException(UserSigFailure.MALFORMED_BASE64, "userSig is empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new UserSigException(UserSigFailure.TOO_LARGE, "userSig is " + token.length()
                    + " characters long; a genuine one is far under " + MAX_TOKEN_CHARS);
        }
        return inflate(unbase64(token));
    }

    /** Tencent's alphabet is standard base64 with {@code + / =} replaced by {@code * - _}. */
    private static byte[] unbase64(String token) {
        char[] standard = new char[token.length()];
        for (int i = 0; i < standard.length; i++) {
            char c = token.charAt(i);
            standard[i] = switch (c) {
                case '*' -> '+';
                case '-' -> '/';
                case '_' -> '=';
                // The standard characters are refused: Tencent never emits them, so their presence
                // means the token was mangled (e.g. URL-decoded or re-encoded) on the way.
                case '+', '/', '=' -> throw badBase64("character '" + c + "' at " + i
                        + " is not in Tencent's URL-safe alphabet (expected * - _ instead of + / =)");
                default -> c;
            };
        }
        try {
            return Base64.getDecoder().decode(new String(standard));
        } catch (IllegalArgumentException e) {
            throw new UserSigException(UserSigFailure.MALFORMED_BASE64, "not base64: " + e.getMessage(), e);
        }
    }

    /**
     * Inflates into a buffer one byte larger than the limit, so a zip bomb is stopped as soon as it
     * produces its 16385th byte instead of being inflated whole.
     */
    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[MAX_JSON_BYTES + 1];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    throw new UserSigException(UserSigFailure.TOO_LARGE,
                            "inflated content exceeds " + MAX_JSON_BYTES + " bytes; stopped there");
                }
                long consumed = inflater.getBytesRead();
                int n = inflater.inflate(out, length, out.length - length);
                length += n;
                // No output, no input consumed, not finished: the stream ended early (or wants a
                // dictionary we do not have); looping again would spin forever.
                if (n == 0 && inflater.getBytesRead() == consumed && !inflater.finished()) {
                    throw new UserSigException(UserSigFailure.MALFORMED_ZLIB, inflater.needsDictionary()
                            ? "zlib stream needs a preset dictionary" : "zlib stream is truncated");
                }
            }
            if (length > MAX_JSON_BYTES) {
                throw new UserSigException(UserSigFailure.TOO_LARGE,
                        "inflated content exceeds " + MAX_JSON_BYTES + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new UserSigException(UserSigFailure.MALFORMED_ZLIB,
                        inflater.getRemaining() + " byte(s) after the end of the zlib stream");
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new UserSigException(UserSigFailure.MALFORMED_ZLIB, "not a zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static UserSigException badBase64(String message) {
        return new UserSigException(UserSigFailure.MALFORMED_BASE64, message);
    }
}
