package io.trtcsim.harness;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.sdk.Client;
import io.trtcsim.sdk.ClientConfig;
import io.trtcsim.sdk.DeviceInfo;
import io.trtcsim.sdk.EventJournal;
import io.trtcsim.sdk.JoinOptions;
import io.trtcsim.sdk.LocalStream;
import io.trtcsim.sdk.LocalTrack;
import io.trtcsim.sdk.MediaInput;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.sdk.StreamConfig;
import io.trtcsim.sdk.SubscribeOptions;
import io.trtcsim.sdk.SystemRequirements;
import io.trtcsim.sdk.TRTC;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated user: one TRTC instance (as a browser tab), its client and its local stream, driven
 * the way a web page drives the SDK. Each call a step makes is awaited with the call timeout, and
 * its duration is kept for 'joined within' checks. Its {@link ParticipantKind} says what it measures;
 * one made without media refuses what needs it, naming itself, and one on the
 * {@link EngineUse#SHARED shared engine} only receives.
 */
public final class Participant implements AutoCloseable {

    private final String userId;
    private final ParticipantKind kind;
    private final EngineUse engineUse;
    private final TRTC trtc;
    private final SignalingGate signalingGate;
    private final Duration callTimeout;
    private final Map<Operation, Duration> lastCallDurations = new ConcurrentHashMap<>();
    private final Map<Operation, Throwable> lastFailures = new ConcurrentHashMap<>();
    private final List<String> handlerFailures = new CopyOnWriteArrayList<>();
    private final List<Client> otherClients = new CopyOnWriteArrayList<>();
    private final Set<RoomId> roomsTried = ConcurrentHashMap.newKeySet();
    private volatile Client client;
    private volatile LocalStream localStream;
    private volatile Role role = Role.ANCHOR;
    private volatile String privateMapKey = "";
    /** Connection-state changes already matched by a 'receives connection-state-changed to ...' check. */
    private volatile int connectionStatesSeen;

    Participant(String userId, ParticipantKind kind, EngineUse engineUse, TRTC trtc, SignalingGate signalingGate,
                Duration callTimeout) {
        this.userId = userId;
        this.kind = kind;
        this.engineUse = engineUse;
        this.trtc = trtc;
        this.signalingGate = signalingGate;
        this.callTimeout = callTimeout;
    }

    int connectionStatesSeen() {
        return connectionStatesSeen;
    }

    void connectionStatesSeen(int count) {
        connectionStatesSeen = count;
    }

    public String userId() {
        return userId;
    }

    public ParticipantKind kind() {
        return kind;
    }

    public EngineUse engineUse() {
        return engineUse;
    }

    /** Whether libwebrtc was loaded for this participant (never, for a signaling-only one). */
    public boolean loadedMedia() {
        return trtc.engineLoaded();
    }

    /** A participant made without media cannot do {@code what}: said before the SDK is asked. */
    private void requireMedia(String what) {
        if (kind == ParticipantKind.SIGNALING_ONLY) {
            throw new IllegalStateException(userId + " cannot " + what + ": it was created without media (a "
                    + ParticipantKind.SIGNALING_ONLY + " participant, which only joins and hears the room's events)");
        }
    }

    /** The gate every signaling channel of this participant goes through: down() stalls its signaling. */
    public SignalingGate signalingGate() {
        return signalingGate;
    }

    public void createClient(Mode mode, long sdkAppId, String userSig) {
        createClient(new ClientConfig(mode, sdkAppId, userId, userSig));
    }

    /** A client created with useStringRoomId: its room ids are strings ("class-7A"). */
    public void createClientWithStringRoomIds(Mode mode, long sdkAppId, String userSig) {
        createClient(new ClientConfig(mode, sdkAppId, userId, userSig).withStringRoomIds(true));
    }

    /** A client that subscribes by itself to every stream added (autoSubscribe). */
    public void createAutoSubscribingClient(Mode mode, long sdkAppId, String userSig) {
        requireMedia("subscribe by itself to every stream added (autoSubscribe)");
        createClient(new ClientConfig(mode, sdkAppId, userId, userSig).withAutoSubscribe(true));
    }

    public void createClient(ClientConfig config) {
        if (client != null) {
            throw new IllegalStateException(userId + " already has a client");
        }
        client = trtc.createClient(config);
    }

    /** The role the next join asks for, in 'live' mode. */
    public void joinAs(Role newRole) {
        role = newRole;
    }

    /** A privateMapKey the next join presents. */
    public void presentPrivateMapKey(String key) {
        privateMapKey = key;
    }

    public Client client() {
        if (client == null) {
            throw new IllegalStateException(userId + " has no client yet; start with: Given \"" + userId
                    + "\" has created a client in \"rtc\" mode");
        }
        return client;
    }

    public boolean hasClient() {
        return client != null;
    }

    public EventJournal journal() {
        return client().journal();
    }

    public void join(RoomId roomId) {
        call(Operation.JOIN, client().join(joinOptions(roomId)));
    }

    /** Joins, keeping a refusal for a later 'fails to join' check instead of failing now. */
    public void tryToJoin(RoomId roomId) {
        attempt(Operation.JOIN, client().join(joinOptions(roomId)));
    }

    /** The rooms this participant tried to enter, for reports. */
    public Set<RoomId> roomsTried() {
        return Set.copyOf(roomsTried);
    }

    private JoinOptions joinOptions(RoomId roomId) {
        roomsTried.add(roomId);
        return JoinOptions.room(roomId).withRole(role).withPrivateMapKey(privateMapKey);
    }

    /**
     * Starts a join without waiting for its answer, for a ramp of many ({@link JoinRamp}); its
     * duration is kept as a join's.
     */
    CompletableFuture<Void> startJoining(RoomId roomId) {
        long started = System.nanoTime();
        return client().join(joinOptions(roomId)).whenComplete((ok, failure) ->
                lastCallDurations.put(Operation.JOIN, Duration.ofNanos(System.nanoTime() - started)));
    }

    /** A second client with the same userId joins: TRTC removes the first with client-banned. */
    public void joinWithAnotherClient(RoomId roomId, Mode mode, long sdkAppId, String userSig) {
        Client other = trtc.createClient(new ClientConfig(mode, sdkAppId, userId, userSig)
                .withStringRoomIds(roomId.isString()));
        otherClients.add(other);
        Throwable failure = await(Operation.JOIN, other.join(JoinOptions.room(roomId).withRole(role)));
        if (failure != null) {
            throw new AssertionError(userId + ": another client's join failed: " + failure.getMessage(), failure);
        }
    }

    public void switchRole(Role newRole) {
        call(Operation.SWITCH_ROLE, client().switchRole(newRole));
        role = newRole;
    }

    public void tryToSwitchRole(Role newRole) {
        attempt(Operation.SWITCH_ROLE, client().switchRole(newRole));
    }

    public void unpublish() {
        requireMedia("unpublish");
        call(Operation.UNPUBLISH, client().unpublish(localStream()));
    }

    public void unsubscribeFrom(String publisherId) {
        requireMedia("unsubscribe");
        call(Operation.UNSUBSCRIBE, client().unsubscribe(remoteStreamOf(publisherId).orElseThrow(() -> new IllegalStateException(
                userId + " has no stream of " + publisherId + " to unsubscribe from; remote streams: "
                        + client().remoteStreams()))));
    }

    /** muteAudio / muteVideo on the local stream. */
    public void mute(MediaKind kind) {
        LocalStream stream = localStream();
        requireApplied(kind == MediaKind.AUDIO ? stream.muteAudio() : stream.muteVideo(), kind, "mute");
    }

    /** unmuteAudio / unmuteVideo on the local stream. */
    public void unmute(MediaKind kind) {
        LocalStream stream = localStream();
        requireApplied(kind == MediaKind.AUDIO ? stream.unmuteAudio() : stream.unmuteVideo(), kind, "unmute");
    }

    private void requireApplied(boolean applied, MediaKind kind, String action) {
        if (!applied) {
            throw new AssertionError(userId + ": the local stream has no " + kind + " to " + action);
        }
    }

    /** The UDP port this participant's published media leaves from; fails if nothing is published. */
    public int uplinkMediaPort() {
        return port(client().uplinkMediaPort(), "has no connected uplink (publish first)");
    }

    /** The UDP port the subscribed stream of {@code publisherId} arrives at; fails if not subscribed. */
    public int downlinkMediaPort(String publisherId) {
        return port(client().downlinkMediaPort(publisherId), "has no connected subscription to " + publisherId);
    }

    private int port(CompletableFuture<Optional<Integer>> lookup, String otherwise) {
        return lookup.orTimeout(5, TimeUnit.SECONDS).join()
                .orElseThrow(() -> new AssertionError(userId + " " + otherwise));
    }

    /** client.enableAudioVolumeEvaluation(interval); a zero interval turns it off. */
    public void enableAudioVolumeEvaluation(Duration interval) {
        client().enableAudioVolumeEvaluation((int) Math.min(Integer.MAX_VALUE, interval.toMillis()));
    }

    /** LocalStream.addTrack by kind; a published stream is updated (stream-updated). */
    public void addTrack(MediaKind kind) {
        call(Operation.ADD_TRACK, localStream().addTrack(kind));
    }

    /** LocalStream.setVideoProfile with a named profile ('480p'), before initialize() or during a call. */
    public void setVideoProfile(String preset) {
        call(Operation.SET_VIDEO_PROFILE, localStream().setVideoProfile(preset));
    }

    /** LocalStream.setVideoProfile({width, height, frameRate, bitrate}). */
    public void setVideoProfile(int width, int height, int frameRate, int bitrateKbps) {
        call(Operation.SET_VIDEO_PROFILE, localStream().setVideoProfile(width, height, frameRate, bitrateKbps));
    }

    public void tryToSetVideoProfile(String preset) {
        attempt(Operation.SET_VIDEO_PROFILE, localStream().setVideoProfile(preset));
    }

    /** LocalStream.setAudioProfile with a named profile ('standard', 'high', ...). */
    public void setAudioProfile(String preset) {
        call(Operation.SET_AUDIO_PROFILE, localStream().setAudioProfile(preset));
    }

    public void tryToSetAudioProfile(String preset) {
        attempt(Operation.SET_AUDIO_PROFILE, localStream().setAudioProfile(preset));
    }

    /** client.enableSmallStream() at TRTC's default small profile (160x120, 15 fps, 100 kbps). */
    public void enableSmallStream() {
        call(Operation.ENABLE_SMALL_STREAM, client().enableSmallStream());
    }

    /** client.setSmallStreamProfile({width, height, frameRate, bitrate}) then enableSmallStream(). */
    public void enableSmallStream(int width, int height, int frameRate, int bitrateKbps) {
        client().setSmallStreamProfile(width, height, frameRate, bitrateKbps);
        enableSmallStream();
    }

    /** client.setRemoteVideoStreamType(the stream of {@code publisherId}, type). */
    public void setRemoteVideoStreamType(String publisherId, RemoteVideoStreamType type) {
        call(Operation.SET_REMOTE_VIDEO_STREAM_TYPE, client().setRemoteVideoStreamType(streamOf(publisherId), type));
    }

    /** As the app calls it, with TRTC's name of the type: an unknown name is the call's INVALID_PARAMETER. */
    public void tryToSetRemoteVideoStreamType(String publisherId, String typeName) {
        RemoteVideoStreamType type;
        try {
            type = RemoteVideoStreamType.named(typeName);
        } catch (RtcError e) {
            attempt(Operation.SET_REMOTE_VIDEO_STREAM_TYPE, CompletableFuture.failedFuture(e));
            return;
        }
        attempt(Operation.SET_REMOTE_VIDEO_STREAM_TYPE, client().setRemoteVideoStreamType(streamOf(publisherId), type));
    }

    private RemoteStream streamOf(String publisherId) {
        return remoteStreamOf(publisherId).orElseThrow(() -> new AssertionError(userId + " has no stream of "
                + publisherId + " (no stream-added from it yet); streams: " + client().remoteStreams().stream()
                .map(RemoteStream::getId).toList()));
    }

    /** LocalStream.removeTrack by kind; a published stream is updated (stream-updated). */
    public void removeTrack(MediaKind kind) {
        call(Operation.REMOVE_TRACK, localStream().removeTrack(kind));
    }

    public void dropSignaling() {
        client().dropSignaling();
    }

    public void leave() {
        call(Operation.LEAVE, client().leave());
    }

    /** A stream of synthetic media with these tracks, the default video profile. */
    public void createLocalStream(Set<MediaKind> tracks) {
        createLocalStream(tracks, VideoProfile.DEFAULT);
    }

    /** A stream of synthetic media with these tracks and video profile. */
    public void createLocalStream(Set<MediaKind> tracks, VideoProfile profile) {
        createLocalStream(new StreamConfig(userId, tracks.contains(MediaKind.AUDIO), tracks.contains(MediaKind.VIDEO),
                profile));
    }

    /** Audio and video with synthetic video of that size and rate. */
    public void createSyntheticStream(int width, int height, int fps) {
        createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), new VideoProfile(width, height, fps));
    }

    /** Video (and audio, when given) read from files: y4m and wav. */
    public void createStreamFromFiles(Path videoFile, Optional<Path> audioFile) {
        createLocalStream(new StreamConfig(userId, true, true, VideoProfile.DEFAULT,
                new MediaInput.Files(videoFile, audioFile)));
    }

    /** createStream({screen: true}): a synthetic desktop at TRTC's default screen profile, published as the auxiliary stream. */
    public void createScreenStream() {
        createLocalStream(StreamConfig.screen(userId));
    }

    /**
     * createStream({cameraId}) with video only, or createStream({microphoneId}) with audio only: the
     * device named by id or label, among the machine's and the stand-ins (initialize() finds it).
     */
    public void createStreamFromDevice(DeviceKind kind, String idOrLabel) {
        boolean camera = kind == DeviceKind.VIDEO_INPUT;
        if (!camera && kind != DeviceKind.AUDIO_INPUT) {
            throw new IllegalArgumentException("a stream captures from a camera or a microphone, not a " + kind.noun());
        }
        MediaInput.Devices devices = camera ? new MediaInput.Devices(Optional.of(idOrLabel), Optional.empty())
                : new MediaInput.Devices(Optional.empty(), Optional.of(idOrLabel));
        createLocalStream(new StreamConfig(userId, !camera, camera, VideoProfile.DEFAULT, devices));
    }

    /** createStream({video: true}) from the machine's first camera (none named: the default one). */
    public void createStreamFromDefaultCamera() {
        createLocalStream(new StreamConfig(userId, false, true, VideoProfile.DEFAULT, new MediaInput.Devices()));
    }

    /** LocalStream.switchDevice('video' | 'audio', id or label) on the local stream, during a call or before. */
    public void switchDevice(DeviceKind kind, String idOrLabel) {
        call(Operation.SWITCH_DEVICE, localStream().switchDevice(capturedKind(kind), idOrLabel));
    }

    public void tryToSwitchDevice(DeviceKind kind, String idOrLabel) {
        attempt(Operation.SWITCH_DEVICE, localStream().switchDevice(capturedKind(kind), idOrLabel));
    }

    /**
     * replaceTrack as v4's guide does it: a second stream of this participant captures from the
     * device (initialized, never published), and its track of that kind replaces the local stream's.
     */
    public void replaceTrackFrom(DeviceKind kind, String idOrLabel) {
        MediaKind media = capturedKind(kind);
        boolean camera = media == MediaKind.VIDEO;
        MediaInput.Devices devices = camera ? new MediaInput.Devices(Optional.of(idOrLabel), Optional.empty())
                : new MediaInput.Devices(Optional.empty(), Optional.of(idOrLabel));
        LocalStream donor = trtc.createStream(new StreamConfig(userId, !camera, camera, VideoProfile.DEFAULT, devices));
        call(Operation.INITIALIZE, donor.initialize());
        LocalTrack track = (camera ? donor.getVideoTrack() : donor.getAudioTrack()).orElseThrow(() ->
                new IllegalStateException(userId + ": the stream from " + idOrLabel + " has no " + media + " track"));
        call(Operation.REPLACE_TRACK, localStream().replaceTrack(track));
    }

    private static MediaKind capturedKind(DeviceKind kind) {
        return switch (kind) {
            case VIDEO_INPUT -> MediaKind.VIDEO;
            case AUDIO_INPUT -> MediaKind.AUDIO;
            case AUDIO_OUTPUT -> throw new IllegalArgumentException("a speaker plays; a stream captures from a camera"
                    + " or a microphone");
        };
    }

    /** What TRTC.getCameras() / getMicrophones() / getSpeakers() list for this participant. */
    public List<DeviceInfo> devices(DeviceKind kind) {
        CompletableFuture<List<DeviceInfo>> listed = switch (kind) {
            case VIDEO_INPUT -> trtc.getCameras();
            case AUDIO_INPUT -> trtc.getMicrophones();
            case AUDIO_OUTPUT -> trtc.getSpeakers();
        };
        return listed.join();
    }

    /** What TRTC.checkSystemRequirements() answers for this participant's browser (the harness). */
    public SystemRequirements systemRequirements() {
        return TRTC.checkSystemRequirements().join();
    }

    /** The machine's camera and microphone. */
    public void createStreamFromDevices() {
        createLocalStream(new StreamConfig(userId, true, true, VideoProfile.DEFAULT, new MediaInput.Devices()));
    }

    /**
     * A new local stream replaces the earlier one (which must not be published any more). A
     * participant on the shared engine has none: an encoder there, and the audio device's recording
     * that an audio send stream starts (docs/design.md, pitfall 2), would run on the threads every
     * receiver of the scenario depends on, and its cost would land in their measurements.
     */
    public void createLocalStream(StreamConfig config) {
        requireMedia("create a local stream");
        if (engineUse == EngineUse.SHARED) {
            throw new IllegalStateException(userId + " is a receive-only " + kind + " participant on the scenario's"
                    + " shared engine: it cannot create a local stream (a participant made with namedOrNew(name),"
                    + " with an engine of its own, can)");
        }
        if (localStream != null) {
            localStream.close();
        }
        localStream = trtc.createStream(config);
    }

    public void tryToInitializeLocalStream() {
        attempt(Operation.INITIALIZE, localStream().initialize());
    }

    public LocalStream localStream() {
        if (localStream == null) {
            throw new IllegalStateException(userId + " has no local stream; first: When \"" + userId
                    + "\" creates a local stream with audio and video");
        }
        return localStream;
    }

    public void initializeLocalStream() {
        call(Operation.INITIALIZE, localStream().initialize());
    }

    public void playLocalStream(String elementId) {
        localStream().play(elementId);
    }

    public void publish() {
        requireMedia("publish");
        call(Operation.PUBLISH, client().publish(localStream()));
    }

    public void tryToPublish() {
        requireMedia("publish");
        attempt(Operation.PUBLISH, client().publish(localStream()));
    }

    public void subscribeTo(String publisherId) {
        requireMedia("subscribe to " + publisherId);
        call(Operation.SUBSCRIBE, client().subscribe(remoteStreamOf(publisherId).orElseThrow(() -> new IllegalStateException(
                userId + " has no stream of " + publisherId + " to subscribe to; remote streams: " + client().remoteStreams()))));
    }

    /** subscribe(stream, {audio, video}) to one kind only. */
    public void subscribeTo(String publisherId, MediaKind only) {
        requireMedia("subscribe to " + publisherId);
        call(Operation.SUBSCRIBE, client().subscribe(remoteStreamOf(publisherId).orElseThrow(() -> new IllegalStateException(
                userId + " has no stream of " + publisherId + " to subscribe to; remote streams: " + client().remoteStreams())),
                new SubscribeOptions(only == MediaKind.AUDIO, only == MediaKind.VIDEO)));
    }

    public void playStreamOf(String publisherId, String elementId) {
        remoteStreamOf(publisherId).orElseThrow(() -> new IllegalStateException(
                userId + " has no stream of " + publisherId + " to play; remote streams: " + client().remoteStreams()))
                .play(elementId);
    }

    /**
     * The handlers TRTC's documentation registers: subscribe on stream-added, then play into
     * 'remote_stream-&lt;id&gt;' on stream-subscribed. A failure in them is kept and reported by checks.
     */
    public void subscribeToAndPlayEveryAddedStream() {
        subscribeToAndPlayEveryAddedStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO));
    }

    /** As {@link #subscribeToAndPlayEveryAddedStream()}, subscribing to these kinds only: subscribe(stream, {audio, video}). */
    public void subscribeToAndPlayEveryAddedStream(Set<MediaKind> kinds) {
        requireMedia("subscribe to and play every added stream");
        SubscribeOptions choice = new SubscribeOptions(kinds.contains(MediaKind.AUDIO), kinds.contains(MediaKind.VIDEO));
        Client own = client();
        own.on("stream-added", event -> own.subscribe(event.stream(), choice).whenComplete((ok, failure) -> {
            if (failure != null) {
                handlerFailures.add("subscribe to " + event.stream().getId() + " failed: " + rootMessage(failure));
            }
        }));
        own.on("stream-subscribed", event -> {
            try {
                event.stream().play("remote_stream-" + event.stream().getId());
            } catch (RuntimeException e) {
                handlerFailures.add("play of " + event.stream().getId() + " failed: " + e.getMessage());
            }
        });
    }

    public Optional<RemoteStream> remoteStreamOf(String publisherId) {
        if (client == null) {
            return Optional.empty();
        }
        return client.remoteStreams().stream().filter(s -> s.getUserId().equals(publisherId)).findFirst();
    }

    public Optional<Duration> lastCallDuration(Operation operation) {
        return Optional.ofNullable(lastCallDurations.get(operation));
    }

    public Optional<Throwable> lastFailure(Operation operation) {
        return Optional.ofNullable(lastFailures.get(operation));
    }

    public List<String> handlerFailures() {
        return List.copyOf(handlerFailures);
    }

    private void call(Operation operation, CompletableFuture<?> pending) {
        Throwable failure = await(operation, pending);
        if (failure != null) {
            throw new AssertionError(userId + ": " + operation + " failed: " + failure.getMessage(), failure);
        }
    }

    private void attempt(Operation operation, CompletableFuture<?> pending) {
        Throwable failure = await(operation, pending);
        if (failure != null) {
            lastFailures.put(operation, failure);
        } else {
            lastFailures.remove(operation);
        }
    }

    /** Waits for an SDK call; returns its failure (an RtcError where the SDK gave one) or null. */
    Throwable await(Operation operation, CompletableFuture<?> pending) {
        long started = System.nanoTime();
        CompletableFuture<?> timed = pending.whenComplete((ok, failure) ->
                lastCallDurations.put(operation, Duration.ofNanos(System.nanoTime() - started)));
        try {
            timed.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            throw new AssertionError(userId + ": " + operation + " did not complete within "
                    + callTimeout.toMillis() + " ms (harness.timeout.call)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(userId + ": interrupted while waiting for " + operation);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof RtcError)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Releases the client, the stream and the engine, in that order. */
    @Override
    public void close() {
        trtc.close();
    }

    @Override
    public String toString() {
        return userId;
    }
}
