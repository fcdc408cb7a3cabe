package io.trtcsim.stack.container;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A container of one of the harness's {@link LocalImage}s, started never pulling; a failed start
 * says why with the end of the container's log and leaves no container behind. Closing it removes
 * the container.
 */
public final class StartedContainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StartedContainer.class);
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final String what;
    private final GenericContainer<?> container;
    private volatile boolean closed;

    private StartedContainer(String what, GenericContainer<?> container) {
        this.what = what;
        this.container = container;
    }

    /** Starts {@code container} (described as {@code what} in messages) and waits for its wait strategy. */
    public static StartedContainer start(String what, GenericContainer<?> container) {
        container.withImagePullPolicy(LocalImage.NEVER_PULL);
        try {
            container.start();
        } catch (RuntimeException e) {
            List<String> lines = tail(container, LOG_LINES_ON_FAILURE);
            container.stop();
            throw new IllegalStateException("the " + what + " container (" + container.getDockerImageName()
                    + ") did not start: " + rootMessage(e) + "; the end of its log:\n" + String.join("\n", lines), e);
        }
        log.info("{} container {} started from {}", what, container.getContainerId(), container.getDockerImageName());
        return new StartedContainer(what, container);
    }

    /** Where this JVM reaches the container's published ports. */
    public String host() {
        return container.getHost();
    }

    public int mappedPort(int containerPort) {
        return container.getMappedPort(containerPort);
    }

    public String containerId() {
        return container.getContainerId();
    }

    /** The last {@code lines} lines the container wrote; empty once it is removed. */
    public List<String> logTail(int lines) {
        return closed ? List.of() : tail(container, lines);
    }

    /** Everything the container wrote, as lines; empty once it is removed. */
    public List<String> logLines() {
        return closed ? List.of() : all(container);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        container.stop();
    }

    private static List<String> tail(GenericContainer<?> container, int lines) {
        List<String> all = all(container);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** Never throws: a report must not fail a teardown. */
    private static List<String> all(GenericContainer<?> container) {
        try {
            String text = container.getLogs();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
        } catch (RuntimeException e) {
            return List.of("(cannot read the container's log: " + e.getMessage() + ")");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    @Override
    public String toString() {
        return what + " container " + (container.getContainerId() == null ? "(not started)" : container.getContainerId())
                + (closed ? ", removed" : "");
    }
}
