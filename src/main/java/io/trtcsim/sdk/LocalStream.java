package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.AudioCapture;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.media.VideoCapture;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.AudioProfilePreset;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import io.trtcsim.trtc.VideoProfilePreset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * TRTC's LocalStream: createStream gives one, initialize() starts capture: synthetic (a marked test
 * pattern and a tone, so the receiving side can measure them), files, the screen, stand-in devices
 * or the machine's own devices. switchDevice and replaceTrack change what a track captures while
 * it is sent, without a renegotiation.
 */
public final class LocalStream extends Stream {

    private final StreamConfig config;
    private final Supplier<MediaEngine> engine;
    /** The tab's engine, made (or found) recording from a microphone of the machine. */
    private final Function<FoundDevice.MachineMicrophone, MediaEngine> recordingEngine;
    private final StandInDevices standIns;
    /** What capture reads: the config's input, or for devices the stand-ins initialize() found. */
    private volatile MediaInput input;
    private volatile VideoCapture videoSource;
    private volatile AudioCapture audioSource;
    private volatile AudioTrack localAudioTrack;
    private volatile boolean closed;
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;
    private volatile PublishedStreamListener publisher;
    private volatile boolean withAudio;
    private volatile boolean withVideo;
    private volatile VideoProfile videoProfile;
    /** setVideoProfile's bitrate: the cap on the video sender; empty until a profile is set. */
    private volatile OptionalInt videoBitrateKbps = OptionalInt.empty();
    /** Empty until setAudioProfile: then libwebrtc's Opus default (32 kbps) is what is sent. */
    private volatile Optional<AudioProfilePreset> audioProfile = Optional.empty();
    /** The small stream's capture and track while a dual stream is published; null otherwise. */
    private volatile SmallStreamCapture small;

    LocalStream(StreamConfig config, Supplier<MediaEngine> engine, MediaClock clock) {
        this(config, engine, LocalStream::noMachineMicrophones, clock, StandInDevices.NONE);
    }

    /**
     * {@code recordingEngine}: the tab's engine recording from a microphone of the machine (or the
     * refusal to make one); {@code standIns}: the stand-in devices a stream made from devices may name.
     */
    LocalStream(StreamConfig config, Supplier<MediaEngine> engine,
                Function<FoundDevice.MachineMicrophone, MediaEngine> recordingEngine, MediaClock clock,
                StandInDevices standIns) {
        // Local streams are never rendered from remote tracks; their own video is tapped for play().
        super(config.userId(), clock, Rendering.FRAMES);
        this.config = config;
        this.engine = engine;
        this.recordingEngine = recordingEngine;
        this.withAudio = config.audio();
        this.withVideo = config.video();
        this.videoProfile = config.videoProfile();
        this.standIns = standIns;
        this.input = config.input();
        if (config.input() instanceof MediaInput.Screen) {
            videoBitrateKbps = OptionalInt.of(StreamConfig.SCREEN_BITRATE_KBPS);
        }
    }

    /** 'auxiliary' for a screen-sharing stream, else 'main': what the others' getType() will say. */
    public StreamType streamType() {
        return config.input() instanceof MediaInput.Screen ? StreamType.AUXILIARY : StreamType.MAIN;
    }

    @Override
    public String getId() {
        return "local-" + getUserId();
    }

    @Override
    public boolean hasAudio() {
        return withAudio;
    }

    @Override
    public boolean hasVideo() {
        return withVideo;
    }

    public StreamConfig config() {
        return config;
    }

    /** Starts capture. Fails with INVALID_OPERATION when already initialized or closed. */
    public synchronized CompletableFuture<Void> initialize() {
        if (closed) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.INVALID_OPERATION, "stream is closed"));
        }
        if (isInitialized()) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.INVALID_OPERATION,
                    "stream of " + getUserId() + " is already initialized"));
        }
        try {
            if (config.input() instanceof MediaInput.Devices devices) {
                input = Devices.capture(devices, config, standIns);
            }
            MediaEngine media = engineFor(input);
            if (withVideo) {
                startVideo(media);
            }
            if (withAudio) {
                startAudio(media);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RtcError e) {
            releaseMedia();
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            releaseMedia();
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.INITIALIZE_FAILED,
                    "could not start capture: " + e.getMessage(), e));
        }
    }

    private static MediaEngine noMachineMicrophones(FoundDevice.MachineMicrophone microphone) {
        throw new RtcError(ErrorCode.NOT_SUPPORTED, "this stream cannot record the machine's microphone '"
                + microphone.info().label() + "'");
    }

    /**
     * The engine capture runs on: the tab's, recording from the machine's microphone when that is
     * what the stream captures. An engine records or takes pushed audio, never both (see
     * {@link MediaEngine}), so pushed audio on a recording tab is NOT_SUPPORTED, saying why.
     */
    private MediaEngine engineFor(MediaInput what) {
        if (withAudio && what instanceof MediaInput.FoundDevices found
                && found.microphone().orElse(null) instanceof FoundDevice.MachineMicrophone microphone) {
            return recordingEngine.apply(microphone);
        }
        MediaEngine media = engine.get();
        if (withAudio && media.microphone().isPresent()) {
            throw new RtcError(ErrorCode.NOT_SUPPORTED, "the tab of " + getUserId() + " records the machine's"
                    + " microphone '" + media.microphone().get().getName() + "'; a stream of synthetic, file or"
                    + " stand-in audio needs a tab (participant) of its own");
        }
        return media;
    }

    private void startVideo(MediaEngine media) {
        videoSource = Captures.video(getUserId(), input, videoProfile, clock());
        attachTrack(media.createVideoTrack(videoTrackId(), videoSource.source()));
        videoSource.setPaused(videoMuted);
        videoSource.start();
    }

    private void startAudio(MediaEngine media) {
        audioSource = Captures.audio(getUserId(), input, media, clock());
        // Not tapped: TRTC plays local streams muted, and a second sink on a custom audio source
        // aborted libwebrtc once the track was also being sent (audio_send_stream.cc race checker),
        // so local audio is only ever sent, never rendered.
        localAudioTrack = media.createAudioTrack(audioTrackId(), audioSource.source());
        audioSource.setPaused(audioMuted);
        audioSource.start();
    }

    /**
     * setVideoProfile with one of TRTC's named profiles ('120p' … '4K'): before initialize() it sets
     * what capture starts with; later (v4.8.4 on) the capture changes size and rate at once and a
     * published stream's sender is capped at the profile's bitrate, without a renegotiation.
     * INVALID_PARAMETER for an unknown name; NOT_SUPPORTED for a stream from a file or device,
     * whose size and rate are the input's.
     */
    public CompletableFuture<Void> setVideoProfile(String presetName) {
        VideoProfilePreset preset;
        try {
            preset = VideoProfilePreset.named(presetName);
        } catch (RtcError e) {
            return CompletableFuture.failedFuture(e);
        }
        return setVideoProfile(preset.width(), preset.height(), preset.frameRate(), preset.bitrateKbps());
    }

    /** setVideoProfile({width, height, frameRate, bitrate}): as the named form, with the values given. */
    public CompletableFuture<Void> setVideoProfile(int width, int height, int frameRate, int bitrateKbps) {
        VideoProfile picture;
        try {
            picture = new VideoProfile(width, height, frameRate);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.INVALID_PARAMETER, e.getMessage()));
        }
        if (bitrateKbps <= 0) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.INVALID_PARAMETER,
                    "video bitrate " + bitrateKbps + " kbps is not a positive number of kbps"));
        }
        PublishedStreamListener listener;
        synchronized (this) {
            if (closed) {
                return failed("the stream of " + getUserId() + " is closed");
            }
            if (config.input() instanceof MediaInput.Files || config.input() instanceof MediaInput.Devices) {
                return CompletableFuture.failedFuture(new RtcError(ErrorCode.NOT_SUPPORTED, "the stream of "
                        + getUserId() + " captures from " + (config.input() instanceof MediaInput.Files files
                        ? "the video file " + files.video() : "a camera")
                        + ", whose size and rate are its own: profiles apply to synthetic video"));
            }
            if (videoSource != null) {
                videoSource.reconfigure(picture);
            }
            videoProfile = picture;
            videoBitrateKbps = OptionalInt.of(bitrateKbps);
            listener = publisher;
        }
        if (listener != null) {
            listener.profilesChanged();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * setAudioProfile with one of TRTC's named profiles ('standard', 'high', 'standard-stereo',
     * 'high-stereo'): the audio sender sends at the profile's bitrate (libwebrtc takes the cap as
     * the Opus target), before or during a call. The channels stay what the capture gives (mono:
     * libwebrtc sends stereo Opus only when the answer asks for it, a renegotiation v4 does not make).
     * INVALID_PARAMETER for an unknown name.
     */
    public CompletableFuture<Void> setAudioProfile(String presetName) {
        AudioProfilePreset preset;
        try {
            preset = AudioProfilePreset.named(presetName);
        } catch (RtcError e) {
            return CompletableFuture.failedFuture(e);
        }
        PublishedStreamListener listener;
        synchronized (this) {
            if (closed) {
                return failed("the stream of " + getUserId() + " is closed");
            }
            audioProfile = Optional.of(preset);
            listener = publisher;
        }
        if (listener != null) {
            listener.profilesChanged();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The picture capture gives now (or will give once initialized). */
    public VideoProfile videoProfile() {
        return videoProfile;
    }

    public Optional<AudioProfilePreset> audioProfile() {
        return audioProfile;
    }

    /**
     * Caps the uplink's senders at what the profiles say: the video at setVideoProfile's bitrate,
     * the audio at setAudioProfile's, the small stream at its profile's. Native calls: called with
     * no lock held, never under this stream's monitor.
     */
    void capSenders(PeerLink uplink) {
        OptionalInt video = videoBitrateKbps;
        if (video.isPresent()) {
            uplink.setMaxBitrate(videoTrackId(), video);
        }
        audioProfile.ifPresent(preset -> uplink.setMaxBitrate(audioTrackId(), OptionalInt.of(preset.bitrateKbps())));
        SmallStreamCapture dual = small;
        if (dual != null) {
            uplink.setMaxBitrate(SmallStreamCapture.trackId(getUserId()), OptionalInt.of(dual.profile().bitrateKbps()));
        }
    }

    /**
     * switchDevice('audio' | 'video', deviceId): the track of that kind captures from another camera
     * or microphone (a stand-in or the machine's, by id or label) from now on, without a
     * renegotiation; see {@link DeviceSwitch}.
     */
    public CompletableFuture<Void> switchDevice(MediaKind kind, String deviceId) {
        return DeviceSwitch.switchDevice(this, kind, deviceId);
    }

    /**
     * replaceTrack(track): the track of another stream of the same user and tab takes the place of
     * this stream's track of that kind, without a renegotiation; the track moves. See {@link DeviceSwitch}.
     */
    public CompletableFuture<Void> replaceTrack(LocalTrack track) {
        return DeviceSwitch.replaceTrack(this, track);
    }

    /** The tab's engine, once the stream may switch the track of that kind ({@code call} names the API). */
    synchronized MediaEngine engineForSwitch(MediaKind kind, String call) {
        requireSwitchable(kind, call);
        return engine.get();
    }

    /** The engine of this stream's tab, as it is now. */
    MediaEngine engine() {
        return engine.get();
    }

    StandInDevices standIns() {
        return standIns;
    }

    /** getAudioTrack(): this stream's audio track, for another stream's replaceTrack; empty without audio. */
    public synchronized Optional<LocalTrack> getAudioTrack() {
        return localAudioTrack == null ? Optional.empty() : Optional.of(new LocalTrack(MediaKind.AUDIO, this));
    }

    /** getVideoTrack(): this stream's video track, for another stream's replaceTrack; empty without video. */
    public synchronized Optional<LocalTrack> getVideoTrack() {
        return videoTrack().isPresent() ? Optional.of(new LocalTrack(MediaKind.VIDEO, this)) : Optional.empty();
    }

    /** A capture and the track made of it, on their way from one stream to another. */
    record Capture(AutoCloseable capture, Object track) {
    }

    /** Hands this stream's capture and track of that kind over to another stream (replaceTrack). */
    synchronized Capture give(MediaKind kind) {
        if (closed || !(kind == MediaKind.AUDIO ? localAudioTrack != null : videoTrack().isPresent())) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "the " + kind + " track of " + getUserId()
                    + "'s other stream is gone (closed, or moved already)");
        }
        if (publisher != null) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "the " + kind + " track is sent by a published stream;"
                    + " take it from a stream that is not published");
        }
        if (kind == MediaKind.AUDIO) {
            Capture taken = new Capture(audioSource, localAudioTrack);
            audioSource = null;
            localAudioTrack = null;
            withAudio = false;
            return taken;
        }
        Capture taken = new Capture(videoSource, videoTrack().orElseThrow());
        videoSource = null;
        releaseVideoTrack();
        withVideo = false;
        return taken;
    }

    private void requireSwitchable(MediaKind kind, String call) {
        if (closed || !isInitialized()) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, call + ": the stream of " + getUserId()
                    + (closed ? " is closed" : " is not initialized"));
        }
        if (!(kind == MediaKind.AUDIO ? withAudio : withVideo)) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, call + ": the stream of " + getUserId() + " has no " + kind);
        }
        if (kind == MediaKind.VIDEO && config.input() instanceof MediaInput.Screen) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, call + ": the stream of " + getUserId()
                    + " shares the screen; it has no camera to switch");
        }
    }

    /** The new video capture and track take the old ones' place: on the sender, then in play(). */
    void swapVideo(VideoCapture capture, VideoTrack track) {
        VideoCapture old;
        Optional<VideoTrack> oldTrack;
        PublishedStreamListener listener;
        synchronized (this) {
            old = videoSource;
            oldTrack = videoTrack();
            capture.setPaused(videoMuted);
            capture.start();
            videoSource = capture;
            releaseVideoTrack();
            attachTrack(track);
            resumePlayback();
            listener = publisher;
        }
        if (listener != null) {
            listener.trackReplaced(videoTrackId(), track);
        }
        if (old != null) {
            old.close();
        }
        oldTrack.ifPresent(VideoTrack::dispose);
    }

    /**
     * The new audio capture and track take the old ones' place on the sender while no audio is
     * pushed anywhere in the engine ({@link MediaEngine#holdingAudio}).
     */
    void swapAudio(MediaEngine media, AudioCapture capture, AudioTrack track) {
        AudioCapture old;
        AudioTrack oldTrack;
        PublishedStreamListener listener;
        synchronized (this) {
            old = audioSource;
            oldTrack = localAudioTrack;
            listener = publisher;
        }
        media.holdingAudio(() -> {
            if (listener != null) {
                listener.trackReplaced(audioTrackId(), track);
            }
            synchronized (this) {
                audioSource = capture;
                localAudioTrack = track;
            }
        });
        capture.setPaused(audioMuted);
        capture.start();
        if (old != null) {
            old.close();
        }
        if (oldTrack != null) {
            oldTrack.dispose();
        }
    }

    String videoTrackId() {
        return "video-" + getUserId();
    }

    String audioTrackId() {
        return "audio-" + getUserId();
    }

    /**
     * The small stream of a dual stream: a second capture at the small profile (marked as the big
     * one is), sent as the uplink's second video track. Started by the client's publish when it has
     * enableSmallStream(); false when there is no video to make it of.
     */
    synchronized boolean startSmallVideo(SmallStreamProfile profile) {
        if (!withVideo || closed || small != null) {
            return small != null;
        }
        small = SmallStreamCapture.start(getUserId(), profile, engine.get(), clock(), videoMuted);
        return true;
    }

    /** Ends the small stream's capture; its track must be off every connection (the uplink closed) first. */
    synchronized void stopSmallVideo() {
        if (small != null) {
            small.close();
            small = null;
        }
    }

    /**
     * TRTC's addTrack, by kind: capture of that kind starts; a published stream
     * is updated (the others get stream-updated). INVALID_OPERATION when the stream already has it.
     */
    public CompletableFuture<Void> addTrack(MediaKind kind) {
        PublishedStreamListener listener;
        synchronized (this) {
            boolean audio = kind == MediaKind.AUDIO;
            if (!isInitialized()) {
                return failed("initialize the stream before adding tracks");
            }
            if (audio ? withAudio : withVideo) {
                return failed("the stream of " + getUserId() + " already has " + kind);
            }
            MediaEngine media = engine.get();
            if (audio) {
                startAudio(media);
                withAudio = true;
            } else {
                startVideo(media);
                withVideo = true;
            }
            listener = publisher;
        }
        return listener == null ? CompletableFuture.completedFuture(null) : listener.tracksChanged();
    }

    /**
     * TRTC's removeTrack, by kind: a published stream is updated first (the others get
     * stream-updated), then that capture stops. A stream keeps at least one track.
     */
    public CompletableFuture<Void> removeTrack(MediaKind kind) {
        PublishedStreamListener listener;
        boolean audio;
        synchronized (this) {
            audio = kind == MediaKind.AUDIO;
            if (!(audio ? withAudio : withVideo)) {
                return failed("the stream of " + getUserId() + " has no " + kind + " to remove");
            }
            if (!(audio ? withVideo : withAudio)) {
                return failed("a stream keeps at least one track; unpublish it instead");
            }
            if (audio) {
                withAudio = false;
            } else {
                withVideo = false;
            }
            listener = publisher;
        }
        CompletableFuture<Void> updated = listener == null ? CompletableFuture.completedFuture(null) : listener.tracksChanged();
        return updated.whenComplete((ok, failure) -> releaseKind(audio));
    }

    private synchronized void releaseKind(boolean audio) {
        if (audio) {
            if (audioSource != null) {
                audioSource.close();
                audioSource = null;
            }
            if (localAudioTrack != null) {
                localAudioTrack.dispose();
                localAudioTrack = null;
            }
        } else {
            if (videoSource != null) {
                videoSource.close();
                videoSource = null;
            }
            Optional<VideoTrack> video = videoTrack();
            releaseVideoTrack();
            video.ifPresent(VideoTrack::dispose);
        }
    }

    private static CompletableFuture<Void> failed(String message) {
        return CompletableFuture.failedFuture(new RtcError(ErrorCode.INVALID_OPERATION, message));
    }

    public boolean isInitialized() {
        return videoTrack().isPresent() || localAudioTrack != null;
    }

    /** Sends the stream's tracks on an uplink. Audio and video get separate stream ids: shared ones make the receiver delay video for lip-sync. */
    synchronized void sendOn(PeerLink uplink) {
        if (withVideo) {
            videoTrack().ifPresent(track -> uplink.addTrack(track, "video-" + getUserId()));
        }
        if (withAudio && localAudioTrack != null) {
            uplink.addTrack(localAudioTrack, "audio-" + getUserId());
        }
        // Last, so it is the offer's second video section: what the stack takes as the small stream.
        if (withVideo && small != null) {
            uplink.addTrack(small.track(), SmallStreamCapture.trackId(getUserId()));
        }
    }

    /** muteAudio(): capture stops sending sound; remote users get mute-audio. True when there is audio. */
    public boolean muteAudio() {
        return setMuted(MediaKind.AUDIO, true);
    }

    public boolean unmuteAudio() {
        return setMuted(MediaKind.AUDIO, false);
    }

    /** muteVideo(): no more frames leave; remote users get mute-video. True when there is video. */
    public boolean muteVideo() {
        return setMuted(MediaKind.VIDEO, true);
    }

    public boolean unmuteVideo() {
        return setMuted(MediaKind.VIDEO, false);
    }

    public boolean isAudioMuted() {
        return audioMuted;
    }

    public boolean isVideoMuted() {
        return videoMuted;
    }

    private synchronized boolean setMuted(MediaKind kind, boolean muted) {
        boolean ofAudio = kind == MediaKind.AUDIO;
        if (ofAudio ? !withAudio : !withVideo) {
            return false;
        }
        if (ofAudio) {
            audioMuted = muted;
            if (audioSource != null) {
                audioSource.setPaused(muted);
            }
        } else {
            videoMuted = muted;
            if (videoSource != null) {
                videoSource.setPaused(muted);
            }
            if (small != null) {
                small.setPaused(muted);
            }
        }
        PublishedStreamListener listener = publisher;
        if (listener != null) {
            listener.muted(kind, muted);
        }
        return true;
    }

    /** The client that publishes this stream hears of mutes from here (null when unpublished). */
    void publishedBy(PublishedStreamListener listener) {
        publisher = listener;
    }

    public long framesCaptured() {
        VideoCapture source = videoSource;
        return source == null ? 0 : source.framesCaptured();
    }

    /** Stops capture and releases tracks. Unpublish first: a track still on a connection cannot be disposed. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseMedia();
    }

    /** Sources stop first, so no frame is in flight when the taps come off and the tracks go. */
    private void releaseMedia() {
        stopSmallVideo();
        if (videoSource != null) {
            videoSource.close();
        }
        if (audioSource != null) {
            audioSource.close();
        }
        Optional<VideoTrack> video = videoTrack();
        releaseTracks();
        video.ifPresent(VideoTrack::dispose);
        if (localAudioTrack != null) {
            localAudioTrack.dispose();
            localAudioTrack = null;
        }
        videoSource = null;
        audioSource = null;
    }
}
