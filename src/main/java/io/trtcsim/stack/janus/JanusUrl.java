package io.trtcsim.stack.janus;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Janus already running, as the harness.stack value names it: {@code janus+ws://host:port/} (or
 * {@code janus+wss://}), the URL of its WebSocket transport behind a {@code janus+} prefix. The
 * prefix keeps it apart from a bare {@code ws://} URL, which means a running simulator's
 * {@code /signal} endpoint; both speak over a WebSocket, so the scheme alone cannot tell them apart.
 */
public record JanusUrl(URI webSocketUri) {

    public static final String PREFIX = "janus+";

    public JanusUrl {
        String scheme = webSocketUri.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("Janus URL " + webSocketUri + " is not a ws:// or wss:// URL");
        }
        if (webSocketUri.getHost() == null || webSocketUri.getPort() == -1) {
            throw new IllegalArgumentException("Janus URL " + PREFIX + webSocketUri
                    + " needs a host and a port, e.g. janus+ws://127.0.0.1:8188/");
        }
    }

    /** Whether a harness.stack value names a running Janus. */
    public static boolean names(String stackValue) {
        return stackValue.startsWith(PREFIX);
    }

    /** "janus+ws://10.0.0.5:8188/" into the Janus's WebSocket URL. */
    public static JanusUrl parse(String stackValue) {
        if (!names(stackValue)) {
            throw new IllegalArgumentException("'" + stackValue + "' is not a Janus URL: it starts with " + PREFIX
                    + ", e.g. janus+ws://127.0.0.1:8188/");
        }
        try {
            return new JanusUrl(new URI(stackValue.substring(PREFIX.length())));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + stackValue + "' is not a valid Janus URL: " + e.getMessage());
        }
    }

    /** The harness.stack value: the URL with its prefix. */
    @Override
    public String toString() {
        return PREFIX + webSocketUri;
    }
}
