package io.trtcsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the conformance matrix — every scenario × every stack: pass, fail, or not supported (with
 * the reason) — from the JUnit XML of one main-job run per stack, followed by the Markdown files
 * given with {@code --append} (the basic call's figures on each stack, from {@code CallBenchmark}).
 * <p>
 * {@code ConformanceMatrix <out.md> <stack>=<junit.xml> [<stack>=<junit.xml> ...] [--append <file.md>]};
 * used by scripts/conformance-matrix.sh. Beside the Markdown it writes the same as an HTML page
 * ({@link MatrixPage}), for CI artifacts.
 */
public final class ConformanceMatrix {

    private ConformanceMatrix() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ConformanceMatrix <out.md> <stack>=<junit.xml> ...");
        }
        Map<String, Map<String, String>> byStack = new LinkedHashMap<>();
        List<String> scenarios = new ArrayList<>();
        List<Path> appended = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--append") && i + 1 < args.length) {
                appended.add(Path.of(args[++i]));
                continue;
            }
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("argument '" + args[i] + "' is neither <stack>=<junit.xml> nor --append <file.md>");
            }
            Map<String, String> results = read(Path.of(pair[1]));
            byStack.put(pair[0], results);
            results.keySet().stream().filter(s -> !scenarios.contains(s)).forEach(scenarios::add);
        }
        StringBuilder md = new StringBuilder("# Conformance matrix\n\nEvery scenario × every stack, from one run of the "
                + "main job per stack (`scripts/conformance-matrix.sh`; `.ci/run` runs it on every stack). *not supported* is a "
                + "scenario that needs a documented behaviour the stack lacks (a `@requires-…` tag); it is neither passed "
                + "nor failed. *skipped* is a scenario that could not run on this machine (the reason says why).\n\n");
        md.append("| feature › scenario |");
        byStack.keySet().forEach(stack -> md.append(' ').append(stack).append(" |"));
        md.append("\n|---|");
        byStack.keySet().forEach(stack -> md.append("---|"));
        md.append('\n');
        for (String scenario : scenarios) {
            md.append("| ").append(scenario.replace("|", "\\|")).append(" |");
            for (Map<String, String> results : byStack.values()) {
                md.append(' ').append(results.getOrDefault(scenario, "—")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        for (Map.Entry<String, Map<String, String>> stack : byStack.entrySet()) {
            long passed = stack.getValue().values().stream().filter(r -> r.equals("pass")).count();
            long failed = stack.getValue().values().stream().filter(r -> r.startsWith("**fail")).count();
            long unsupported = stack.getValue().values().stream().filter(r -> r.startsWith("not supported")).count();
            md.append("- ").append(stack.getKey()).append(": ").append(passed).append(" passed, ").append(failed)
                    .append(" failed, ").append(unsupported).append(" not supported\n");
        }
        for (Path file : appended) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no file to append at " + file);
            }
            md.append('\n').append(Files.readString(file));
        }
        Path out = Path.of(args[0]);
        Files.writeString(out, md.toString());
        Path html = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".html");
        Files.writeString(html, MatrixPage.render(md.toString()));
        System.out.println("conformance matrix written to " + out + " and " + html);
    }

    private static Map<String, String> read(Path junitXml) throws Exception {
        if (!Files.isRegularFile(junitXml)) {
            throw new IOException("no JUnit XML at " + junitXml);
        }
        Map<String, String> results = new LinkedHashMap<>();
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junitXml.toFile())
                .getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String name = testcase.getAttribute("classname") + " › " + testcase.getAttribute("name");
            results.put(name, outcome(testcase));
        }
        return results;
    }

    private static String outcome(Element testcase) {
        NodeList skipped = testcase.getElementsByTagName("skipped");
        if (skipped.getLength() > 0) {
            String message = ((Element) skipped.item(0)).getAttribute("message");
            int colon = message.indexOf(": ");
            return message.startsWith("not supported") && colon > 0
                    ? "not supported (" + message.substring(colon + 2) + ")" : "skipped (" + message + ")";
        }
        if (testcase.getElementsByTagName("failure").getLength() > 0 || testcase.getElementsByTagName("error").getLength() > 0) {
            return "**fail**";
        }
        return "pass";
    }
}
