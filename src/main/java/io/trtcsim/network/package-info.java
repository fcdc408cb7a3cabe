/**
 * The vocabulary of network conditions, shared by the simulator (which applies them to the
 * packets it forwards), the stacks (which carry them to a simulator) and the harness (whose steps
 * and profiles name them). Depends on nothing of the project.
 */
package io.trtcsim.network;
