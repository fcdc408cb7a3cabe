@requires-stream-updates
Feature: A published stream gains or loses a track
  LocalStream.addTrack / removeTrack on a published stream: the others get stream-updated, and the
  SDK subscribes again by itself to receive the new set of tracks.

  Scenario: Alice removes her video and adds it back
    Given "alice" and "bob" are in a call in room 6500
    When "alice" removes the video track from the local stream
    Then "bob" receives "stream-updated" from "alice" within 3 seconds
    And "bob" renders no video frames from "alice" for 1 second
    And "bob" receives audio from "alice" within 3 seconds
    When "alice" adds a video track to the local stream
    Then "bob" receives "stream-updated" from "alice" 2 times within 3 seconds
    And "bob" renders at least 10 new video frames from "alice" within 5 seconds
    And "bob" receives audio from "alice" within 3 seconds
