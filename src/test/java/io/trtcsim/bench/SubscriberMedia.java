package io.trtcsim.bench;

import io.trtcsim.trtc.MediaKind;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the subscribers of a step take: audio and video, or video alone (to see what audio costs). */
enum SubscriberMedia {
    AUDIO_VIDEO("audio+video", Set.of(MediaKind.AUDIO, MediaKind.VIDEO)),
    VIDEO("video", Set.of(MediaKind.VIDEO));

    private final String label;
    private final Set<MediaKind> kinds;

    SubscriberMedia(String label, Set<MediaKind> kinds) {
        this.label = label;
        this.kinds = kinds;
    }

    Set<MediaKind> kinds() {
        return kinds;
    }

    boolean videoOnly() {
        return !kinds.contains(MediaKind.AUDIO);
    }

    /** As the command line writes it, so the usage shows the default the way it is typed. */
    @Override
    public String toString() {
        return label;
    }

    /** Picocli's own enum conversion wants AUDIO_VIDEO; the options have always said audio+video. */
    static final class Converter implements ITypeConverter<SubscriberMedia> {

        @Override
        public SubscriberMedia convert(String value) {
            return Arrays.stream(values()).filter(media -> media.label.equals(value.trim())).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is neither audio+video nor video"));
        }
    }
}
