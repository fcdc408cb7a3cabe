package io.trtcsim.simulator.sfu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code m=} section of an SDP: kind, port, formats and attributes in their order. */
public record MediaSection(SdpMediaType kind, int port, String protocol, List<Integer> formats, List<String> attributes) {

    static Builder builder(String mLine) {
        String[] fields = mLine.substring(2).split(" ");
        if (fields.length < 4) {
            throw new SdpException("'" + SessionDescription.abbreviate(mLine) + "' needs kind, port, protocol and formats");
        }
        SdpMediaType kind = SdpMediaType.fromSdp(fields[0]);
        int port;
        try {
            port = Integer.parseInt(fields[1].split("/", -1)[0]); // -1: "/" alone gives ["", ""], not []
        } catch (NumberFormatException e) {
            throw new SdpException("the port of '" + SessionDescription.abbreviate(mLine) + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new SdpException("the port " + port + " of an m= line is outside 0..65535");
        }
        List<Integer> formats = new ArrayList<>();
        for (int i = 3; i < fields.length; i++) {
            formats.add(kind == SdpMediaType.OTHER ? -1 : payloadType(fields[i]));
        }
        return new Builder(kind, port, fields[2], formats);
    }

    static int payloadType(String text) {
        try {
            int type = Integer.parseInt(text.trim());
            if (type < 0 || type > 127) {
                throw new SdpException("payload type " + type + " is outside 0..127");
            }
            return type;
        } catch (NumberFormatException e) {
            throw new SdpException("payload type '" + SessionDescription.abbreviate(text) + "' is not a number");
        }
    }

    static Optional<String> find(List<String> attributes, String name) {
        for (String attribute : attributes) {
            if (attribute.equals(name)) {
                return Optional.of("");
            }
            if (attribute.startsWith(name + ":")) {
                return Optional.of(attribute.substring(name.length() + 1).trim());
            }
        }
        return Optional.empty();
    }

    Optional<String> attribute(String name) {
        return find(attributes, name);
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String attribute : attributes) {
            if (attribute.startsWith(name + ":")) {
                values.add(attribute.substring(name.length() + 1).trim());
            }
        }
        return values;
    }

    boolean has(String flag) {
        return attributes.contains(flag);
    }

    String mid() {
        return attribute("mid").orElse("");
    }

    /** The direction attribute; sendrecv when none is given (RFC 8866). */
    Direction direction() {
        for (Direction direction : Direction.values()) {
            if (has(direction.sdp())) {
                return direction;
            }
        }
        return Direction.SENDRECV;
    }

    boolean rejected() {
        return port == 0;
    }

    /** The codec behind each payload type (a=rtpmap), with its a=fmtp and a=rtcp-fb lines. */
    Map<Integer, Codec> codecs() {
        Map<Integer, Codec> codecs = new LinkedHashMap<>();
        for (int format : formats) {
            String rtpmap = rtpmapOf(format);
            if (rtpmap == null) {
                continue;
            }
            String[] parts = rtpmap.split("/", -1);
            int clockRate;
            try {
                clockRate = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            } catch (NumberFormatException e) {
                throw new SdpException("a=rtpmap:" + format + " has a clock rate that is not a number: " + rtpmap);
            }
            String fmtp = null;
            List<String> feedback = new ArrayList<>();
            for (String value : all("fmtp")) {
                if (value.startsWith(format + " ")) {
                    fmtp = value.substring(String.valueOf(format).length() + 1).trim();
                }
            }
            for (String value : all("rtcp-fb")) {
                if (value.startsWith(format + " ")) {
                    feedback.add(value.substring(String.valueOf(format).length() + 1).trim());
                }
            }
            codecs.put(format, new Codec(format, rtpmap, parts[0], clockRate, fmtp, List.copyOf(feedback)));
        }
        return codecs;
    }

    private String rtpmapOf(int format) {
        for (String value : all("rtpmap")) {
            int space = value.indexOf(' ');
            if (space > 0 && value.substring(0, space).equals(String.valueOf(format))) {
                return value.substring(space + 1).trim();
            }
        }
        return null;
    }

    /** Header extensions offered (a=extmap), by id. */
    Map<Integer, String> extensions() {
        Map<Integer, String> extensions = new LinkedHashMap<>();
        for (String value : all("extmap")) {
            String[] parts = value.split(" ");
            if (parts.length < 2) {
                throw new SdpException("a=extmap:" + value + " has no URI");
            }
            int id;
            try {
                id = Integer.parseInt(parts[0].split("/", -1)[0]);
            } catch (NumberFormatException e) {
                throw new SdpException("a=extmap:" + value + " has an id that is not a number");
            }
            if (id < 1 || id > 255) {
                throw new SdpException("a=extmap id " + id + " is outside 1..255");
            }
            extensions.put(id, parts[1]);
        }
        return extensions;
    }

    /** The SSRCs a sender announces (a=ssrc), first one first; RTX and FEC ones included. */
    List<Long> ssrcs() {
        List<Long> ssrcs = new ArrayList<>();
        for (String value : all("ssrc")) {
            long ssrc = ssrc(value.split(" ")[0]);
            if (!ssrcs.contains(ssrc)) {
                ssrcs.add(ssrc);
            }
        }
        return ssrcs;
    }

    /** The media SSRC: the first of the FID group when there is one (the second is its RTX), else the first. */
    Optional<Long> mediaSsrc() {
        for (String group : all("ssrc-group")) {
            String[] parts = group.split(" ");
            if (parts.length >= 2 && (parts[0].equals("FID") || parts[0].equals("SIM"))) {
                return Optional.of(ssrc(parts[1]));
            }
        }
        List<Long> ssrcs = ssrcs();
        return ssrcs.isEmpty() ? Optional.empty() : Optional.of(ssrcs.get(0));
    }

    /** The value of an a=ssrc attribute of that SSRC, such as its cname. */
    Optional<String> ssrcAttribute(long ssrc, String name) {
        for (String value : all("ssrc")) {
            String prefix = ssrc + " " + name + ":";
            if (value.startsWith(prefix)) {
                return Optional.of(value.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    static long ssrc(String text) {
        try {
            long ssrc = Long.parseLong(text.trim());
            if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
                throw new SdpException("SSRC " + ssrc + " is outside 0..2^32-1");
            }
            return ssrc;
        } catch (NumberFormatException e) {
            throw new SdpException("SSRC '" + SessionDescription.abbreviate(text) + "' is not a number");
        }
    }

    /** A payload type with what the SDP says of it. */
    record Codec(int payloadType, String rtpmap, String name, int clockRate, String fmtp, List<String> feedback) {

        boolean isRetransmissionOrRedundancy() {
            String lower = name.toLowerCase();
            return lower.equals("rtx") || lower.equals("red") || lower.equals("ulpfec") || lower.equals("flexfec-03");
        }
    }

    enum Direction {
        SENDRECV("sendrecv"), SENDONLY("sendonly"), RECVONLY("recvonly"), INACTIVE("inactive");

        private final String sdp;

        Direction(String sdp) {
            this.sdp = sdp;
        }

        String sdp() {
            return sdp;
        }

        boolean sends() {
            return this == SENDRECV || this == SENDONLY;
        }

        boolean receives() {
            return this == SENDRECV || this == RECVONLY;
        }
    }

    static final class Builder {
        private final SdpMediaType kind;
        private final int port;
        private final String protocol;
        private final List<Integer> formats;
        private final List<String> attributes = new ArrayList<>();

        private Builder(SdpMediaType kind, int port, String protocol, List<Integer> formats) {
            this.kind = kind;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }

        void attribute(String attribute) {
            attributes.add(attribute);
        }

        MediaSection build() {
            return new MediaSection(kind, port, protocol, List.copyOf(formats), List.copyOf(attributes));
        }
    }
}
