package io.trtcsim.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.RtcError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stand-in devices a TRTC lists beside the machine's own (fixtures/devices.json in the harness):
 * <pre>{"devices": [{"deviceId": "...", "label": "...", "kind": "videoinput", "file": "media-samples/x.y4m"}]}</pre>
 * {@code kind} is audioinput or videoinput; {@code file} is optional (without it the capture is
 * synthetic) and relative to the folder the stand-in file's paths are resolved against.
 */
public record StandInDevices(List<StandInDevice> devices) {

    public static final StandInDevices NONE = new StandInDevices(List.of());

    public StandInDevices {
        devices = List.copyOf(devices);
    }

    /**
     * Reads a stand-in devices file; {@code base} resolves relative file paths (the project's root).
     *
     * @throws IllegalArgumentException naming the file and the entry that is wrong
     */
    public static StandInDevices load(Path json, Path base) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stand-in devices file " + json, e);
        }
        JsonNode entries = root.path("devices");
        if (!entries.isArray()) {
            throw new IllegalArgumentException(json + ": expected {\"devices\": [...]}, got " + root);
        }
        List<StandInDevice> devices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = entry.path("deviceId").asText("");
            String label = entry.path("label").asText("");
            if (id.isBlank() || label.isBlank()) {
                throw new IllegalArgumentException(json + ": every device needs a deviceId and a label: " + entry);
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(json + ": deviceId '" + id + "' appears twice");
            }
            DeviceKind kind;
            try {
                kind = DeviceKind.named(entry.path("kind").asText(""));
            } catch (RtcError e) {
                throw new IllegalArgumentException(json + ", device '" + id + "': " + e.getMessage());
            }
            if (kind == DeviceKind.AUDIO_OUTPUT) {
                throw new IllegalArgumentException(json + ", device '" + id + "': stand-ins are cameras and microphones"
                        + " (videoinput, audioinput); a speaker plays nothing here");
            }
            Optional<Path> file = entry.hasNonNull("file") ? Optional.of(base.resolve(entry.get("file").asText()))
                    : Optional.empty();
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                throw new IllegalArgumentException(json + ", device '" + id + "': file " + file.get() + " does not exist");
            }
            devices.add(new StandInDevice(id, label, kind, file));
        }
        return new StandInDevices(devices);
    }

    public Optional<StandInDevice> named(String idOrLabel, DeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind && d.info().isNamed(idOrLabel)).findFirst();
    }

    public List<DeviceInfo> of(DeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind).map(StandInDevice::info).toList();
    }
}
