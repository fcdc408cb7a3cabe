package io.trtcsim.soak;

import io.trtcsim.soak.ScenarioOutcome.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The scenarios of one JUnit XML report (Cucumber's {@code junit:} plugin, reports/junit.xml): each
 * {@code testcase} with a {@code failure} or {@code error} child failed, with a {@code skipped}
 * child was skipped, and passed otherwise.
 */
record JunitReport(Path file, List<ScenarioOutcome> scenarios) {

    static JunitReport read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList cases = factory.newDocumentBuilder().parse(in).getElementsByTagName("testcase");
            List<ScenarioOutcome> scenarios = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                scenarios.add(new ScenarioOutcome(testCase.getAttribute("classname"), testCase.getAttribute("name"),
                        outcome(testCase)));
            }
            return new JunitReport(file, List.copyOf(scenarios));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JUnit report " + file + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("the JUnit report " + file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Outcome outcome(Element testCase) {
        if (hasChild(testCase, "failure") || hasChild(testCase, "error")) {
            return Outcome.FAILED;
        }
        return hasChild(testCase, "skipped") ? Outcome.SKIPPED : Outcome.PASSED;
    }

    private static boolean hasChild(Element parent, String name) {
        return parent.getElementsByTagName(name).getLength() > 0;
    }

    long count(Outcome outcome) {
        return scenarios.stream().filter(scenario -> scenario.outcome() == outcome).count();
    }

    /** "12 run: 11 passed, 1 failed, 0 skipped". */
    String counts() {
        return scenarios.size() + " run: " + count(Outcome.PASSED) + " passed, " + count(Outcome.FAILED) + " failed, "
                + count(Outcome.SKIPPED) + " skipped";
    }
}
