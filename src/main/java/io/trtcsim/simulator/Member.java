package io.trtcsim.simulator;

/** A user in a room, reached through the signaling connection it joined on. */
record Member(String userId, String mode, String role, SignalingConnection connection) {
}
