package io.trtcsim.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness settings: its defaults, a project's harness.properties on the class path, then system
 * properties of the same name (so {@code mvn test -Dharness.timeout.call=30s} works). Read once per scenario.
 */
public final class HarnessConfig {

    /** The harness's own defaults, documented key by key. */
    static final String DEFAULTS = "/io/trtcsim/harness/defaults.properties";
    /** A project's settings: any subset of the defaults' keys. */
    public static final String PROJECT_SETTINGS = "harness.properties";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private final Properties values;

    private HarnessConfig(Properties values) {
        this.values = values;
    }

    /**
     * The harness's defaults ({@value #DEFAULTS} in its jar), then a project's own
     * {@value #PROJECT_SETTINGS} on the class path, if it has one (a QA team's src/test/resources),
     * then system properties of the same names.
     */
    public static HarnessConfig load() {
        Properties merged = new Properties();
        merged.putAll(read(DEFAULTS).orElseThrow(() -> new IllegalStateException(DEFAULTS
                + " is missing from the class path: the harness jar is incomplete")));
        read("/" + PROJECT_SETTINGS).ifPresent(project -> project.stringPropertyNames().forEach(key -> {
            if (!merged.containsKey(key)) {
                throw new IllegalStateException(PROJECT_SETTINGS + " sets '" + key + "', which is no harness setting; known: "
                        + new TreeSet<>(merged.stringPropertyNames()));
            }
            merged.setProperty(key, project.getProperty(key).trim());
        }));
        for (String key : merged.stringPropertyNames()) {
            String override = System.getProperty(key);
            if (override != null && !override.isBlank()) {
                merged.setProperty(key, override.trim());
            }
        }
        return new HarnessConfig(merged);
    }

    private static Optional<Properties> read(String resource) {
        try (InputStream in = HarnessConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties values = new Properties();
            values.load(in);
            return Optional.of(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** For tests: the defaults with some values replaced. */
    public HarnessConfig with(String key, String value) {
        Properties copy = new Properties();
        copy.putAll(values);
        copy.setProperty(key, value);
        return new HarnessConfig(copy);
    }

    public String stack() {
        return text("harness.stack");
    }

    public Duration callTimeout() {
        return duration("harness.timeout.call");
    }

    public Duration signalingTimeout() {
        return duration("harness.timeout.signaling");
    }

    public Duration mediaTimeout() {
        return duration("harness.timeout.media");
    }

    public Duration eventTimeout() {
        return duration("harness.timeout.event");
    }

    /** How long a whole scenario may run before the watchdog fails it with a thread dump. */
    public Duration scenarioTimeout() {
        return duration("harness.timeout.scenario");
    }

    /** How many idle libwebrtc engines the JVM keeps for later scenarios (harness.engines.pool-size; 0: none). */
    public int enginePoolSize() {
        return count("harness.engines.pool-size", 0, "a number of engines: 0 (keep none) or more");
    }

    /** Joins per second of a range of participants with media (harness.join-rate.media). */
    public double mediaJoinRate() {
        return rate("harness.join-rate.media");
    }

    /** Joins per second of a range of signaling-only participants (harness.join-rate.signaling). */
    public double signalingJoinRate() {
        return rate("harness.join-rate.signaling");
    }

    /**
     * How many joins of a range may await their answer at once (harness.join-window): a stack that
     * answers slower than the join rate gets the next join when it has answered one.
     */
    public int joinWindow() {
        return count("harness.join-window", 1, "a number of joins awaiting their answer: 1 or more");
    }

    /** A whole number of at least {@code least}, or an error naming the setting, its value and {@code meaning}. */
    private int count(String key, int least, String meaning) {
        String value = text(key);
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= least) {
                return count;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("setting " + key + " = '" + value + "' is not " + meaning);
    }

    /** A join ramp at {@code joinsPerSecond} with this configuration's window and patience. */
    public JoinRamp joinRamp(double joinsPerSecond) {
        return new JoinRamp(joinsPerSecond, joinWindow(), callTimeout());
    }

    private double rate(String key) {
        String value = text(key);
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("setting " + key + " = '" + value + "' is not a rate: joins per second, more than 0");
    }

    public Path fixtures() {
        return Path.of(text("harness.fixtures"));
    }

    public long sdkAppId() {
        String value = text("harness.sdkAppId");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("harness.sdkAppId '" + value + "' is not a number");
        }
    }

    public Duration userSigValidity() {
        String value = text("harness.userSig.validity");
        return value.endsWith("h") ? Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)))
                : duration("harness.userSig.validity");
    }

    private String text(String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("setting " + key + " is missing from " + DEFAULTS);
        }
        return value.trim();
    }

    private Duration duration(String key) {
        String value = text(key);
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("setting " + key + " = '" + value + "' is not a duration like 500ms, 10s or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
