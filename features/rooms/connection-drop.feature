Feature: A signaling connection that drops without leaving
  When a client's signaling connection breaks without a leave, the others get peer-leave and
  stream-removed: at once when the connection closes, and within the simulator's idle timeout
  (6 seconds) when it falls silent. The client itself reconnects, as TRTC's SDK does: it reports
  RECONNECTING, enters the room again (afresh: a closed connection's membership is not resumed)
  and publishes again, and the others see it come back.

  Scenario: Alice's signaling connection drops and she reconnects
    Given "alice" and "bob" are in a call in room 6400
    When the signaling connection of "alice" drops
    Then "bob" receives "stream-removed" from "alice" within 2 seconds
    And "bob" receives "peer-leave" from "alice" within 2 seconds
    And the connection states of "alice" end with "RECONNECTING, CONNECTED" within 10 seconds
    And "bob" receives "peer-join" from "alice" 2 times within 5 seconds
    And "bob" receives "stream-added" from "alice" 2 times within 10 seconds
