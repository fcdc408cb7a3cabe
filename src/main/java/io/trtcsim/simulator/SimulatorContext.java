package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.PermissionControl;
import io.trtcsim.usersig.UserSigVerifier;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every connection of one simulator shares; {@code sending} is the pool on which every
 * connection's {@link Outbox} hands its messages to Jetty; {@code limits} enforces and counts the
 * limits that protect a shared simulator.
 */
record SimulatorContext(ObjectMapper json, Messages messages, Rooms rooms, AppKeyStore apps, UserSigVerifier verifier,
                        MediaPlane media, Duration mediaTimeout, CallbackReporter callbacks,
                        SimulatorLog log, Executor sending, LimitGuard limits) {

    /** Whether the application has advanced permission control on: its joins need a privateMapKey. */
    boolean requiresPrivateMapKey(long sdkAppId) {
        return apps.find(sdkAppId).map(app -> app.permissionControl() == PermissionControl.ADVANCED).orElse(false);
    }
}
