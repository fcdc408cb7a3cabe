/**
 * Network conditions applied in user space by the media plane: one emulated path per participant
 * and direction ({@link io.trtcsim.simulator.sfu.netem.NetworkPath}), shared by all of that
 * participant's transports, and a loss on one subscriber's copy of one stream
 * ({@link io.trtcsim.simulator.sfu.netem.StreamLoss}). Knows datagrams only, nothing of RTP or of
 * the transports that use it; depends on {@code io.trtcsim.network} for the vocabulary.
 */
package io.trtcsim.simulator.sfu.netem;
