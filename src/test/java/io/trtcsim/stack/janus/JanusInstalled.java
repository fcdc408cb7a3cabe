package io.trtcsim.stack.janus;

import org.junit.jupiter.api.Assumptions;

/** Tests that run the real janus skip, saying why, where Debian's package is not installed. */
public final class JanusInstalled {

    private JanusInstalled() {
    }

    public static void assumeInstalled() {
        boolean installed = JanusProcess.locateBinary().isPresent();
        String reason = "skipped: no 'janus' executable on the PATH; install it with apt-get install -y "
                + JanusProcess.DEBIAN_PACKAGE;
        if (!installed) {
            System.out.println(reason);
        }
        Assumptions.assumeTrue(installed, reason);
    }
}
