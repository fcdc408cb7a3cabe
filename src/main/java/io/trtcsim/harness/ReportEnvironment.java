package io.trtcsim.harness;

import dev.onvoid.webrtc.PeerConnectionFactory;
import io.trtcsim.sdk.TRTC;

/** What the Allure report's Environment panel shows: versions, machine, stack in use. */
public final class ReportEnvironment {

    private ReportEnvironment() {
    }

    /** The panel's lines, Java properties format; the caller adds what only it knows (the test runner's version). */
    public static String describe() {
        HarnessConfig config = HarnessConfig.load();
        Runtime runtime = Runtime.getRuntime();
        return String.join("\n",
                "Stack=" + config.stack(),
                "Java=" + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "OS=" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "CPUs=" + runtime.availableProcessors(),
                "Max.heap.MB=" + runtime.maxMemory() / (1024 * 1024),
                "webrtc-java=" + packageVersion(PeerConnectionFactory.class, "0.14.0"),
                "TRTC.VERSION=" + TRTC.VERSION,
                "sdkAppId=" + config.sdkAppId()) + "\n";
    }

    public static String packageVersion(Class<?> type, String fallback) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? fallback : version;
    }
}
