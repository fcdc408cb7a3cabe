package io.trtcsim.bench;

import io.trtcsim.media.VideoProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@link CallBenchmark}; --help prints its usage. */
@Command(name = "CallBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = {"The basic call, measured on one or more stacks.", "",
                "Per round, in a fresh scenario: alice joins room 8888, publishes audio and video, bob subscribes and"
                        + " plays; from bob's first frame a window of --seconds measures frame rate, freezes, video and"
                        + " audio latency. Printed per round, then as medians per stack side by side.", ""},
        footer = {"", "A stack that cannot run here (no janus, no Docker) is reported and left out.", "",
                "Exit status: 0 when every round ran, 1 when a round failed, 2 for a wrong command line."})
final class CallOptions implements BenchmarkCommandLine.Options {

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", converter = OptionValues.PositiveWhole.class,
            description = "calls per stack (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10", converter = OptionValues.PositiveWhole.class,
            description = "the measured window of each call, from bob's first frame (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--profile", paramLabel = "P", defaultValue = "320x180@15", converter = OptionValues.Profile.class,
            description = "alice's video, WIDTHxHEIGHT@FPS (default ${DEFAULT-VALUE})")
    VideoProfile profile;

    @Option(names = "--stacks", paramLabel = "S", split = ",", defaultValue = "embedded",
            description = "harness.stack values, comma-separated: embedded (default), janus, janus-container,"
                    + " simulator-container, or a URL")
    List<String> stacks;

    @Option(names = "--uplink-loss", paramLabel = "PERCENT", defaultValue = "0", converter = OptionValues.Percent.class,
            description = "drop that share of alice's uplink packets from the first frame on (the stack's emulation,"
                    + " or iptables on Janus), so the window measures the media under loss (default ${DEFAULT-VALUE})")
    int uplinkLoss;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the table of medians as Markdown to FILE")
    Optional<Path> markdown = Optional.empty();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    static CallOptions parse(String[] args) {
        return BenchmarkCommandLine.parse(new CallOptions(), args);
    }

    @Override
    public void validate(CommandLine commandLine) {
        if (stacks.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(commandLine, "--stacks " + stacks + " names an empty stack");
        }
    }
}
