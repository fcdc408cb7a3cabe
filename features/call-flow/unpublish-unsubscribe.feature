Feature: Unpublishing and unsubscribing
  client.unpublish(stream) withdraws a stream (the others get stream-removed and the SDK
  unsubscribes by itself); client.unsubscribe(stream) stops one subscription.

  Background:
    Given "alice" and "bob" are in a call in room 6100

  Scenario: Alice unpublishes; Bob's copy of her stream goes away
    When "alice" unpublishes the local stream
    Then "bob" receives "stream-removed" from "alice" within 3 seconds
    And "bob" renders no video frames from "alice" for 1 second
    And "alice" renders at least 10 new video frames from "bob" within 3 seconds

  Scenario: Bob unsubscribes and subscribes again
    When "bob" unsubscribes from the stream of "alice"
    Then "bob" renders no video frames from "alice" for 1 second
    When "bob" subscribes to the stream of "alice"
    And "bob" plays the stream of "alice" in "remote_stream-alice_main"
    Then "bob" renders at least 10 new video frames from "alice" within 3 seconds
    And "bob" receives "stream-subscribed" from "alice" 2 times within 3 seconds
