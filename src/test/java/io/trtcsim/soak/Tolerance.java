package io.trtcsim.soak;

import io.trtcsim.soak.ProcessFigures.Figure;
import java.util.List;

/**
 * How far one figure may grow from the start of a soak run to its end and still count as flat: by
 * {@code absolute} units or by {@code relative} of the start figure, whichever is more. A figure
 * that falls is flat (a leak grows).
 */
record Tolerance(Figure figure, long absolute, double relative) {

    /**
     * The tolerances of a soak run (docs/measurements.md, "Soak and repeated runs"): a thread or a
     * descriptor per scenario leaked shows over 200 scenarios, while the harness's pools (Jetty's,
     * libwebrtc's, the JIT's) may hold a few more or fewer at any instant; RSS and heap vary with
     * the allocator and the collector, not only with what is live.
     */
    static final List<Tolerance> SOAK = List.of(
            new Tolerance(Figure.NATIVE_THREADS, 5, 0),
            new Tolerance(Figure.JAVA_THREADS, 5, 0),
            new Tolerance(Figure.OPEN_FILE_DESCRIPTORS, 10, 0),
            new Tolerance(Figure.RESIDENT_KILOBYTES, 0, 0.15),
            new Tolerance(Figure.HEAP_AFTER_GC_KILOBYTES, 16 * 1024, 0.20));

    Tolerance {
        if (absolute < 0 || relative < 0) {
            throw new IllegalArgumentException("the tolerance of " + figure.label + " is negative");
        }
    }

    long allowedGrowth(long start) {
        return Math.max(absolute, Math.round(start * relative));
    }

    Check check(ProcessFigures start, ProcessFigures end) {
        return check(start, end, 0, "");
    }

    /**
     * The check with {@code known} more units allowed for a growth whose cause is known and outside
     * the project ({@code why} says which), named in the line.
     */
    Check check(ProcessFigures start, ProcessFigures end, long known, String why) {
        long from = start.value(figure);
        long to = end.value(figure);
        return new Check(this, from, to, known, why, to - from <= allowedGrowth(from) + known);
    }

    /** The tolerance as a reader is told it: "+5", "+15 %", "+20 % or +16384 kB". */
    String describe() {
        String units = "+" + absolute + figure.unit;
        String percent = "+" + Math.round(relative * 100) + " %";
        if (relative == 0) {
            return units;
        }
        return absolute == 0 ? percent : percent + " or " + units + ", whichever is more";
    }

    /** One figure at the start and at the end of a run, and whether it stayed within its tolerance. */
    record Check(Tolerance tolerance, long start, long end, long known, String why, boolean flat) {

        String line() {
            Figure figure = tolerance.figure();
            long growth = end - start;
            String allowed = tolerance.describe() + (known == 0 ? "" : " and +" + known + figure.unit + " " + why);
            return String.format("%-24s start %,d%s, end %,d%s (%s%,d), tolerance %s: %s", figure.label, start, figure.unit,
                    end, figure.unit, growth >= 0 ? "+" : "", growth, allowed, flat ? "flat" : "GREW");
        }
    }
}
