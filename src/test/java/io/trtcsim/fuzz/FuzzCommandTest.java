package io.trtcsim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.usersig.AppKeyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fuzz command against an embedded simulator, and its exit statuses when it cannot run. */
class FuzzCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int fuzz(String... args) {
        CommandLine command = FuzzCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void fiveThousandHostileMessagesLeaveTheSimulatorServingAndTheCountsAddUp(@TempDir Path reports) throws IOException {
        try (SimulatorServer simulator = SimulatorServer.start(
                SimulatorConfig.onLoopback(AppKeyStore.load(Path.of("fixtures", "apps.json"))))) {
            int status = fuzz("--url", simulator.signalingUri().toString(), "--messages", "5000", "--connections", "20",
                    "--seed", "7", "--duration", "2m", "--out", reports.toString());

            assertThat(status).as("exit status; output:%n%s%n%s", out, err).isEqualTo(0);
        }
        JsonNode summary = new ObjectMapper().readTree(reports.resolve(FuzzCommand.SUMMARY_FILE).toFile());
        JsonNode sent = summary.path("sent");
        JsonNode received = summary.path("received");
        assertThat(summary.path("outcome").asText()).isEqualTo("passed");
        assertThat(summary.path("findings")).isEmpty();
        assertThat(sent.path("total").asLong()).isGreaterThanOrEqualTo(5000);
        assertThat(sum(sent.path("byCategory"))).as("messages per category").isEqualTo(sent.path("total").asLong());
        assertThat(names(sent.path("byCategory"))).as("every category sent")
                .containsExactlyInAnyOrder(Arrays.stream(Category.values()).map(Category::label).toArray(String[]::new));
        assertThat(sum(received.path("repliesByKind"))).as("replies by kind").isEqualTo(received.path("replies").asLong());
        assertThat(sum(received.path("closedByServerByStatus"))).as("closes by status")
                .isEqualTo(received.path("closedByServer").asLong());
        assertThat(sum(received.path("closedByServerByCategory"))).as("closes by category")
                .isEqualTo(received.path("closedByServer").asLong());
        assertThat(received.path("markersAnswered").asLong() + received.path("markersUnanswered").asLong()
                + received.path("markersOnConnectionsClosedFirst").asLong()).as("markers").isEqualTo(sent.path("markers").asLong());
        assertThat(received.path("markersUnanswered").asLong()).isZero();
        assertThat(received.path("closedByServerByStatus").path("1009").asLong()).as("oversized frames closed with 1009")
                .isPositive();
        assertThat(received.path("repliesByKind").path("error INVALID_PARAMETER (4096)").asLong()).isPositive();
        assertThat(sent.path("connectionsUsed").asLong()).isEqualTo(sent.path("connectionsOpened").asLong());
        JsonNode watch = summary.path("watch");
        assertThat(watch.path("healthPolls").asLong()).isPositive();
        assertThat(watch.path("healthWorstMillis").asLong()).isLessThanOrEqualTo(1000);
        assertThat(watch.path("sentinelHeartbeatsAnswered").asLong()).isPositive();
        assertThat(out.toString()).contains("PASSED").contains("wrong-types").contains("status 1009");
    }

    @Test
    void nothingListeningAtTheUrlExitsThreeNamingIt() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port + "/signal";

        int status = fuzz("--url", url, "--messages", "10");

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("could not run").contains(url).contains("refused");
    }

    @Test
    void aUrlThatIsNotWebSocketIsBadInput() {
        int status = fuzz("--url", "http://127.0.0.1:7788/signal");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--url").contains("ws://");
    }

    @Test
    void theSameSeedMakesTheSameScenarios() {
        AppKeyStore keys = AppKeyStore.load(Path.of("fixtures", "apps.json"));
        FuzzAccounts accounts = new FuzzAccounts(keys.apps().iterator().next(), 11);
        HostileMessages first = new HostileMessages(accounts, 11);
        HostileMessages second = new HostileMessages(accounts, 11);
        for (long index = 0; index < 200; index++) {
            Scenario a = first.scenario(index);
            Scenario b = second.scenario(index);
            assertThat(b.category()).isEqualTo(a.category());
            assertThat(b.ending()).isEqualTo(a.ending());
            assertThat(b.frames()).hasSameSizeAs(a.frames());
            for (int i = 0; i < a.frames().size(); i++) {
                assertThat(b.frames().get(i).payload()).as("scenario %d frame %d", index, i).isEqualTo(a.frames().get(i).payload());
            }
        }
        assertThat(first.wrongTypeCases()).as("(type, field, wrong type) cases").isGreaterThan(300);
    }

    private static long sum(JsonNode counts) {
        Iterator<JsonNode> values = counts.elements();
        return StreamSupport.stream(((Iterable<JsonNode>) () -> values).spliterator(), false).mapToLong(JsonNode::asLong).sum();
    }

    private static String[] names(JsonNode counts) {
        Iterator<String> names = counts.fieldNames();
        return StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false).toArray(String[]::new);
    }
}
