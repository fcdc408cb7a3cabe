package io.trtcsim.bench;

import io.trtcsim.media.VideoProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types the benchmarks' options share, as picocli converters. Their messages give the
 * value only: picocli puts the option's name in front ("Invalid value for option '--seconds' ...").
 */
final class OptionValues {

    private OptionValues() {
    }

    /** A count or a number of seconds where 0 would mean nothing to measure. */
    static final class PositiveWhole extends Bounded<Integer> {
        PositiveWhole() {
            super(Integer::valueOf, number -> number > 0, "a positive whole number");
        }
    }

    /** A count or a number of seconds where 0 leaves that part out (no warm-up, no baseline). */
    static final class NonNegativeWhole extends Bounded<Integer> {
        NonNegativeWhole() {
            super(Integer::valueOf, number -> number >= 0, "a whole number of 0 or more");
        }
    }

    /** A rate: any number above 0, fractions too. */
    static final class PositiveNumber extends Bounded<Double> {
        PositiveNumber() {
            super(Double::valueOf, number -> number > 0 && !number.isInfinite(), "a number above 0");
        }
    }

    /** A share in percent, 0 to 100. */
    static final class Percent extends Bounded<Integer> {
        Percent() {
            super(Integer::valueOf, number -> number >= 0 && number <= 100, "a percentage from 0 to 100");
        }
    }

    /** A number in the range a subclass states, which says it in words for the message. */
    abstract static class Bounded<T> implements ITypeConverter<T> {

        private final Function<String, T> parse;
        private final Predicate<T> inRange;
        private final String what;

        Bounded(Function<String, T> parse, Predicate<T> inRange, String what) {
            this.parse = parse;
            this.inRange = inRange;
            this.what = what;
        }

        @Override
        public T convert(String value) {
            try {
                T number = parse.apply(value.trim());
                if (inRange.test(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Said below, as for a number out of range.
            }
            throw new TypeConversionException("'" + value + "' is not " + what);
        }
    }

    /** "320x180@15": width x height @ frames per second, as TRTC names video profiles. */
    static final class Profile implements ITypeConverter<VideoProfile> {

        @Override
        public VideoProfile convert(String value) {
            String[] parts = value.trim().split("[x@]");
            try {
                if (parts.length == 3) {
                    return new VideoProfile(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                            Integer.parseInt(parts[2]));
                }
            } catch (NumberFormatException e) {
                // Said below.
            } catch (IllegalArgumentException e) {
                // Well formed, but a size or frame rate no source produces.
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
            throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT@FPS, e.g. 320x180@15");
        }
    }

    /** One of a few names, e.g. the stacks or the sections a benchmark can run; a subclass names them. */
    abstract static class OneOf implements ITypeConverter<String> {

        private final List<String> allowed;

        OneOf(List<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public String convert(String value) {
            String name = value.trim();
            if (!allowed.contains(name)) {
                throw new TypeConversionException("'" + name + "' is not one of " + allowed);
            }
            return name;
        }
    }

    /**
     * Steps only grow: a run stops at the first step that misses, so a smaller one after it would
     * never run.
     */
    static void requireGrowing(CommandLine commandLine, String option, List<Integer> steps, String example) {
        List<Integer> sorted = new ArrayList<>(steps);
        sorted.sort(Integer::compare);
        if (steps.isEmpty() || !sorted.equals(steps) || steps.stream().distinct().count() != steps.size()) {
            throw new ParameterException(commandLine, option + " " + steps
                    + " must be growing subscriber counts, e.g. " + example);
        }
    }

    /** For a choice of several names that must not be left empty ("--sections ,"). */
    static void requireSome(CommandLine commandLine, String option, Collection<String> chosen, List<String> allowed) {
        if (chosen.isEmpty()) {
            throw new ParameterException(commandLine, option + " needs at least one of " + allowed);
        }
    }
}
