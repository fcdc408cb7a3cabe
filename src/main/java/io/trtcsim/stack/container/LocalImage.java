package io.trtcsim.stack.container;

import io.trtcsim.stack.StackUnavailableException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * An image the harness builds itself ({@code scripts/build-images.sh}); there is no registry to pull
 * from, so Testcontainers is told never to pull, and a missing image or Docker daemon is reported
 * with what to run instead.
 */
public enum LocalImage {
    JANUS("trtcsim/janus:local", "janus"),
    SIMULATOR("trtcsim/simulator:local", "simulator");

    /** Never pull: these images exist only where scripts/build-images.sh built them. */
    static final ImagePullPolicy NEVER_PULL = image -> false;

    private final String name;
    private final String buildArgument;

    LocalImage(String name, String buildArgument) {
        this.name = name;
        this.buildArgument = buildArgument;
    }

    public String imageName() {
        return name;
    }

    /**
     * The image, once a Docker daemon answers and the image exists there.
     *
     * @throws StackUnavailableException naming what is missing and the command that provides it
     */
    public DockerImageName require() {
        return require(name, buildArgument);
    }

    static DockerImageName require(String name, String buildArgument) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            String host = System.getenv("DOCKER_HOST");
            throw new StackUnavailableException("no Docker daemon answers (DOCKER_HOST="
                    + (host == null ? "unset" : host) + "); start one with 'bash scripts/docker-daemon.sh start' and"
                    + " 'eval \"$(bash scripts/docker-daemon.sh env)\"', then build the images with"
                    + " 'bash scripts/build-images.sh'");
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(name).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            throw new StackUnavailableException("image " + name + " is not built on this Docker daemon; build it with"
                    + " 'bash scripts/build-images.sh " + buildArgument + "'");
        }
        return DockerImageName.parse(name);
    }
}
