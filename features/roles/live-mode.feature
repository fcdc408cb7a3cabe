@requires-live-mode-roles
Feature: Live mode roles
  In 'live' mode an anchor may publish and an audience member may only subscribe until it switches
  role to anchor. peer-join and peer-leave are not sent for audience members.

  Scenario: An audience member is refused publishing until it becomes an anchor
    Given "bob" has created a client in "live" mode as "anchor"
    And "alice" has created a client in "live" mode as "audience"
    When "bob" joins room 5100
    And "alice" joins room 5100
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" tries to publish the local stream
    Then "alice" fails to publish with error INVALID_OPERATION
    When "alice" switches role to "anchor"
    And "alice" publishes the local stream
    Then "bob" receives "stream-added" from "alice" within 3 seconds

  Scenario: Audience members are invisible to the others until they become anchors
    Given "bob" has created a client in "live" mode as "anchor"
    And "alice" has created a client in "live" mode as "audience"
    When "bob" joins room 5200
    And "alice" joins room 5200
    Then "alice" receives "peer-join" from "bob" within 3 seconds
    And "bob" does not receive "peer-join" from "alice" within 1 second
    When "alice" switches role to "anchor"
    Then "bob" receives "peer-join" from "alice" within 3 seconds
    When "alice" switches role to "audience"
    Then "bob" receives "peer-leave" from "alice" within 3 seconds

  Scenario: An audience member watches an anchor
    Given "bob" has created a client in "live" mode as "anchor"
    And "alice" has created a client in "live" mode as "audience"
    And "alice" subscribes to and plays every added stream
    When "bob" joins room 5300
    And "bob" creates a local stream with audio and video
    And "bob" initializes the local stream
    And "bob" publishes the local stream
    And "alice" joins room 5300
    Then "alice" renders at least 15 video frames from "bob" within 5 seconds
    And "alice" receives audio from "bob" within 3 seconds

  Scenario: switchRole is refused in rtc mode
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 5400
    And "alice" tries to switch role to "audience"
    Then "alice" fails to switch role with error INVALID_OPERATION
