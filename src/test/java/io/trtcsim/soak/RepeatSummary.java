package io.trtcsim.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The summary of scripts/repeat-features.sh: for each stack folder it is given
 * (reports/repeat/&lt;stack&gt;/run-&lt;i&gt;.xml), passed and failed per run, and every scenario that
 * failed in any run with the runs it failed in. Needs the JDK only, so the script runs it with
 * {@code java -cp target/test-classes}.
 *
 * <p>{@code RepeatSummary [--markdown FILE] FOLDER...}; exit status 0 when every run of every stack
 * passed, 1 when a scenario failed (or a run had none), 2 for a wrong command line or an unreadable report.
 */
public final class RepeatSummary {

    private RepeatSummary() {
    }

    public static void main(String[] args) throws IOException {
        Optional<Path> markdown = Optional.empty();
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--markdown")) {
                if (i + 1 == args.length) {
                    fail("--markdown needs a file name");
                }
                markdown = Optional.of(Path.of(args[++i]));
            } else if (args[i].startsWith("-")) {
                fail("unknown option " + args[i] + " (usage: RepeatSummary [--markdown FILE] FOLDER...)");
            } else {
                folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            fail("name at least one folder of run-<i>.xml files (usage: RepeatSummary [--markdown FILE] FOLDER...)");
        }
        List<RepeatedRuns> stacks = new ArrayList<>();
        try {
            for (Path folder : folders) {
                stacks.add(RepeatedRuns.inFolder(folder));
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
        stacks.forEach(stack -> stack.textLines().forEach(System.out::println));
        if (markdown.isPresent()) {
            List<String> lines = new ArrayList<>();
            stacks.forEach(stack -> lines.addAll(stack.markdownLines()));
            Path file = markdown.get().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            System.out.println("markdown: " + markdown.get());
        }
        boolean failed = stacks.stream().anyMatch(RepeatedRuns::anyRunFailed);
        System.out.println(failed ? "repeated runs: FAILED (a scenario failed in at least one run)" : "repeated runs: every run passed");
        System.exit(failed ? 1 : 0);
    }

    private static void fail(String why) {
        System.err.println("RepeatSummary: " + why);
        System.exit(2);
    }
}
