package io.trtcsim.sdk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer of TRTC.checkSystemRequirements() (v4.9.0+): {@code {result, detail}}, with TRTC's
 * field names as accessor names.
 * <p>
 * {@code result} is true when WebRTC is supported and at least one video codec (H.264 or VP8) can be
 * both encoded and decoded: a call needs a codec both sides can send and receive, and a codec this
 * machine can only decode (or only encode) carries video one way at most. The compact constructor
 * refuses a {@code result} that says otherwise, so no answer can contradict its own detail.
 */
public record SystemRequirements(boolean result, Detail detail) {

    public SystemRequirements {
        if (detail == null) {
            throw new IllegalArgumentException("system requirements need a detail, got null");
        }
        if (result != detail.met()) {
            throw new IllegalArgumentException("result " + result + " contradicts the detail " + detail.fields()
                    + ", which means " + detail.met() + " (WebRTC supported and a video codec both encoded and decoded)");
        }
    }

    /** The answer whose result is what the detail means. */
    public static SystemRequirements of(Detail detail) {
        return new SystemRequirements(detail != null && detail.met(), detail);
    }

    /** What checkSystemRequirements() found, field by field. */
    public record Detail(boolean isBrowserSupported, boolean isWebRTCSupported, boolean isMediaDevicesSupported,
                         boolean isH264EncodeSupported, boolean isVp8EncodeSupported,
                         boolean isH264DecodeSupported, boolean isVp8DecodeSupported) {

        /** WebRTC, and a video codec this machine can both encode and decode. */
        public boolean met() {
            return isWebRTCSupported && (isH264EncodeSupported && isH264DecodeSupported
                    || isVp8EncodeSupported && isVp8DecodeSupported);
        }

        /** The fields by TRTC's names, in TRTC's order: read from the record so the names cannot drift. */
        public Map<String, Boolean> fields() {
            Map<String, Boolean> fields = new LinkedHashMap<>();
            for (RecordComponent component : Detail.class.getRecordComponents()) {
                try {
                    fields.put(component.getName(), (Boolean) component.getAccessor().invoke(this));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read the detail field " + component.getName(), e);
                }
            }
            return fields;
        }

        /** The field of that TRTC name, if there is one. */
        public Optional<Boolean> field(String name) {
            return Optional.ofNullable(fields().get(name));
        }
    }
}
