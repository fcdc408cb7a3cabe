package io.trtcsim.harness;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named network profiles a scenario can switch a participant to ("3G", "lossy wifi", ...):
 * those shipped with the harness (this project's fixtures/network-profiles.json, packed into the
 * jar), then those of the running project's own {@code <fixtures>/network-profiles.json}, which add
 * profiles or replace shipped ones of the same name.
 */
public final class NetworkProfiles {

    static final String FILE = "network-profiles.json";
    private static final String SHIPPED = "/io/trtcsim/harness/" + FILE;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Map<String, NetworkProfile> byName;

    private NetworkProfiles(Map<String, NetworkProfile> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The shipped profiles, overlaid by {@code <fixtures>/network-profiles.json} where it exists. */
    public static NetworkProfiles load(Path fixtures) {
        Map<String, NetworkProfile> profiles = new LinkedHashMap<>();
        try (InputStream shipped = NetworkProfiles.class.getResourceAsStream(SHIPPED)) {
            if (shipped != null) {
                profiles.putAll(read(new ObjectMapper().readValue(shipped, OBJECT), "the harness's " + FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the harness's own " + FILE + ": " + e.getMessage(), e);
        }
        Path own = fixtures.resolve(FILE);
        if (Files.isRegularFile(own)) {
            try {
                profiles.putAll(read(new ObjectMapper().readValue(own.toFile(), OBJECT), own.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException(own + " is not a JSON object of profiles: " + e.getMessage(), e);
            }
        }
        return new NetworkProfiles(profiles);
    }

    /** Profiles from a parsed file; {@code where} names the file in errors. Keys starting with '_' are comments. */
    static Map<String, NetworkProfile> read(Map<String, Object> file, String where) {
        Map<String, NetworkProfile> profiles = new LinkedHashMap<>();
        file.forEach((name, value) -> {
            if (name.startsWith("_")) {
                return;
            }
            if (!(value instanceof Map<?, ?> profile)) {
                throw new IllegalArgumentException("profile '" + name + "' in " + where + " is not an object with"
                        + " description, uplink and downlink");
            }
            try {
                profiles.put(name, new NetworkProfile(name, String.valueOf(profile.get("description") == null ? "" : profile.get("description")),
                        new NetworkConditions(link(profile.get("uplink")), link(profile.get("downlink")))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("profile '" + name + "' in " + where + ": " + e.getMessage(), e);
            }
        });
        return profiles;
    }

    @SuppressWarnings("unchecked")
    private static LinkConditions link(Object value) {
        if (value == null) {
            return LinkConditions.NONE;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("uplink and downlink must be objects of conditions, not " + value);
        }
        return LinkConditions.fromWire((Map<String, ?>) value);
    }

    /** The profile of that name; the error lists the known ones. */
    public NetworkProfile named(String name) {
        NetworkProfile profile = byName.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("no network profile named '" + name + "'; known: "
                    + String.join(", ", byName.keySet()) + " (add your own in fixtures/" + FILE + ")");
        }
        return profile;
    }

    public Collection<NetworkProfile> all() {
        return byName.values();
    }
}
