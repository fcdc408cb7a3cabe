package io.trtcsim.usersig;

/** The bits of a PrivateMapKey's privilegeMap, as TRTC documents them (255 = all). */
public enum Privilege {
    CREATE_ROOM(1),
    ENTER_ROOM(2),
    SEND_AUDIO(4),
    RECEIVE_AUDIO(8),
    SEND_VIDEO(16),
    RECEIVE_VIDEO(32),
    SEND_SUBSTREAM(64),
    RECEIVE_SUBSTREAM(128);

    /** Every privilege; what TRTC's samples pass when they mean "no restriction". */
    public static final int ALL = 255;

    private final int bit;

    Privilege(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
