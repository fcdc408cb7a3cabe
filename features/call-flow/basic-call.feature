@smoke
Feature: The documented basic call
  TRTC Web SDK v4's basic call flow, step by step, between two participants:
  create a client, join, create and initialize a local stream, publish, stream-added,
  subscribe, stream-subscribed, play, leave.

  Scenario: Alice publishes, Bob subscribes and plays, Alice leaves
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    When "alice" joins room 8888
    Then "alice" joined within 2 seconds
    When "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" plays the local stream in "local_stream"
    And "alice" publishes the local stream
    Then "alice" published within 5 seconds
    When "bob" joins room 8888
    Then "bob" receives "peer-join" from "alice" within 3 seconds
    And "bob" receives "stream-added" from "alice" within 3 seconds
    When "bob" subscribes to the stream of "alice"
    Then "bob" receives "stream-subscribed" from "alice" within 3 seconds
    When "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" renders at least 30 video frames from "alice" within 5 seconds
    And "bob" receives audio from "alice" within 3 seconds
    And "bob" received these events from "alice" in order:
      | peer-join         |
      | stream-added      |
      | stream-subscribed |
    And "bob" does not receive "stream-added" from "carol" within 1 second
    When "alice" leaves the room
    Then "alice" left within 2 seconds
    And "bob" receives "stream-removed" from "alice" within 3 seconds
    And "bob" receives "peer-leave" from "alice" within 3 seconds
