package io.trtcsim.report;

import io.trtcsim.harness.HarnessConfig;

/** What the Allure report's Environment panel shows: versions, machine, stack in use. */
final class ReportEnvironment {

    private ReportEnvironment() {
    }

    static String describe() {
        HarnessConfig config = HarnessConfig.load();
        Runtime runtime = Runtime.getRuntime();
        return String.join("\n",
                "Stack=" + config.stack(),
                "Java=" + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "OS=" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "CPUs=" + runtime.availableProcessors(),
                "Max.heap.MB=" + runtime.maxMemory() / (1024 * 1024),
                "webrtc-java=" + packageVersion(dev.onvoid.webrtc.PeerConnectionFactory.class, "0.14.0"),
                "Cucumber=" + packageVersion(io.cucumber.core.options.Constants.class, "7"),
                "TRTC.VERSION=" + io.trtcsim.sdk.TRTC.VERSION,
                "sdkAppId=" + config.sdkAppId()) + "\n";
    }

    private static String packageVersion(Class<?> type, String fallback) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? fallback : version;
    }
}
