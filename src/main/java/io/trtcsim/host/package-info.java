/**
 * What the harness asks of the machine it runs on: which programs are installed. Used by the parts
 * that start a program of the machine (the Janus stack, the PulseAudio server of the machine
 * devices). Depends on nothing of the project.
 */
package io.trtcsim.host;
