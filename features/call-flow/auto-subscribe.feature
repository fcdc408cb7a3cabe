Feature: Subscribing by itself
  createClient({autoSubscribe: true}) makes the SDK subscribe to every stream added in the room:
  stream-added, then stream-subscribed, without a subscribe call. TRTC's later 4.x versions do this
  by default; this SDK keeps the documented v4 flow's explicit subscribe as its default.

  Background:
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 6600
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream

  Scenario: Bob's client subscribes to Alice's stream by itself
    Given "bob" has created a client in "rtc" mode that subscribes by itself
    When "bob" joins room 6600
    Then "bob" receives "stream-added" from "alice" within 3 seconds
    And "bob" receives "stream-subscribed" from "alice" within 5 seconds
    When "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" renders at least 10 video frames from "alice" within 5 seconds
    And "bob" receives audio from "alice" within 5 seconds

  Scenario: Without it, nothing is subscribed until asked
    Given "bob" has created a client in "rtc" mode
    When "bob" joins room 6600
    Then "bob" receives "stream-added" from "alice" within 3 seconds
    And "bob" does not receive "stream-subscribed" from "alice" within 2 seconds
