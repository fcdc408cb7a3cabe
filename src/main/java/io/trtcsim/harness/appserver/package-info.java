/**
 * The app server of a TRTC application, as the features see it: a real HTTP server (WireMock) that
 * receives TRTC's server event callbacks and hands out UserSigs, plus the client a participant uses to
 * fetch its UserSig from it. Faults (failed callbacks, a slow, failing or resetting UserSig endpoint)
 * are injected per scenario.
 */
package io.trtcsim.harness.appserver;
