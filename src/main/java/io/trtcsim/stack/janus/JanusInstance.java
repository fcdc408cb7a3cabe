package io.trtcsim.stack.janus;

import java.net.URI;
import java.util.List;

/** A Janus the harness started and must stop: a {@link JanusProcess} or a {@link JanusContainer}. */
public interface JanusInstance extends AutoCloseable {

    /** How the stack is named in reports and the conformance matrix: "janus", "janus-container". */
    String stackName();

    /** Janus's API over WebSocket, as reachable from this JVM. */
    URI webSocketUri();

    /**
     * Whether media to this Janus arrives through this machine's own network stack, where the
     * harness can drop packets (a process here: yes; a container behind the Docker bridge: no).
     */
    boolean receivesMediaThroughThisMachine();

    /** The last {@code lines} lines Janus wrote, for the report of a failed scenario. */
    List<String> logTail(int lines);

    @Override
    void close();
}
