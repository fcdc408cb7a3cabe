package io.trtcsim.harness.appserver;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes WireMock's own messages to our SLF4J: the standalone jar shades its SLF4J, so without this
 * they would not reach the project's logging configuration.
 */
final class AppServerLog implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(AppServer.class);

    @Override
    public void info(String message) {
        LOG.debug(message);
    }

    @Override
    public void error(String message) {
        LOG.warn(message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.warn(message, t);
    }
}
