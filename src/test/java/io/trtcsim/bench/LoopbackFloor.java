package io.trtcsim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The floor under a signaling fan-out on this machine, measured in the same run as the stack:
 * one message of the event's size written to each of {@code connections} loopback TCP sockets by
 * {@code writers} threads, and read by one selector thread (as the JDK's WebSocket client reads
 * every member's socket), with no WebSocket, JSON or SDK on either side. The audience's latency
 * over this floor is what the layers cost; the floor itself moves with the virtual machine (the
 * same code gave 78-111 ms one day and 209-263 ms the next), which is why it is measured beside
 * every run, not once.
 */
final class LoopbackFloor {

    /** Per round: the longest a round may take before the floor gives up, naming what arrived. */
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(30);

    private final int connections;
    private final int writers;
    private final int messageBytes;

    LoopbackFloor(int connections, int writers, int messageBytes) {
        if (connections < 1 || writers < 1 || messageBytes < 1) {
            throw new IllegalArgumentException("connections, writers and message bytes must be positive, got "
                    + connections + ", " + writers + ", " + messageBytes);
        }
        this.connections = connections;
        this.writers = writers;
        this.messageBytes = messageBytes;
    }

    /** Each round's latencies (ms from the round's start to each socket's whole message read). */
    List<FanOutRound.Percentiles> measure(int rounds) throws IOException, InterruptedException {
        List<SocketChannel> open = new ArrayList<>();
        ExecutorService writing = Executors.newFixedThreadPool(writers, r -> daemon(r, "floor-writer"));
        try (ServerSocketChannel server = ServerSocketChannel.open();
             Selector selector = Selector.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), connections);
            SocketChannel[] sending = new SocketChannel[connections];
            Reader reader = new Reader(selector, connections, messageBytes);
            for (int i = 0; i < connections; i++) {
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                open.add(client);
                SocketChannel accepted = server.accept();
                open.add(accepted);
                for (SocketChannel channel : List.of(client, accepted)) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                }
                client.register(selector, SelectionKey.OP_READ, i);
                sending[i] = accepted;
            }
            Thread reading = daemon(reader::run, "floor-reader");
            reading.start();
            try {
                List<FanOutRound.Percentiles> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    results.add(round(round, sending, reader, writing));
                }
                return results;
            } finally {
                reader.stop();
                selector.wakeup();
                reading.join(ROUND_LIMIT.toMillis());
            }
        } finally {
            writing.shutdownNow();
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }

    private FanOutRound.Percentiles round(int round, SocketChannel[] sending, Reader reader, ExecutorService writing)
            throws InterruptedException {
        CountDownLatch everyoneRead = reader.expect(round);
        byte[] message = new byte[messageBytes];
        Arrays.fill(message, (byte) 'x');
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int first = w;
            writing.execute(() -> {
                for (int i = first; i < sending.length; i += writers) {
                    write(sending[i], message);
                }
            });
        }
        if (!everyoneRead.await(ROUND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("loopback floor, round " + round + ": " + (connections - everyoneRead.getCount())
                    + " of " + connections + " sockets read their message within " + ROUND_LIMIT.toSeconds() + " s");
        }
        return FanOutRound.Percentiles.of(reader.readAt(), start);
    }

    /** The whole message, on a socket whose send buffer is far from full (one message a round). */
    private static void write(SocketChannel channel, byte[] message) {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The selector thread: counts each socket's bytes, and stamps it when a round's message is whole. */
    private static final class Reader {

        private final Selector selector;
        private final int messageBytes;
        private final long[] bytesRead;
        private final long[] readAt;
        private volatile boolean stopped;
        private volatile CountDownLatch round = new CountDownLatch(0);
        private volatile long roundBytes;

        Reader(Selector selector, int connections, int messageBytes) {
            this.selector = selector;
            this.messageBytes = messageBytes;
            this.bytesRead = new long[connections];
            this.readAt = new long[connections];
        }

        /** Set before the round's first write; the latch counts down once per socket. */
        CountDownLatch expect(int round) {
            roundBytes = (long) round * messageBytes;
            this.round = new CountDownLatch(bytesRead.length);
            return this.round;
        }

        /** Read after the round's latch opened, which orders these writes before the read. */
        long[] readAt() {
            return readAt.clone();
        }

        void stop() {
            stopped = true;
        }

        void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (!stopped) {
                    selector.select();
                    for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        buffer.clear();
                        int read = ((SocketChannel) key.channel()).read(buffer);
                        int socket = (Integer) key.attachment();
                        if (read > 0) {
                            bytesRead[socket] += read;
                            if (bytesRead[socket] == roundBytes) {
                                readAt[socket] = System.nanoTime();
                                round.countDown();
                            }
                        } else if (read < 0) {
                            key.cancel();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A closed selector (the floor ending) or a broken socket: the round's latch then
                // times out with the count of what arrived, which is the error worth reading.
                if (!stopped) {
                    System.err.println("loopback floor reader stopped: " + e);
                }
            }
        }
    }
}
