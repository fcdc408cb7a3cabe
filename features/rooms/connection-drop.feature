Feature: A signaling connection that drops without leaving
  When a client's signaling connection breaks without a leave, the others get peer-leave and
  stream-removed: at once when the connection closes, and within the simulator's idle timeout
  (6 seconds) when it falls silent.

  Scenario: Alice's signaling connection drops
    Given "alice" and "bob" are in a call in room 6400
    When the signaling connection of "alice" drops
    Then "alice" receives "connection-state-changed" within 1 second
    And "bob" receives "stream-removed" from "alice" within 2 seconds
    And "bob" receives "peer-leave" from "alice" within 2 seconds
