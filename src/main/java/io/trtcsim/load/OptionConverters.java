package io.trtcsim.load;

import io.trtcsim.media.VideoProfile;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The load command's option types: durations as people write them, video profiles as TRTC names them. */
final class OptionConverters {

    private OptionConverters() {
    }

    /** "500ms", "20s", "5m", "1h", or ISO-8601 ("PT20S"). */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim());
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 20s, 5m or 1h");
            }
        }
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
