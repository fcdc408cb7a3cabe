package io.trtcsim.sdk.signaling;

import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.StreamType;
import java.util.Set;

/**
 * Something the stack tells a client about its room: the TRTC event, the user it concerns, and for
 * stream events the stream id, which tracks it carries and which of them are muted. {@code reason}
 * explains bans; it is null otherwise. {@code streamType} says whether a stream is the user's main
 * stream or its auxiliary (screen-sharing) one; {@code hasSmall} whether its publisher sends a small
 * stream too.
 */
public record RoomEvent(ClientEvent type, String userId, String streamId, Set<MediaKind> tracks,
                        Set<MediaKind> mutedTracks, String reason, String message, StreamType streamType,
                        boolean hasSmall) {

    public RoomEvent {
        tracks = Set.copyOf(tracks);
        mutedTracks = Set.copyOf(mutedTracks);
        if (streamType == null) {
            streamType = StreamType.MAIN;
        }
    }

    /** An event about a user, or about a main stream. */
    public RoomEvent(ClientEvent type, String userId, String streamId, Set<MediaKind> tracks,
                     Set<MediaKind> mutedTracks, String reason, String message) {
        this(type, userId, streamId, tracks, mutedTracks, reason, message, StreamType.MAIN, false);
    }

    /** An event about a user only (peer-join, mute-audio, ...). */
    public static RoomEvent ofUser(ClientEvent type, String userId) {
        return new RoomEvent(type, userId, null, Set.of(), Set.of(), null, null, StreamType.MAIN, false);
    }

    /** An event about a stream and the tracks it carries, none of them muted. */
    public static RoomEvent ofStream(ClientEvent type, String userId, String streamId, Set<MediaKind> tracks) {
        return new RoomEvent(type, userId, streamId, tracks, Set.of(), null, null, StreamType.MAIN, false);
    }

    public boolean carries(MediaKind kind) {
        return tracks.contains(kind);
    }

    public boolean isMuted(MediaKind kind) {
        return mutedTracks.contains(kind);
    }
}
