package io.trtcsim.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.simulator.sfu.netem.NetworkEmulation;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import io.trtcsim.usersig.AppKeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test's control of the network, over HTTP (docs/simulator-protocol.md, "Network conditions"):
 * a participant's conditions both ways, and a loss on one stream as one subscriber receives it.
 * Not TRTC's API, so not authenticated as the server API is: it is the harness's remote control.
 * Bad input is 400 with a message naming the value; nothing here answers 500.
 */
final class NetworkAdminApi {

    private static final Logger log = LoggerFactory.getLogger(NetworkAdminApi.class);
    private static final Set<String> BODY_FIELDS = Set.of("uplink", "downlink");
    private static final Set<String> STREAM_FIELDS = Set.of("lossPercent");

    private final ObjectMapper json;
    private final AppKeyStore apps;
    private final NetworkEmulation network;

    NetworkAdminApi(ObjectMapper json, AppKeyStore apps, NetworkEmulation network) {
        this.json = json;
        this.apps = apps;
        this.network = network;
    }

    /** GET /network: every participant with conditions in force. */
    void list(Context ctx) {
        answer(ctx, () -> {
            List<Map<String, Object>> inForce = new ArrayList<>();
            network.inForce().forEach((who, conditions) -> inForce.add(describe(who, conditions)));
            return Map.of("participants", inForce, "paths", network.view());
        });
    }

    /** PUT /network/{sdkAppId}/{userId} {"uplink": {...}, "downlink": {...}}; a missing direction is untouched. */
    void put(Context ctx) {
        answer(ctx, () -> {
            ParticipantId who = participant(ctx);
            Map<String, Object> body = body(ctx, BODY_FIELDS);
            NetworkConditions conditions = new NetworkConditions(link(body, "uplink"), link(body, "downlink"));
            network.set(who, conditions);
            log.info("network of {} now: {}", who, conditions);
            return describe(who, network.conditions(who));
        });
    }

    void get(Context ctx) {
        answer(ctx, () -> {
            ParticipantId who = participant(ctx);
            return describe(who, network.conditions(who));
        });
    }

    void delete(Context ctx) {
        answer(ctx, () -> {
            ParticipantId who = participant(ctx);
            network.clear(who);
            log.info("network of {} lifted", who);
            return describe(who, network.conditions(who));
        });
    }

    /** DELETE /network: every condition lifted. */
    void deleteAll(Context ctx) {
        answer(ctx, () -> {
            network.clearAll();
            log.info("all network conditions lifted");
            return Map.of("participants", List.of());
        });
    }

    /** PUT /network/{sdkAppId}/{userId}/streams/{streamId} {"lossPercent": 20} */
    void putStream(Context ctx) {
        answer(ctx, () -> {
            ParticipantId who = participant(ctx);
            String streamId = ctx.pathParam("streamId");
            Map<String, Object> body = body(ctx, STREAM_FIELDS);
            Object loss = body.get("lossPercent");
            if (!(loss instanceof Number percent)) {
                throw new BadRequest("lossPercent must be a number from 0 to 100, not " + loss);
            }
            network.streamLoss(who, streamId, percent.doubleValue());
            log.info("stream {} to {} now loses {}%", streamId, who, percent);
            return describeStream(who, streamId);
        });
    }

    void getStream(Context ctx) {
        answer(ctx, () -> describeStream(participant(ctx), ctx.pathParam("streamId")));
    }

    void deleteStream(Context ctx) {
        answer(ctx, () -> {
            ParticipantId who = participant(ctx);
            network.streamLoss(who, ctx.pathParam("streamId"), 0);
            return describeStream(who, ctx.pathParam("streamId"));
        });
    }

    private ParticipantId participant(Context ctx) {
        String app = ctx.pathParam("sdkAppId");
        long sdkAppId;
        try {
            sdkAppId = Long.parseLong(app);
        } catch (NumberFormatException e) {
            throw new BadRequest("sdkAppId '" + app + "' is not a number");
        }
        if (apps.find(sdkAppId).isEmpty()) {
            throw new BadRequest("sdkAppId " + sdkAppId + " is not an application of this simulator");
        }
        return new ParticipantId(sdkAppId, ctx.pathParam("userId"));
    }

    private Map<String, Object> body(Context ctx, Set<String> known) {
        Map<String, Object> body;
        try {
            body = json.readValue(ctx.body(), new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new BadRequest("the body must be a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (body == null) {
            throw new BadRequest("the body must be a JSON object, not null");
        }
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw new BadRequest("unknown field '" + field + "'; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return body;
    }

    private static LinkConditions link(Map<String, Object> body, String direction) {
        Object value = body.get(direction);
        if (value == null) {
            return LinkConditions.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadRequest(direction + " must be a JSON object of link conditions, not " + value);
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        map.forEach((key, field) -> wire.put(String.valueOf(key), field));
        try {
            return LinkConditions.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(direction + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> describe(ParticipantId who, NetworkConditions conditions) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sdkAppId", who.sdkAppId());
        view.put("userId", who.userId());
        view.put("uplink", conditions.uplink().toWire());
        view.put("downlink", conditions.downlink().toWire());
        return view;
    }

    private Map<String, Object> describeStream(ParticipantId who, String streamId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sdkAppId", who.sdkAppId());
        view.put("userId", who.userId());
        view.put("streamId", streamId);
        view.put("lossPercent", network.streamLoss(who, streamId).percent());
        return view;
    }

    private interface Action {
        Object run();
    }

    /** Every answer goes through here: a refusal is 400 with its reason, anything unexpected is 400 too, logged. */
    private void answer(Context ctx, Action action) {
        try {
            ctx.status(200).json(action.run());
        } catch (BadRequest e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("network request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(400).json(Map.of("error", "the request could not be applied: " + e));
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
