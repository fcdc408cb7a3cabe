package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.usersig.UserSigVerifier;
import java.time.Duration;

/** What every connection of one simulator shares. */
record SimulatorContext(ObjectMapper json, Messages messages, Rooms rooms, UserSigVerifier verifier,
                        MediaPlane media, Duration mediaTimeout, CallbackReporter callbacks,
                        SimulatorLog log) {
}
