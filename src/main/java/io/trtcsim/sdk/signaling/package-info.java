/**
 * The port the SDK talks through, owned by the SDK: {@link io.trtcsim.sdk.signaling.Signaling} opens
 * a {@link io.trtcsim.sdk.signaling.SignalingChannel} per client, which carries join, publish,
 * subscribe and leave and delivers {@link io.trtcsim.sdk.signaling.RoomEvent}s. Stacks implement it;
 * it depends only on TRTC's vocabulary ({@code io.trtcsim.trtc}).
 */
package io.trtcsim.sdk.signaling;
