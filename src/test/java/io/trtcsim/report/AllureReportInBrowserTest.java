package io.trtcsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the Allure report the main job wrote (reports/allure-report/index.html) in Debian's headless
 * Chromium, as a person would: finds the basic call scenario (or, in a report of fewer features,
 * the first one), opens an event timeline attachment,
 * and saves a screenshot to reports/allure-report-screenshot.png. Skipped, with the reason
 * printed, where Chromium or the report is missing (.ci/run installs Chromium and runs the main
 * job first).
 */
class AllureReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path REPORT = Path.of("reports", "allure-report", "index.html");
    private static final Path SCREENSHOT = Path.of("reports", "allure-report-screenshot.png");
    private static final String SCENARIO = "Alice publishes, Bob subscribes and plays, Alice leaves";

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("AllureReportInBrowserTest skipped: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    @Test
    void theReportShowsTheBasicCallWithItsEventTimeline() throws Exception {
        skipUnless(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (install the Debian packages chromium and chromium-driver)");
        skipUnless(Files.isRegularFile(REPORT), REPORT + " does not exist; run the main job first: mvn -Pfeatures verify");
        skipUnless(Files.readString(REPORT).length() > 0, REPORT + " is empty");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            String base = REPORT.toAbsolutePath().toUri().toString();
            browser.get(base + "#suites");
            // The basic call, which the full main job's report has; a report of a few features may not
            // (and its first scenario may be one skipped here, with no events to show).
            List<WebElement> leaves = await("the scenarios in the report's suites tree").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> browser.findElements(By.cssSelector("a.node__leaf")), found -> !found.isEmpty());
            Optional<WebElement> basicCall = leaves.stream()
                    .filter(a -> a.getAttribute("textContent").contains(SCENARIO)).findFirst();
            skipUnless(basicCall.isPresent(), REPORT + " has no scenario '" + SCENARIO
                    + "' (a report of some features only); run the main job first: mvn -Pfeatures verify");
            WebElement leaf = basicCall.get();
            String scenarioName = leaf.getAttribute("textContent").replaceAll("\\s+", " ").trim();
            browser.get(base + leaf.getAttribute("href").substring(leaf.getAttribute("href").indexOf('#')));

            WebElement journal = await("an 'events of …' attachment of " + scenarioName).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> attachmentNamed(browser.findElements(By.cssSelector(".attachment-row")), "events of "),
                            java.util.Objects::nonNull);
            // Attachments of the teardown hook sit in a collapsed step: open it, then the attachment.
            browser.executeScript("const row = arguments[0];"
                    + "for (let step = row.closest('.step'); step; step = step.parentElement.closest('.step')) {"
                    + "  const title = step.querySelector(':scope > .step__title');"
                    + "  if (title && !step.classList.contains('step_expanded')) { title.click(); } }", journal);
            await("the attachment row to be shown").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(journal::isDisplayed);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", journal);
            journal.click();
            await("the event timeline to show the connection's states").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> browser.findElement(By.tagName("body")).getText().contains("connection-state-changed"));

            Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("state=CONNECTED")
                    .contains("events of ");
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    private static WebElement attachmentNamed(List<WebElement> rows, String name) {
        return rows.stream().filter(row -> row.getAttribute("textContent").contains(name)).findFirst().orElse(null);
    }
}
