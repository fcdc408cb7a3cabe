Feature: A third participant joins a call in progress
  A client that joins a room gets peer-join for each user already in it and stream-added for each
  stream already published there.

  Scenario: Carol joins Alice and Bob's call and sees both
    Given "alice" and "bob" are in a call in room 9001
    And "carol" has created a client in "rtc" mode
    And "carol" subscribes to and plays every added stream
    When "carol" joins room 9001
    Then "carol" received these events from "alice" in order:
      | peer-join         |
      | stream-added      |
      | stream-subscribed |
    And "carol" received these events from "bob" in order:
      | peer-join         |
      | stream-added      |
      | stream-subscribed |
    And "carol" renders at least 15 video frames from "alice" within 5 seconds
    And "carol" renders at least 15 video frames from "bob" within 5 seconds
    And "carol" receives audio from "alice" within 3 seconds
    And "alice" receives "peer-join" from "carol" within 3 seconds
    And "alice" does not receive "stream-added" from "carol" within 1 second
