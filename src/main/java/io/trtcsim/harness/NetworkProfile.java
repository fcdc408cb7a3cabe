package io.trtcsim.harness;

import io.trtcsim.network.NetworkConditions;

/** A named set of network conditions, as fixtures/network-profiles.json defines one. */
public record NetworkProfile(String name, String description, NetworkConditions conditions) {
}
