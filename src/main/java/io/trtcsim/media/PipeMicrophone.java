package io.trtcsim.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real microphone of the harness's {@link PulseAudioServer}: a {@code module-pipe-source} whose FIFO
 * this writes, in real time, with the marked tone the synthetic microphone sends (a 440 Hz tone, a
 * louder burst at every whole second of the media clock), so a receiver measures audio latency
 * the same way; the latency then includes the device path (FIFO, PulseAudio, libwebrtc's capture).
 * <p>
 * The pipe source keeps its FIFO open from the moment it is loaded, so opening it for writing does
 * not block; the server's loopback of every microphone keeps it read, so the writes do not pile up
 * (see {@link PulseAudioServer#addMicrophone}).
 */
public final class PipeMicrophone extends PacedSource {

    private static final Logger log = LoggerFactory.getLogger(PipeMicrophone.class);

    private final String name;
    private final OutputStream fifo;
    private final AudioTone tone = new AudioTone();
    private final MediaClock clock;
    private final AtomicLong chunks = new AtomicLong();

    private PipeMicrophone(String name, OutputStream fifo, MediaClock clock) {
        super("pipe-microphone-" + name);
        this.name = name;
        this.fifo = fifo;
        this.clock = clock;
    }

    /** Opens the pipe source's FIFO and starts feeding it. */
    static PipeMicrophone open(String name, Path fifo, MediaClock clock) {
        OutputStream out;
        try {
            out = Files.newOutputStream(fifo, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the FIFO " + fifo + " of the microphone '" + name + "'", e);
        }
        PipeMicrophone microphone = new PipeMicrophone(name, out, clock);
        microphone.pace(10_000, AudioMarker.alignmentDelayMicros(clock), microphone::writeChunk);
        return microphone;
    }

    /** The pipe source's name, which is also its description: what TRTC.getMicrophones() lists. */
    public String name() {
        return name;
    }

    /** 10 ms chunks written so far. */
    public long chunksWritten() {
        return chunks.get();
    }

    private void writeChunk() {
        if (isClosed()) {
            return;
        }
        byte[] chunk = AudioMarker.nextChunk(tone, clock.nowMicros(), isPaused());
        try {
            fifo.write(chunk);
            chunks.incrementAndGet();
        } catch (IOException e) {
            if (!isClosed()) {
                log.warn("the microphone '{}' could not write its FIFO: {}", name, e.toString());
            }
        }
    }

    @Override
    void disposeSource() {
        try {
            fifo.close();
        } catch (IOException e) {
            log.debug("closing the FIFO of the microphone '{}': {}", name, e.toString());
        }
    }
}
