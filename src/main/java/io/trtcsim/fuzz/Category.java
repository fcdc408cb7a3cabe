package io.trtcsim.fuzz;

/** The kinds of hostile message the fuzzer sends; every message sent is counted under one. */
enum Category {
    RANDOM_BYTES("random-bytes", "binary frames of random bytes, and text frames that are not UTF-8 (last on their connection)"),
    RANDOM_TEXT("random-text", "random strings: printable, any Unicode, JSON fragments"),
    WRONG_TYPES("wrong-types", "every field of every message type given a value of each wrong JSON type"),
    HUGE_NUMBERS("huge-numbers", "numeric fields (and ids) huge, negative, fractional, beyond long and double"),
    DEEP_NESTING("deep-nesting", "arrays and objects nested up to 30,000 deep, as a message or a field"),
    OVERSIZED("oversized", "frames above the 64 KiB limit, and headers announcing up to 2^62 bytes"),
    GARBAGE_SDP("garbage-sdp", "a valid join, then publish and republish with garbage SDP"),
    RACES("races", "a valid join, then publish/unpublish/leave/join pipelined and the connection closed at once"),
    ABRUPT_DISCONNECT("abrupt-disconnect", "a valid join (sometimes a publish), then half a frame or nothing, then TCP FIN or RST");

    private final String label;
    private final String description;

    Category(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }
}
