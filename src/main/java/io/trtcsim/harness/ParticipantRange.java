package io.trtcsim.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Participants named by one prefix and consecutive numbers, as a feature writes them: "viewer-1" to
 * "viewer-20". Numbers written with leading zeros keep their width: "sub-001" to "sub-120".
 */
public record ParticipantRange(String prefix, int first, int last, int width) {

    /** The trailing number of a name and what precedes it. */
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
    /** More than this is beyond what one harness process holds (docs/load.md: shards). */
    public static final int MAX_SIZE = 100_000;

    public ParticipantRange {
        if (first > last) {
            throw new IllegalArgumentException("the range " + name(prefix, first, width) + " to " + name(prefix, last, width)
                    + " is reversed: its first number must not exceed its last");
        }
        if (last - first + 1 > MAX_SIZE) {
            throw new IllegalArgumentException("the range " + name(prefix, first, width) + " to " + name(prefix, last, width)
                    + " holds " + (last - first + 1) + " participants; one harness process holds at most " + MAX_SIZE
                    + " (run shards for more: docs/load.md)");
        }
    }

    /** "viewer-1" to "viewer-20": both names must share their prefix and end in a number. */
    public static ParticipantRange between(String firstName, String lastName) {
        Matcher first = numbered(firstName);
        Matcher last = numbered(lastName);
        if (!first.group(1).equals(last.group(1))) {
            throw new IllegalArgumentException("\"" + firstName + "\" to \"" + lastName + "\" is not a range: the names differ"
                    + " before their numbers ('" + first.group(1) + "' and '" + last.group(1) + "')");
        }
        String firstDigits = first.group(2);
        int width = firstDigits.length() > 1 && firstDigits.startsWith("0") ? firstDigits.length() : 1;
        return new ParticipantRange(first.group(1), parse(firstDigits, firstName), parse(last.group(2), lastName), width);
    }

    /** As {@link #between}, and the count a feature states must be the range's size. */
    public static ParticipantRange of(int count, String firstName, String lastName) {
        return between(firstName, lastName).counted(count);
    }

    /** This range, if it holds {@code count} participants, as a feature stating both must agree. */
    public ParticipantRange counted(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException(count + " participants cannot be made: the count must be 1 or more");
        }
        if (size() != count) {
            throw new IllegalArgumentException(count + " participants were asked, but " + this + " names " + size());
        }
        return this;
    }

    public int size() {
        return last - first + 1;
    }

    /** Every name of the range, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        for (int i = first; i <= last; i++) {
            names.add(name(prefix, i, width));
        }
        return names;
    }

    public boolean contains(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        if (!matcher.matches() || !matcher.group(1).equals(prefix) || matcher.group(2).length() > 9) {
            return false;
        }
        int number = Integer.parseInt(matcher.group(2));
        return number >= first && number <= last && name(prefix, number, width).equals(name);
    }

    /** Whether the two ranges share a name. */
    public boolean overlaps(ParticipantRange other) {
        return names().stream().anyMatch(other::contains);
    }

    private static Matcher numbered(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + name + "\" cannot bound a range of participants: it must end in a number,"
                    + " as \"viewer-1\" does");
        }
        return matcher;
    }

    private static int parse(String digits, String name) {
        if (digits.length() > 9) {
            throw new IllegalArgumentException("the number of \"" + name + "\" is too large for a range of participants");
        }
        return Integer.parseInt(digits);
    }

    private static String name(String prefix, int number, int width) {
        return prefix + String.format(Locale.ROOT, "%0" + width + "d", number);
    }

    @Override
    public String toString() {
        return "\"" + name(prefix, first, width) + "\" to \"" + name(prefix, last, width) + "\"";
    }
}
