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
 * the reason) — from the JUnit XML of one main-job run per stack.
 * <p>
 * {@code ConformanceMatrix <out.md> <stack>=<junit.xml> [<stack>=<junit.xml> ...]}; used by
 * scripts/conformance-matrix.sh.
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
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            Map<String, String> results = read(Path.of(pair[1]));
            byStack.put(pair[0], results);
            results.keySet().stream().filter(s -> !scenarios.contains(s)).forEach(scenarios::add);
        }
        StringBuilder md = new StringBuilder("# Conformance matrix\n\nEvery scenario × every stack, from one run of the "
                + "main job per stack (`scripts/conformance-matrix.sh`). *not supported* is a scenario that needs a "
                + "documented behaviour the stack lacks (a `@requires-…` tag); it is neither passed nor failed.\n\n");
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
        Files.writeString(Path.of(args[0]), md.toString());
        System.out.println("conformance matrix written to " + args[0]);
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
