Feature: Many participants in one room
  A range of participants ("viewer-1" to "viewer-20") joins together, at the rate set by
  harness.join-rate.media or harness.join-rate.signaling, and every check of a range covers each
  member: a failure names all that fell short, with their figures. The report shows a range as one
  table per publisher (participant, fps, p95, freezes, first frame), with the spread plotted.
  Members that play streams share one receive engine; stats-only members render nothing into Java
  and are measured from getStats (frames decoded, frame rate, freezes; no latency).

  Scenario: Twenty viewers in rtc mode render Alice's video
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 8800
    And "alice" creates a local stream with synthetic video 320x180 at 15 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Given 20 participants "viewer-1" to "viewer-20" join room 8800 and play every stream
    Then each of "viewer-1" to "viewer-20" renders at least 30 video frames from "alice" within 10 seconds
    And the video from "alice" to each of "viewer-1" to "viewer-20" has a frame rate of at least 14 fps over 5 seconds
    And the video latency from "alice" to each of "viewer-1" to "viewer-20" is at most 150 ms at the 95th percentile over 5 seconds

  Scenario: Forty stats-only viewers are measured from libwebrtc's statistics
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 8830
    And "alice" creates a local stream with synthetic video 320x180 at 15 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Given 40 participants "watcher-1" to "watcher-40" join room 8830 and play every stream, measured from statistics only
    Then each of "watcher-1" to "watcher-40" renders at least 30 video frames from "alice" within 15 seconds
    And the video from "alice" to each of "watcher-1" to "watcher-40" has a frame rate of at least 14 fps over 5 seconds

  @requires-live-mode-roles
  Scenario: An audience in live mode plays the anchor's stream
    Given "alice" has created a client in "live" mode as "anchor"
    When "alice" joins room 8810
    And "alice" creates a local stream with synthetic video 320x180 at 15 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Given 10 participants "fan-1" to "fan-10" join room 8810 in "live" mode as "audience" and play every stream
    Then each of "fan-1" to "fan-10" renders at least 30 video frames from "alice" within 10 seconds
    And "alice" does not receive "peer-join" from "fan-1" within 1 second

  @requires-live-mode-roles
  Scenario: A signaling-only audience learns of the anchor's stream
    Given "alice" has created a client in "live" mode as "anchor"
    And 1000 participants "fan-1" to "fan-1000" join room 8820 in "live" mode as "audience" without media
    When "alice" joins room 8820
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then each of "fan-1" to "fan-1000" receives "stream-added" from "alice" within 5 seconds
