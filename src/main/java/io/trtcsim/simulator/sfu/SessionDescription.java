package io.trtcsim.simulator.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An SDP (RFC 8866) as the media plane reads it: session-level attributes and the media sections,
 * each with its attributes in order. Parsing is strict about structure (every line {@code x=...},
 * {@code v=0} first, well-formed {@code m=} lines, bounded sizes) and leaves meaning to
 * {@link MediaSection}'s accessors, which refuse what they cannot use with an {@link SdpException}.
 */
public record SessionDescription(List<String> sessionAttributes, List<MediaSection> media) {

    /** libwebrtc's SDPs are a few kilobytes; the signaling already caps a message at 64 KB. */
    static final int MAX_LINES = 2000;
    static final int MAX_MEDIA_SECTIONS = 16;

    public static SessionDescription parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("the SDP is empty");
        }
        String[] lines = sdp.split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new SdpException("the SDP has " + lines.length + " lines, more than " + MAX_LINES);
        }
        if (!lines[0].equals("v=0")) {
            throw new SdpException("an SDP starts with 'v=0', this one with '" + abbreviate(lines[0]) + "'");
        }
        List<String> session = new ArrayList<>();
        List<MediaSection> media = new ArrayList<>();
        MediaSection.Builder current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpException("SDP line " + (i + 1) + " is not of the form x=...: '" + abbreviate(line) + "'");
            }
            if (line.startsWith("m=")) {
                if (current != null) {
                    media.add(current.build());
                }
                if (media.size() >= MAX_MEDIA_SECTIONS) {
                    throw new SdpException("the SDP has more than " + MAX_MEDIA_SECTIONS + " media sections");
                }
                current = MediaSection.builder(line);
            } else if (line.startsWith("a=")) {
                if (current == null) {
                    session.add(line.substring(2));
                } else {
                    current.attribute(line.substring(2));
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (media.isEmpty()) {
            throw new SdpException("the SDP has no media section (m=)");
        }
        return new SessionDescription(List.copyOf(session), List.copyOf(media));
    }

    /** A session-level attribute's value ("group:BUNDLE 0 1" for name "group"), if present. */
    Optional<String> sessionAttribute(String name) {
        return MediaSection.find(sessionAttributes, name);
    }

    /** A media section's attribute, or else the session's (ICE and DTLS attributes may be either). */
    String required(MediaSection section, String name) {
        return section.attribute(name).or(() -> sessionAttribute(name))
                .orElseThrow(() -> new SdpException("media section '" + section.mid() + "' (" + section.kind()
                        + ") has no a=" + name));
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
