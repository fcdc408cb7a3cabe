@requires-server-callbacks
Feature: Server event callbacks
  The simulator POSTs TRTC's room and media callbacks to the app server, signed in the Sign header
  with the application's callback key, and retries when the app server fails.

  Scenario: A call produces the room and media callbacks
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 7100
    Then the app server receives the "create room" callback for room 7100 within 3 seconds
    And the app server receives the "enter room" callback for "alice" in room 7100 within 3 seconds
    When "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the app server receives the "start video" callback for "alice" in room 7100 within 3 seconds
    And the app server receives the "start audio" callback for "alice" in room 7100 within 3 seconds
    When "alice" mutes video
    Then the app server receives the "stop video" callback for "alice" in room 7100 within 3 seconds
    When "alice" leaves the room
    Then the app server receives the "exit room" callback for "alice" in room 7100 within 3 seconds
    And the app server receives the "dismiss room" callback for room 7100 within 3 seconds

  Scenario: A role change is reported
    Given "alice" has created a client in "live" mode as "audience"
    When "alice" joins room 7200
    And "alice" switches role to "anchor"
    Then the app server receives the "change role" callback for "alice" in room 7200 within 3 seconds

  Scenario: A failed callback is retried at once
    Given the app server answers the next callback with HTTP 500
    And "alice" has created a client in "rtc" mode
    When "alice" joins room 7300
    Then the app server receives the "create room" callback for room 7300 2 times within 3 seconds
    And the app server receives the "enter room" callback for "alice" in room 7300 within 3 seconds
