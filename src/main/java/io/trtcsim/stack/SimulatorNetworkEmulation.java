package io.trtcsim.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.network.NetworkConditions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The simulator's network emulation through its admin API (docs/simulator-protocol.md, "Network
 * conditions"): the same requests for the embedded simulator and one in a container.
 */
final class SimulatorNetworkEmulation implements NetworkEmulation {

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    SimulatorNetworkEmulation(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void apply(long sdkAppId, String userId, NetworkConditions conditions) {
        if (conditions.isNone()) {
            lift(sdkAppId, userId);
        } else {
            send("PUT", path(sdkAppId, userId), conditions.toWire());
        }
    }

    @Override
    public void applyStreamLoss(long sdkAppId, String subscriberId, String streamId, double lossPercent) {
        send("PUT", path(sdkAppId, subscriberId) + "/streams/" + encode(streamId), Map.of("lossPercent", lossPercent));
    }

    @Override
    public void lift(long sdkAppId, String userId) {
        send("DELETE", path(sdkAppId, userId), null);
    }

    private static String path(long sdkAppId, String userId) {
        return "/network/" + sdkAppId + "/" + encode(userId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void send(String method, String path, Object body) {
        URI uri = base.resolve(path);
        try {
            HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").method(method, content).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalArgumentException("the simulator refused " + method + " " + path + " (HTTP "
                        + response.statusCode() + "): " + response.body());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write network conditions as JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " did not reach the simulator: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " was interrupted", e);
        }
    }
}
