@smoke
Feature: Our first call
  Written by a QA team in its own repository, with the harness's steps.

  Scenario: Alice publishes, Bob subscribes and sees her
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "alice" joins room 2024
    And "bob" joins room 2024
    When "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives "stream-added" from "alice" within 5 seconds
    When "bob" subscribes to the stream of "alice"
    Then "bob" receives "stream-subscribed" from "alice" within 5 seconds
    When "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" renders at least 30 video frames from "alice" within 10 seconds
    And the app server receives the "enter room" callback for "bob" in room 2024 within 3 seconds
