/**
 * Executors the SDK's clients and the stacks' channels share, so that thousands of them cost a
 * handful of threads: {@link io.trtcsim.concurrent.SerialExecutor} runs one owner's tasks one at a
 * time and in order on a pool shared with others, and {@link io.trtcsim.concurrent.DaemonThreads}
 * names the threads of such pools. Depends on nothing of the project.
 */
package io.trtcsim.concurrent;
