package io.trtcsim.load;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load report as one self-contained HTML page (plots embedded as PNG data), to open from disk or
 * from the Allure report it is attached to.
 */
final class LoadReportPage {

    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222}"
            + "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f3f3f3}td.text,th.text{text-align:left}.passed{color:#1a7f37}.failed{color:#c62828}"
            + "img{display:block;margin:8px 0 16px}";

    private final StringBuilder html = new StringBuilder();

    private LoadReportPage() {
    }

    static String of(LoadReport report, Map<String, byte[]> charts) {
        return new LoadReportPage().page(report, charts);
    }

    private String page(LoadReport report, Map<String, byte[]> charts) {
        String title = report.shards().size() == 1 ? "Load run" : "Load run, " + report.shards().size() + " shards merged";
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(title).append("</h1>\n");
        verdict(report);
        shards(report.shards());
        summary(report.summary());
        html.append("<h2>Over time</h2>\n");
        charts.forEach((name, png) -> html.append("<img alt=\"").append(escape(name)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n"));
        samples(report.samples());
        streams(report.summary().streams());
        participants(report.shards());
        if (!report.failures().isEmpty()) {
            html.append("<h2>Failures</h2>\n<ul>");
            report.failures().forEach(failure -> html.append("<li>").append(escape(failure)).append("</li>"));
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private void verdict(LoadReport report) {
        if (report.passed()) {
            html.append("<p class=\"passed\"><b>Passed</b>").append(report.verdicts().isEmpty() ? " (no threshold stated)" : "")
                    .append("</p>\n");
        } else {
            html.append("<p class=\"failed\"><b>Not passed</b></p>\n<ul>");
            report.whyNotPassed().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>"));
            html.append("</ul>\n");
        }
        if (!report.verdicts().isEmpty()) {
            html.append("<table><tr><th class=\"text\">threshold</th><th>measured</th><th class=\"text\">verdict</th></tr>");
            for (Verdict verdict : report.verdicts()) {
                html.append("<tr><td class=\"text\">").append(escape(verdict.threshold().toString())).append(" (")
                        .append(escape(verdict.threshold().criterion().description())).append(")</td><td>")
                        .append(number(verdict.measured())).append("</td><td class=\"text ")
                        .append(verdict.met() ? "passed\">met" : "failed\">missed").append("</td></tr>");
            }
            html.append("</table>\n");
        }
    }

    private void shards(List<ShardRun> shards) {
        html.append("<h2>Plan</h2>\n<table><tr><th>shard</th><th class=\"text\">stack</th><th>rooms</th><th>publishers"
                + "</th><th>subscribers</th><th>audience</th><th>video</th><th>ramp /s</th><th>duration s</th><th>warm-up s"
                + "</th><th class=\"text\">started</th><th>ran s</th><th class=\"text\">end</th><th class=\"text\">host</th></tr>");
        for (ShardRun shard : shards) {
            html.append("<tr><td>").append(shard.shardIndex()).append(" of ").append(shard.shardCount())
                    .append("</td><td class=\"text\">").append(escape(shard.stack())).append("</td><td>").append(shard.rooms())
                    .append("</td><td>").append(shard.publishersPerRoom()).append("</td><td>").append(shard.subscribersPerRoom())
                    .append(" (").append(escape(shard.subscriberKind())).append(")</td><td>").append(shard.audiencePerRoom())
                    .append("</td><td>").append(escape(shard.video())).append("</td><td>").append(number(shard.rampPerSecond()))
                    .append("</td><td>").append(number(shard.durationSeconds())).append("</td><td>")
                    .append(number(shard.warmUpSeconds())).append("</td><td class=\"text\">")
                    .append(Instant.ofEpochMilli(shard.startedEpochMillis())).append("</td><td>").append(number(shard.ranSeconds()))
                    .append("</td><td class=\"text\">").append(shard.end()).append("</td><td class=\"text\">")
                    .append(escape(shard.host())).append("</td></tr>");
        }
        html.append("</table>\n<p>Per room; each subscriber renders every publisher of its room, the audience joins in"
                + " 'live' mode as 'audience' and takes no media.</p>\n");
    }

    private void summary(LoadSummary summary) {
        StreamAggregate streams = summary.aggregate();
        html.append("<h2>Steady window</h2>\n<p>From ").append(number(summary.windowStartSeconds())).append(" s to ")
                .append(number(summary.windowEndSeconds())).append(" s after the run began (after the ramp and the"
                        + " warm-up): what the thresholds judge.</p>\n<table><tr><th>joined</th><th>failed</th>"
                        + "<th>streams rendering</th><th>fps lowest</th><th>fps median</th><th>p50 ms median</th>"
                        + "<th>p95 ms median</th><th>p95 ms worst</th><th>p99 ms worst</th><th>freezes</th></tr><tr><td>")
                .append(summary.joined()).append(" / ").append(summary.planned()).append("</td><td>").append(summary.failed())
                .append("</td><td>").append(streams.rendering()).append(" / ").append(summary.streamsPlanned())
                .append("</td><td>").append(number(streams.fpsMin())).append("</td><td>").append(number(streams.fpsMedian()))
                .append("</td><td>").append(number(streams.latencyP50Median())).append("</td><td>")
                .append(number(streams.latencyP95Median())).append("</td><td>").append(number(streams.latencyP95Worst()))
                .append("</td><td>").append(number(streams.latencyP99Worst())).append("</td><td>").append(streams.freezes())
                .append("</td></tr></table>\n");
    }

    private void samples(List<LoadSample> samples) {
        html.append("<h2>Intervals</h2>\n<table><tr><th>s</th><th>joined</th><th>failed</th><th>rendering</th>"
                + "<th>fps median</th><th>fps lowest</th><th>p50 ms</th><th>p95 ms</th><th>p95 ms worst</th><th>freezes</th>"
                + "<th>CPU cores</th><th>RSS MB</th><th>heap MB</th></tr>");
        for (LoadSample sample : samples) {
            StreamAggregate streams = sample.aggregate();
            html.append("<tr><td>").append(number(sample.elapsedSeconds())).append("</td><td>").append(sample.joined())
                    .append(" / ").append(sample.planned()).append("</td><td>").append(sample.failed()).append("</td><td>")
                    .append(streams.rendering()).append(" / ").append(sample.streamsPlanned()).append("</td><td>")
                    .append(number(streams.fpsMedian())).append("</td><td>").append(number(streams.fpsMin()))
                    .append("</td><td>").append(number(streams.latencyP50Median())).append("</td><td>")
                    .append(number(streams.latencyP95Median())).append("</td><td>").append(number(streams.latencyP95Worst()))
                    .append("</td><td>").append(streams.freezes()).append("</td><td>").append(number(sample.cpuCores()))
                    .append("</td><td>").append(number(sample.residentMegabytes())).append("</td><td>")
                    .append(number(sample.heapMegabytes())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private void streams(List<StreamFigures> streams) {
        html.append("<h2>Streams over the steady window</h2>\n<table><tr><th class=\"text\">subscriber</th>"
                + "<th class=\"text\">publisher</th><th>room</th><th>frames</th><th>fps</th><th>p50 ms</th><th>p95 ms</th>"
                + "<th>p99 ms</th><th>freezes</th></tr>");
        for (StreamFigures stream : streams) {
            html.append("<tr><td class=\"text\">").append(escape(stream.subscriber())).append("</td><td class=\"text\">")
                    .append(escape(stream.publisher())).append("</td><td>").append(stream.room()).append("</td><td>")
                    .append(stream.framesRendered()).append("</td><td>").append(number(stream.fps())).append("</td><td>")
                    .append(number(stream.latencyP50Millis())).append("</td><td>").append(number(stream.latencyP95Millis()))
                    .append("</td><td>").append(number(stream.latencyP99Millis())).append("</td><td>").append(stream.freezes())
                    .append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private void participants(List<ShardRun> shards) {
        html.append("<h2>Participants joined</h2>\n");
        for (ShardRun shard : shards) {
            html.append("<p><b>shard ").append(shard.shardIndex()).append("</b> (").append(shard.participants().size())
                    .append(" of ").append(shard.planned()).append("): ")
                    .append(escape(String.join(", ", shard.participants()))).append("</p>\n");
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
