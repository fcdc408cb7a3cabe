package io.trtcsim;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * How the property-based tests (the {@code *Properties} classes) run: QuickTheories with a fixed
 * seed, so every run tries the same inputs, and nothing is written anywhere. {@code -DQT_SEED=<n>}
 * runs them with another seed (the one a failure printed, to reproduce it), {@code -DQT_EXAMPLES=<n>}
 * with another number of tries. See docs/design.md, "Property-based tests".
 */
public final class PropertyRuns {

    /** The seed of every run unless {@code -DQT_SEED} says otherwise. */
    public static final long SEED = 20261205L;

    private PropertyRuns() {
    }

    /** A property run of {@code examples} tries (unless {@code -DQT_EXAMPLES} says otherwise). */
    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(Long.getLong("QT_SEED", SEED))
                .withExamples(Integer.getInteger("QT_EXAMPLES", examples));
    }

    /** Any bytes, 0 to {@code maxLength} of them. */
    public static Gen<byte[]> bytes(int maxLength) {
        return hex(Generate.byteArrays(SourceDSL.integers().between(0, maxLength),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)));
    }

    /** Bytes shown in hex when a property fails, so the failing input can be copied into a test. */
    public static Gen<byte[]> hex(Gen<byte[]> bytes) {
        return bytes.describedAs(data -> HexFormat.of().formatHex(data));
    }

    /** Any text: every code point, surrogates and controls included, up to {@code maxLength} characters. */
    public static Gen<String> anyText(int maxLength) {
        return SourceDSL.strings().allPossible().ofLengthBetween(0, maxLength)
                .mix(SourceDSL.strings().ascii().ofLengthBetween(0, maxLength), 50);
    }

    /**
     * One change to {@code valid}, as a corrupted or hostile copy of it: a character replaced, deleted
     * or inserted, the text cut short, a range repeated or removed. Never the text unchanged.
     */
    public static Gen<String> mutated(String valid) {
        Gen<Integer> at = SourceDSL.integers().between(0, valid.length() - 1);
        Gen<Character> character = SourceDSL.integers().between(0, 0xFFFF).map(code -> (char) code.intValue())
                .mix(SourceDSL.integers().between(0x20, 0x7E).map(code -> (char) code.intValue()), 70);
        Gen<String> replaced = at.zip(character, (i, c) -> valid.substring(0, i) + c + valid.substring(i + 1));
        Gen<String> deleted = at.map(i -> valid.substring(0, i) + valid.substring(i + 1));
        Gen<String> inserted = at.zip(character, (i, c) -> valid.substring(0, i) + c + valid.substring(i));
        Gen<String> truncated = at.map(i -> valid.substring(0, i));
        Gen<String> repeated = at.zip(at, (i, j) -> valid.substring(0, Math.max(i, j))
                + valid.substring(Math.min(i, j)));
        Gen<String> removed = at.zip(at, (i, j) -> valid.substring(0, Math.min(i, j)) + valid.substring(Math.max(i, j)));
        return Generate.oneOf(replaced, deleted, inserted, truncated, repeated, removed)
                .assuming(text -> !text.equals(valid));
    }

    /** Lines of {@code text} (split at CRLF or LF), for mutations line by line. */
    public static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\r?\n")));
    }
}
