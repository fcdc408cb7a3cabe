package io.trtcsim.load;

import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.stack.StackUnreachableException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The load command, for capacity work in the spirit of LiveKit's {@code lk load-test}:
 * {@code load-test run} runs one load process (one shard) against any stack, {@code load-test
 * merge} makes one report of several shards. From the sources:
 * {@code mvn -q compile exec:java -Dexec.mainClass=io.trtcsim.load.LoadTest -Dexec.args="run --help"},
 * or {@code bash scripts/load-test.sh run --help}. README "Load runs", docs/load.md.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true, versionProvider = LoadTest.Version.class,
        subcommands = {RunCommand.class, MergeCommand.class, CommandLine.HelpCommand.class},
        description = {"Load runs against a TRTC-style stack: simulated participants with real WebRTC media, a progress"
                + " table while they run, an HTML/JSON/CSV report and an Allure result at the end. Shards of one run"
                + " (separate processes or machines sharing one stack) merge into one report.", ""})
public final class LoadTest implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command as {@link #main} runs it: bad input exits with 2 and one line naming the problem
     * (nothing started), a run that cannot be carried out with 3, the verdict of a run with 0 or 1.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LoadTest()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine failed = failure.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + failure.getMessage());
            // "Did you mean: run --rooms?" for a mistyped option.
            CommandLine.UnmatchedArgumentException.printSuggestions(failure, failed.getErr());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            failed.getErr().flush();
            return ExitStatus.BAD_INPUT.code();
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            String why = Optional.ofNullable(failure.getMessage()).orElse(failure.toString());
            if (failure instanceof StackUnavailableException) {
                failed.getErr().println("the stack cannot run on this machine: " + why);
            } else if (failure instanceof StackUnreachableException) {
                failed.getErr().println("the stack does not answer: " + why);
            } else {
                failed.getErr().println("the load run could not be carried out: " + why);
            }
            // The message says it all for these: a wrong URL or a missing program is no bug of the harness.
            if (!(failure instanceof StackUnavailableException || failure instanceof StackUnreachableException
                    || failure instanceof IllegalArgumentException)) {
                failure.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return ExitStatus.COULD_NOT_RUN.code();
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: run (one load process) or merge (shards' reports)");
    }

    /** The harness's version, from its jar's manifest where there is one. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = LoadTest.class.getPackage().getImplementationVersion();
            return new String[] {"trtc load-test " + (version == null ? "(from the sources)" : version)};
        }
    }
}
