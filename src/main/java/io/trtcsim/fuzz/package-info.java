/**
 * The fuzz command: hostile signaling (random bytes and text, wrong JSON types, huge numbers, deep
 * nesting, oversized frames, garbage SDP, publish/leave races, abrupt disconnects) sent to a running
 * stack over many raw WebSocket connections, while a sentinel client in a room of its own and a
 * /health poller watch that the server stays up and keeps other clients undisturbed (docs/fuzzing.md).
 * Depends on nothing of the project but {@code io.trtcsim.usersig} (valid UserSigs),
 * {@code io.trtcsim.concurrent} (named daemon threads) and {@code io.trtcsim.cli} (option types).
 */
package io.trtcsim.fuzz;
