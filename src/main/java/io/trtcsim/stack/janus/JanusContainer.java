package io.trtcsim.stack.janus;

import io.trtcsim.stack.container.LocalImage;
import io.trtcsim.stack.container.StartedContainer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * Debian's Janus in a container of the image {@code trtcsim/janus:local}, started through
 * Testcontainers with the same generated configuration as {@link JanusProcess}, copied in before it
 * starts. Signaling reaches it through a published port on loopback; media goes straight to the
 * container's address on the Docker bridge, which Janus offers as its only ICE candidate (the
 * container's eth0).
 */
public final class JanusContainer implements JanusInstance {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    static final int WEBSOCKET_PORT = 8188;
    static final int HTTP_PORT = 8088;
    /** Where the image keeps the configuration it runs with, and Janus's modules (src/main/docker/janus). */
    static final String CONFIG_FOLDER = "/etc/trtcsim-janus";
    static final String MODULES_FOLDER = "/opt/janus-modules";
    private static final String MEDIA_INTERFACE = "eth0";
    private static final String RTP_PORT_RANGE = "20000-40000";

    private final StartedContainer container;

    private JanusContainer(StartedContainer container) {
        this.container = container;
    }

    /**
     * @throws io.trtcsim.stack.StackUnavailableException when Docker or the image is missing
     * @throws IllegalStateException when the container does not start or listen within {@code readyTimeout}
     */
    public static JanusContainer start(Duration readyTimeout) {
        // The image holds only the VideoRoom plugin, so none needs disabling; the transports listen on
        // every interface of the container, since the published port arrives on eth0.
        JanusConfig config = new JanusConfig(MODULES_FOLDER, List.of(), MEDIA_INTERFACE, "", WEBSOCKET_PORT, HTTP_PORT,
                RTP_PORT_RANGE, UUID.randomUUID().toString());
        GenericContainer<?> container = new GenericContainer<>(LocalImage.JANUS.require())
                .withExposedPorts(WEBSOCKET_PORT)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(readyTimeout));
        config.files(CONFIG_FOLDER).forEach((name, text) ->
                container.withCopyToContainer(Transferable.of(text), CONFIG_FOLDER + "/" + name));
        return new JanusContainer(StartedContainer.start("janus", container));
    }

    @Override
    public String stackName() {
        return "janus-container";
    }

    /** Its media crosses the Docker bridge into the container's namespace, past this machine's INPUT chain. */
    @Override
    public boolean receivesMediaThroughThisMachine() {
        return false;
    }

    @Override
    public URI webSocketUri() {
        return URI.create("ws://" + container.host() + ":" + container.mappedPort(WEBSOCKET_PORT) + "/");
    }

    @Override
    public List<String> logTail(int lines) {
        return container.logTail(lines);
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "janus-container[" + container + "]";
    }
}
