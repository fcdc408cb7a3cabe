package io.trtcsim.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.ExtraCode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The inventory of docs/conformance.md ("Inventory of the documented v4 API") stays whole and true:
 * every event, error code, extra code and callback the code knows has a row; a method row that
 * claims the method is there names a public member that exists on that SDK class; every check a
 * row names exists, and an "implemented" row names one. Prints the counts by kind and status.
 */
class ConformanceInventoryTest {

    private static final Path TABLE = Path.of("docs/conformance.md");
    private static final String HEADER = "| item | kind | status | checked by, or why not |";
    private static final Set<String> STATUSES = Set.of("implemented", "partial", "not implemented");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern CHECK_CLASS = Pattern.compile("[A-Z][A-Za-z0-9]*(Test|Benchmark)");
    private static final Pattern METHOD = Pattern.compile("(TRTC|Client|Stream|LocalStream|RemoteStream)\\.([A-Za-z]+)");

    private record Row(String item, String kind, String status, String checkedBy) {
        List<String> quoted(String text) {
            List<String> found = new ArrayList<>();
            Matcher matcher = QUOTED.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        }

        boolean covers(String kindWanted, String token) {
            return kind.equals(kindWanted) && quoted(item).contains(token);
        }
    }

    @Test
    void everyDocumentedItemHasARowAndEveryRowTellsTheTruth() throws IOException {
        List<Row> rows = inventory();
        List<String> problems = new ArrayList<>();
        for (ClientEvent event : ClientEvent.values()) {
            requireRow(rows, "event", event.eventName(), problems);
        }
        for (ErrorCode code : ErrorCode.values()) {
            requireRow(rows, "error code", code.name(), problems);
        }
        for (ExtraCode code : ExtraCode.values()) {
            requireRow(rows, "extra code", String.valueOf(code.code()), problems);
        }
        for (CallbackEvent callback : CallbackEvent.values()) {
            requireRow(rows, "callback", String.valueOf(callback.eventType()), problems);
        }
        Set<String> testClasses = ProjectChecks.testClassNames();
        for (Row row : rows) {
            if (!STATUSES.contains(row.status())) {
                problems.add(row.item() + ": status '" + row.status() + "' is not one of " + STATUSES);
                continue;
            }
            if (row.checkedBy().isBlank()) {
                problems.add(row.item() + ": says nothing of how it is checked or why not");
            }
            int checks = 0;
            for (String reference : row.quoted(row.checkedBy())) {
                if (reference.startsWith("features/")) {
                    checks++;
                    if (!Files.exists(Path.of(reference))) {
                        problems.add(row.item() + ": no feature " + reference);
                    }
                } else if (CHECK_CLASS.matcher(reference).matches()) {
                    checks++;
                    if (!testClasses.contains(reference)) {
                        problems.add(row.item() + ": no test or benchmark class " + reference + " under src/test/java");
                    }
                }
            }
            if (row.status().equals("implemented") && checks == 0) {
                problems.add(row.item() + ": claims 'implemented' but names no feature or test");
            }
            if (row.kind().equals("method") && !row.status().equals("not implemented")) {
                problems.addAll(missingMembers(row));
            }
        }
        assertThat(problems).as("rows of the inventory in %s that are missing or untrue", TABLE).isEmpty();

        Map<String, Map<String, Long>> counts = new TreeMap<>();
        rows.forEach(row -> counts.computeIfAbsent(row.kind(), kind -> new TreeMap<>()).merge(row.status(), 1L, Long::sum));
        Map<String, Long> totals = rows.stream().collect(Collectors.groupingBy(Row::status, TreeMap::new, Collectors.counting()));
        System.out.println("conformance inventory: " + rows.size() + " documented items " + totals + "; by kind " + counts);
        assertThat(rows).as("rows of the inventory").hasSizeGreaterThan(100);
    }

    private static void requireRow(List<Row> rows, String kind, String token, List<String> problems) {
        if (rows.stream().noneMatch(row -> row.covers(kind, token))) {
            problems.add("no " + kind + " row for `" + token + "`");
        }
    }

    /** `Client.join`, or `Stream.muteAudio` / `unmuteAudio` (the same class): each must be a public member. */
    private static List<String> missingMembers(Row row) {
        List<String> problems = new ArrayList<>();
        List<String> names = row.quoted(row.item());
        Matcher first = METHOD.matcher(names.isEmpty() ? "" : names.get(0));
        if (!first.matches()) {
            problems.add(row.item() + ": a method row's item must start with `Class.method`");
            return problems;
        }
        Class<?> type;
        try {
            type = Class.forName("io.trtcsim.sdk." + first.group(1));
        } catch (ClassNotFoundException e) {
            problems.add(row.item() + ": no SDK class " + first.group(1));
            return problems;
        }
        List<String> members = new ArrayList<>(List.of(first.group(2)));
        names.stream().skip(1).forEach(members::add);
        for (String member : members) {
            boolean method = Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(member::equals);
            boolean field = Arrays.stream(type.getFields()).filter(f -> Modifier.isPublic(f.getModifiers()))
                    .map(Field::getName).anyMatch(member::equals);
            if (!method && !field) {
                problems.add(row.item() + ": " + type.getSimpleName() + " has no public " + member
                        + " though the row says '" + row.status() + "'");
            }
        }
        return problems;
    }

    private static List<Row> inventory() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(TABLE)) {
            if (line.equals(HEADER)) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("\\|", -1);
                if (cells.length != 6) {
                    throw new AssertionError("inventory row with " + (cells.length - 2) + " cells instead of 4: " + line);
                }
                rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim(), cells[4].trim()));
            }
        }
        assertThat(inTable).as("the inventory table (%s) in %s", HEADER, TABLE).isTrue();
        return rows;
    }
}
