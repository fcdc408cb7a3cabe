package io.trtcsim.simulator.sfu;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/** A packet in a byte array, as jitsi-srtp transforms it in place (it may grow by the auth tag). */
final class PacketBuffer implements ByteArrayBuffer {

    private byte[] buffer;
    private int offset;
    private int length;

    PacketBuffer(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " exceed " + buffer.length + " bytes");
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** A copy with room for SRTP's tag and index, so the original stays untouched. */
    static PacketBuffer copyOf(byte[] data, int offset, int length) {
        byte[] copy = new byte[length + 32];
        System.arraycopy(data, offset, copy, 0, length);
        return new PacketBuffer(copy, 0, length);
    }

    byte[] toArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int newLength) {
        if (newLength < 0 || offset + newLength > buffer.length) {
            throw new IllegalArgumentException("length " + newLength);
        }
        length = newLength;
    }

    @Override
    public void setOffset(int newOffset) {
        if (newOffset < 0 || newOffset + length > buffer.length) {
            throw new IllegalArgumentException("offset " + newOffset);
        }
        offset = newOffset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        if (off < 0 || len <= 0 || offset + off + len > buffer.length || out.length < len) {
            return;
        }
        System.arraycopy(buffer, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch < 0) {
            throw new IllegalArgumentException("grow by " + howMuch);
        }
        if (offset + length + howMuch > buffer.length) {
            byte[] larger = new byte[length + howMuch];
            System.arraycopy(buffer, offset, larger, 0, length);
            buffer = larger;
            offset = 0;
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int howMuch) {
        length = Math.max(0, length - howMuch);
    }
}
