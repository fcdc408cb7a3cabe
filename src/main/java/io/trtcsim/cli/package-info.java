/**
 * What the project's picocli commands (the load command, the fuzz command) share: option types.
 * Depends on nothing of the project.
 */
package io.trtcsim.cli;
