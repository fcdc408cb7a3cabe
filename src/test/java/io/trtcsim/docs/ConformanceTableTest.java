package io.trtcsim.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/conformance.md cannot drift from what checks it: every feature, test and benchmark a row
 * names exists, and a row that claims "pass" names at least one. (A renamed test or a deleted
 * feature fails this test, naming the row.)
 */
class ConformanceTableTest {

    private static final Path TABLE = Path.of("docs/conformance.md");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*(Test|Benchmark)");

    private record Row(String behaviour, String checkedBy, String status) {
    }

    @Test
    void everyCheckTheTableNamesExistsAndEveryPassNamesOne() throws IOException {
        List<Row> rows = behaviourRows();
        Set<String> featureNames = featureFiles().stream().map(path -> path.getFileName().toString().replace(".feature", ""))
                .collect(Collectors.toSet());
        Set<String> testClasses = ProjectChecks.testClassNames();
        List<String> problems = new ArrayList<>();

        for (Row row : rows) {
            List<String> references = new ArrayList<>();
            Matcher quoted = QUOTED.matcher(row.checkedBy());
            while (quoted.find()) {
                references.add(quoted.group(1));
            }
            String bare = QUOTED.matcher(row.checkedBy()).replaceAll("").replaceAll("\\([^)]*\\)", "");
            for (String word : bare.split(",")) {
                String name = word.trim();
                if (!name.isEmpty() && !name.equals("—")) {
                    references.add(name);
                }
            }
            int checks = 0;
            for (String reference : references) {
                if (reference.startsWith("features/")) {
                    checks++;
                    if (reference.contains("*") ? matching(reference).isEmpty() : !Files.exists(Path.of(reference))) {
                        problems.add(row.behaviour() + ": no feature " + reference);
                    }
                } else if (CLASS_NAME.matcher(reference).matches()) {
                    checks++;
                    if (!testClasses.contains(reference)) {
                        problems.add(row.behaviour() + ": no test or benchmark class " + reference + " under src/test/java");
                    }
                } else if (reference.matches("[a-z0-9-]+")) {
                    checks++;
                    if (!featureNames.contains(reference)) {
                        problems.add(row.behaviour() + ": no feature named " + reference + ".feature");
                    }
                }
            }
            if (row.status().startsWith("pass") && checks == 0) {
                problems.add(row.behaviour() + ": claims '" + row.status() + "' but names no feature or test");
            }
        }

        assertThat(rows).as("rows of the behaviour table in %s", TABLE).hasSizeGreaterThan(30);
        assertThat(problems).as("rows of %s whose checks do not exist", TABLE).isEmpty();
    }

    /** The rows of the first table (documented behaviour | checked by | status), header and rule left out. */
    private static List<Row> behaviourRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("| documented behaviour |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|", -1);
                rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim()));
            }
        }
        return rows;
    }

    private static List<Path> featureFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("features"))) {
            return files.filter(path -> path.toString().endsWith(".feature")).toList();
        }
    }

    private static List<Path> matching(String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return featureFiles().stream().filter(matcher::matches).toList();
    }
}
