Feature: Leaving and joining again
  After client.leave() the same client may join again (TRTC Web SDK v4: leave ends the session,
  unpublishes, and closes every remote stream).

  Scenario: Alice leaves, joins again and publishes again; Bob sees her twice
    Given "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    And "alice" has created a client in "rtc" mode
    When "bob" joins room 7001
    And "alice" joins room 7001
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" renders at least 15 video frames from "alice" within 5 seconds
    When "alice" leaves the room
    Then "bob" receives "stream-removed" from "alice" within 3 seconds
    And "bob" receives "peer-leave" from "alice" within 3 seconds
    When "alice" joins room 7001
    And "alice" publishes the local stream
    Then "bob" receives "peer-join" from "alice" 2 times within 3 seconds
    And "bob" receives "stream-added" from "alice" 2 times within 3 seconds
    And "bob" renders at least 15 video frames from "alice" within 5 seconds
    And "bob" receives audio from "alice" within 3 seconds
