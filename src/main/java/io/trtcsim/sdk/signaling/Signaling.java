package io.trtcsim.sdk.signaling;

/**
 * The SDK's port to a stack: what a Client needs to reach rooms, and no more. The stacks (the
 * simulator's WebSocket client, Janus) implement it; the SDK never knows which one it holds, as
 * WireMock's callers never know whether their Admin is local or remote.
 */
public interface Signaling {

    /** A new signaling channel for one client; nothing is sent until its first request. */
    SignalingChannel open(RoomEventListener listener);
}
