package io.trtcsim.simulator.sfu;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Bouncy Castle's view of a link for DTLS: the DTLS datagrams the link's receive thread picked out
 * of its port (RFC 7983 first byte 20..63), and a way to send to the peer. Bounded: a flood of DTLS
 * datagrams is dropped, never queued without end.
 */
final class DtlsDatagramTransport implements DatagramTransport {

    private static final int QUEUE = 64;
    /** What fits in one UDP datagram on these links without fragmentation (IPv4, no options). */
    static final int MTU = 1200;

    interface Sender {
        void send(byte[] data, int offset, int length) throws IOException;
    }

    private final BlockingQueue<byte[]> incoming = new ArrayBlockingQueue<>(QUEUE);
    private final Sender sender;
    private volatile boolean closed;

    DtlsDatagramTransport(Sender sender) {
        this.sender = sender;
    }

    /** From the receive thread; false when the queue is full (the datagram is dropped). */
    boolean offer(byte[] datagram) {
        return !closed && incoming.offer(datagram);
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("the link is closed");
        }
        byte[] datagram;
        try {
            datagram = incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for DTLS", e);
        }
        if (closed) {
            throw new IOException("the link is closed");
        }
        if (datagram == null) {
            return -1;
        }
        int copied = Math.min(length, datagram.length);
        System.arraycopy(datagram, 0, buffer, offset, copied);
        return copied;
    }

    @Override
    public void send(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the link is closed");
        }
        sender.send(buffer, offset, length);
    }

    @Override
    public void close() {
        closed = true;
        incoming.clear();
    }
}
