package io.trtcsim.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client written on a plain socket, so that it can send what a well-behaved client
 * library refuses to: text frames of invalid UTF-8, frames above any limit, headers that lie about
 * their length, half a frame, and a TCP close without a close frame. Reads are blocking, with a
 * deadline; writes may come from another thread than reads (they are serialized).
 */
final class RawWebSocket implements AutoCloseable {

    /** A server frame larger than this is not read into memory (the simulator's replies are small). */
    private static final int MAX_READ_BYTES = 16 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Random masks;

    private RawWebSocket(Socket socket, Random masks) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.masks = masks;
    }

    /**
     * Connects and upgrades; a refused connection is a {@link java.net.ConnectException}, an answer
     * other than 101 an IOException naming the status line.
     */
    static RawWebSocket connect(URI url, Duration timeout, Random random) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            int port = url.getPort() > 0 ? url.getPort() : 80;
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            RawWebSocket webSocket = new RawWebSocket(socket, random);
            webSocket.upgrade(url, random);
            return webSocket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void upgrade(URI url, Random random) throws IOException {
        byte[] key = new byte[16];
        random.nextBytes(key);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String request = "GET " + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()) + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 80) + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        synchronized (out) {
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String statusLine = readLine(in);
        while (!readLine(in).isEmpty()) {
            // the upgrade's headers: nothing the fuzzer needs
        }
        if (!statusLine.startsWith("HTTP/1.1 101")) {
            throw new IOException("the WebSocket upgrade at " + url + " was answered '" + statusLine + "', not 101");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection closed during the WebSocket upgrade");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 8192) {
                throw new IOException("an HTTP header line over 8 KiB in the WebSocket upgrade");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    void sendText(String text) throws IOException {
        send(Frame.text(text));
    }

    /** Writes one masked frame; a lying frame writes only the bytes it has. */
    void send(Frame frame) throws IOException {
        sendHeaderAndPayload(frame, frame.payload().length);
    }

    /** Writes the frame's header and only the first {@code bytes} bytes of its payload: half a frame. */
    void sendPart(Frame frame, int bytes) throws IOException {
        sendHeaderAndPayload(frame, Math.min(bytes, frame.payload().length));
    }

    private void sendHeaderAndPayload(Frame frame, int payloadBytes) throws IOException {
        long length = frame.announcedLength();
        byte[] mask = new byte[4];
        synchronized (out) {
            masks.nextBytes(mask);
            out.write(0x80 | frame.opcode());
            if (length < 126) {
                out.write(0x80 | (int) length);
            } else if (length <= 0xFFFF) {
                out.write(0x80 | 126);
                out.write((int) (length >>> 8));
                out.write((int) length);
            } else {
                out.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (length >>> shift));
                }
            }
            out.write(mask);
            byte[] masked = new byte[payloadBytes];
            byte[] payload = frame.payload();
            for (int i = 0; i < payloadBytes; i++) {
                masked[i] = (byte) (payload[i] ^ mask[i & 3]);
            }
            out.write(masked);
            out.flush();
        }
    }

    /**
     * The next data or close frame within {@code timeout} (pings are answered, pongs skipped;
     * fragments joined). SocketTimeoutException when none came; EOFException when the server closed
     * the TCP connection without a close frame.
     */
    Frame read(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream message = null;
        int messageOpcode = 0;
        while (true) {
            long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
            if (deadline - System.nanoTime() <= 0) {
                throw new SocketTimeoutException("no frame within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length < 0 || length > MAX_READ_BYTES) {
                throw new IOException("the server sent a frame of " + length + " bytes");
            }
            byte[] payload = new byte[(int) length];
            if ((second & 0x80) != 0) {
                byte[] mask = new byte[4];
                in.readFully(mask);
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            } else {
                in.readFully(payload);
            }
            if (opcode == Frame.PING) {
                send(new Frame(Frame.PONG, payload, -1));
                continue;
            }
            if (opcode == Frame.PONG) {
                continue;
            }
            if (opcode == Frame.CLOSE) {
                return new Frame(Frame.CLOSE, payload, -1);
            }
            if (message == null) {
                message = new ByteArrayOutputStream();
                messageOpcode = opcode;
            }
            message.write(payload);
            if (fin) {
                return new Frame(messageOpcode, message.toByteArray(), -1);
            }
        }
    }

    /** The closing handshake's first half (status 1000); the socket stays open for the server's answer. */
    void sendClose() throws IOException {
        send(new Frame(Frame.CLOSE, new byte[] {0x03, (byte) 0xE8}, -1));
    }

    /** A TCP close without a close frame: FIN, or with {@code reset} an RST (SO_LINGER 0). */
    void abort(boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        abort(false);
    }
}
