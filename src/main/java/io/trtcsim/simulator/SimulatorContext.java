package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.usersig.UserSigVerifier;
import java.time.Duration;

/** What every connection of one simulator shares. */
record SimulatorContext(ObjectMapper json, Messages messages, Rooms rooms, UserSigVerifier verifier,
                        MediaEngine engine, Duration mediaTimeout, CallbackReporter callbacks,
                        NetworkConditions network, SimulatorLog log) {
}
