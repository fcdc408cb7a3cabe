package io.trtcsim.bench;

import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every benchmark's main does with its command line: picocli reads it into the benchmark's
 * options; --help prints the usage (exit status 0); a wrong command line prints what is wrong,
 * naming the option, and the usage (2); otherwise the benchmark runs and its status is the exit
 * status (0 when it ran, targets met or missed; 1 when something failed to run).
 */
final class BenchmarkCommandLine {

    static final int WRONG_COMMAND_LINE = 2;

    private BenchmarkCommandLine() {
    }

    /** A benchmark's options: a picocli command whose options are checked together once each is read. */
    interface Options {

        /**
         * Throws a {@link ParameterException} for what no single option shows (a required one left
         * out, steps that do not grow); not called for --help.
         */
        default void validate(CommandLine commandLine) {
        }
    }

    /** A benchmark run with its options, returning its exit status. */
    @FunctionalInterface
    interface Benchmark<T extends Options> {
        int run(T options) throws IOException;
    }

    /** The options of {@code args}, validated unless --help asks for the usage; a ParameterException when wrong. */
    static <T extends Options> T parse(T options, String[] args) {
        parse(new CommandLine(options), args);
        return options;
    }

    static <T extends Options> void main(T options, String[] args, Benchmark<T> benchmark) throws IOException {
        // exit, not return: an engine or a client a failed run could not release would keep the JVM alive.
        System.exit(exitStatus(options, args, benchmark, System.out, System.err));
    }

    /** What {@link #main} does short of exiting: the exit status, with the usage or the error printed. */
    static <T extends Options> int exitStatus(T options, String[] args, Benchmark<T> benchmark, PrintStream out,
            PrintStream err) throws IOException {
        CommandLine commandLine = new CommandLine(options);
        try {
            parse(commandLine, args);
        } catch (ParameterException e) {
            err.println(commandLine.getCommandName() + ": " + e.getMessage());
            // "Did you mean: --steps?" for a mistyped option.
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println();
            commandLine.usage(err);
            return WRONG_COMMAND_LINE;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return 0;
        }
        return benchmark.run(options);
    }

    private static void parse(CommandLine commandLine, String[] args) {
        commandLine.parseArgs(args);
        if (!commandLine.isUsageHelpRequested()) {
            ((Options) commandLine.getCommand()).validate(commandLine);
        }
    }
}
