package io.trtcsim.sdk;

/**
 * What a Client event carries beyond its name, user and stream, typed by event as TRTC's event
 * objects are: {@code connection-state-changed} its states, {@code client-banned} its reason,
 * {@code network-quality} its qualities, {@code audio-volume} its volumes, {@code error} its RtcError. Other events carry
 * {@link #NONE}.
 */
public sealed interface EventPayload
        permits EventPayload.Nothing, ConnectionStateChange, BanNotice, NetworkQuality, AudioVolumes, ErrorNotice {

    EventPayload NONE = new Nothing();

    /** The payload of events that carry nothing more. */
    record Nothing() implements EventPayload {
        @Override
        public String toString() {
            return "";
        }
    }
}
