package io.trtcsim.stack.janus;

import io.trtcsim.stack.StackUnavailableException;

/** Janus cannot be started here: its executable or its modules are missing. Says what to install. */
public final class JanusNotInstalledException extends StackUnavailableException {

    public JanusNotInstalledException(String what) {
        super(what + "; install Debian's package '" + JanusProcess.DEBIAN_PACKAGE + "' (apt-get install -y "
                + JanusProcess.DEBIAN_PACKAGE + ")");
    }
}
