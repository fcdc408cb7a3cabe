/**
 * TRTC's vocabulary, shared by the SDK, the simulator and the stacks: error codes and RtcError, the
 * documented client event names, connection states, modes, roles and media kinds. It depends on
 * nothing else of the project, so every side can speak it without depending on another side.
 */
package io.trtcsim.trtc;
