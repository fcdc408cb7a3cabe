package io.trtcsim.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chooses which PulseAudio source libwebrtc records, by making it the server's default source
 * ({@code pactl set-default-source}), as a user picking a microphone in the sound settings does.
 * <p>
 * Why: webrtc-java 0.14 selects a recording device by its GUID, and libwebrtc's PulseAudio module
 * lists every device with an empty one, so any choice lands on device 0, "the default" (measured:
 * after a switch to a silent microphone the tone of the default one was still heard). Recording
 * from the default and moving the default is the one way through webrtc-java's device path. A
 * record stream stays on the source it connected to, so tabs recording different microphones of
 * one server are started one after the other.
 */
final class PulseAudioSources {

    private static final long PATIENCE_SECONDS = 10;

    private PulseAudioSources() {
    }

    /**
     * Makes the source listed as {@code label} (its description, as libwebrtc lists it, or its name)
     * the server's default.
     *
     * @throws IllegalArgumentException naming the label and the sources there are, when none has it
     * @throws IllegalStateException    when pactl fails or cannot be run
     */
    static void makeDefault(String label) {
        List<Source> sources = sources();
        Source source = sources.stream().filter(s -> s.description().equals(label)).findFirst()
                .or(() -> sources.stream().filter(s -> s.name().equals(label)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("the PulseAudio server has no source '" + label
                        + "'; its sources: " + sources.stream().map(Source::description).toList()));
        pactl("set-default-source", source.name());
    }

    private record Source(String name, String description) {
    }

    /** `pactl list sources`: each source's "Name:" and "Description:" lines. */
    private static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        Optional<String> name = Optional.empty();
        for (String line : pactl("list", "sources").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Name: ")) {
                name = Optional.of(trimmed.substring("Name: ".length()));
            } else if (trimmed.startsWith("Description: ") && name.isPresent()) {
                sources.add(new Source(name.get(), trimmed.substring("Description: ".length())));
                name = Optional.empty();
            }
        }
        return sources;
    }

    /** Runs pactl against the server this JVM's environment names (PULSE_SERVER); its output. */
    private static String pactl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("pactl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + PATIENCE_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (status " + process.exitValue()
                        + "): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run pactl (Debian's pulseaudio-utils) to choose the microphone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pactl", e);
        }
    }
}
