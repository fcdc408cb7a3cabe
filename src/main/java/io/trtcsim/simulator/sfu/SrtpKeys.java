package io.trtcsim.simulator.sfu;

import java.util.Arrays;

/**
 * SRTP master keys and salts of one link as DTLS exported them (RFC 5764 4.2: client key, server
 * key, client salt, server salt). The server decrypts with the client's, encrypts with its own.
 */
record SrtpKeys(byte[] receiveKey, byte[] receiveSalt, byte[] sendKey, byte[] sendSalt) {

    static final int KEY_BYTES = 16;
    static final int SALT_BYTES = 14;

    static SrtpKeys fromServerSide(byte[] material) {
        if (material.length != 2 * (KEY_BYTES + SALT_BYTES)) {
            throw new IllegalArgumentException("DTLS-SRTP keying material has " + material.length + " bytes, not 60");
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, KEY_BYTES);
        byte[] serverKey = Arrays.copyOfRange(material, KEY_BYTES, 2 * KEY_BYTES);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * KEY_BYTES, 2 * KEY_BYTES + SALT_BYTES);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * KEY_BYTES + SALT_BYTES, material.length);
        return new SrtpKeys(clientKey, clientSalt, serverKey, serverSalt);
    }
}
