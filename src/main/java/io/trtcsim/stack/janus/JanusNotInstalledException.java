package io.trtcsim.stack.janus;

/** Janus cannot be started here: its executable or its modules are missing. Says what to install. */
public final class JanusNotInstalledException extends io.trtcsim.stack.StackUnavailableException {

    public JanusNotInstalledException(String what) {
        super(what + "; install Debian's package '" + JanusProcess.DEBIAN_PACKAGE + "' (apt-get install -y "
                + JanusProcess.DEBIAN_PACKAGE + ")");
    }
}
