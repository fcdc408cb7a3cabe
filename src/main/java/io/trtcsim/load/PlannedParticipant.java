package io.trtcsim.load;

/** One participant of a load plan: its userId, what it does and the room it joins. */
public record PlannedParticipant(String name, LoadRole role, long room) {
}
