package io.trtcsim.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The log level of the harness, the simulator and the media libraries while a load run prints its
 * progress table on the same console: at INFO every join and subscription is a line, and the table
 * drowns. Set for the run and given back when it ends ({@link #close()}).
 */
final class ConsoleLogging implements AutoCloseable {

    private final Logger root;
    private final Level logbackBefore;
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julBefore = julRoot.getLevel();

    private ConsoleLogging(Logger root) {
        this.root = root;
        this.logbackBefore = root == null ? null : root.getLevel();
    }

    /** Logback's root (the harness, the simulator) and java.util.logging's (ice4j, jitsi-srtp) at {@code level}. */
    static ConsoleLogging at(LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        ConsoleLogging logging = new ConsoleLogging(factory instanceof LoggerContext context
                ? context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) : null);
        if (logging.root != null) {
            logging.root.setLevel(level.logback());
        }
        logging.julRoot.setLevel(level.jul());
        return logging;
    }

    @Override
    public void close() {
        if (root != null) {
            root.setLevel(logbackBefore);
        }
        julRoot.setLevel(julBefore);
    }

    /** The levels --log-level takes. */
    enum LogLevel {
        ERROR(Level.ERROR, java.util.logging.Level.SEVERE),
        WARN(Level.WARN, java.util.logging.Level.WARNING),
        INFO(Level.INFO, java.util.logging.Level.INFO),
        DEBUG(Level.DEBUG, java.util.logging.Level.FINE);

        private final Level logback;
        private final java.util.logging.Level jul;

        LogLevel(Level logback, java.util.logging.Level jul) {
            this.logback = logback;
            this.jul = jul;
        }

        Level logback() {
            return logback;
        }

        java.util.logging.Level jul() {
            return jul;
        }
    }
}
