package io.trtcsim.load;

import io.trtcsim.harness.ParticipantKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a subscriber of a load run is made: a full participant (its own libwebrtc engine, decoding
 * and rendering every stream, as a browser tab) or one that only reads WebRTC statistics, cheaper,
 * so a machine holds more of them. Both only receive, on the run's one shared engine; what each
 * measures is {@link ParticipantKind}'s.
 */
public enum SubscriberKind {
    FULL(ParticipantKind.FULL), STATS_ONLY(ParticipantKind.STATS_ONLY);

    private final ParticipantKind participantKind;

    SubscriberKind(ParticipantKind participantKind) {
        this.participantKind = participantKind;
    }

    /** The harness's kind a subscriber of this kind is made as. */
    public ParticipantKind participantKind() {
        return participantKind;
    }

    /** "full" or "stats-only", as --subscriber-kind takes it. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Looks up "full" or "stats-only"; anything else names what was given and what is known. */
    public static SubscriberKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.optionName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--subscriber-kind '" + name + "' is not known; use "
                        + Arrays.stream(values()).map(SubscriberKind::optionName).collect(Collectors.joining(" or "))));
    }

    @Override
    public String toString() {
        return optionName();
    }
}
