package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.usersig.UserSigVerifier;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every connection of one simulator shares; {@code sending} is the pool on which every
 * connection's {@link Outbox} hands its messages to Jetty.
 */
record SimulatorContext(ObjectMapper json, Messages messages, Rooms rooms, UserSigVerifier verifier,
                        MediaPlane media, Duration mediaTimeout, CallbackReporter callbacks,
                        SimulatorLog log, Executor sending) {
}
