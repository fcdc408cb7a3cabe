package io.trtcsim.load;

import io.trtcsim.media.VideoProfile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The load command's option types: video profiles as TRTC names them, subscriber kinds (durations: io.trtcsim.cli). */
final class OptionConverters {

    private OptionConverters() {
    }

    /** "320x180@15": width x height @ frames per second. */
    static final class VideoProfileConverter implements ITypeConverter<VideoProfile> {

        private static final Pattern PROFILE = Pattern.compile("(\\d{1,5})x(\\d{1,5})@(\\d{1,3})");

        @Override
        public VideoProfile convert(String value) {
            Matcher m = PROFILE.matcher(value.trim());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT@FPS, e.g. 320x180@15 or 640x360@30");
            }
            try {
                return new VideoProfile(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /** "full" or "stats-only". */
    static final class SubscriberKindConverter implements ITypeConverter<SubscriberKind> {

        @Override
        public SubscriberKind convert(String value) {
            try {
                return SubscriberKind.named(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
