Feature: Network quality
  From join on, every 2 seconds, a client gets 'network-quality' with the quality of its uplink and
  its downlink: 0 unknown, 1 excellent, 2 good, 3 poor, 4 bad, 5 very bad, 6 disconnected. The SDK
  rates them from libwebrtc's loss and round-trip time of its own connections, so they hold on any
  stack; the rule is in docs/conformance.md.

  Scenario: On this machine both directions of a call are excellent
    Given "alice" and "bob" are in a call in room 6400
    Then "bob" gets a network quality of 1 up and 1 down within 5 seconds
    And "alice" gets a network quality of 1 up and 1 down within 5 seconds

  Scenario: A client that publishes and subscribes nothing knows neither direction, and hears nothing after leaving
    Given "carol" has created a client in "rtc" mode
    When "carol" joins room 6401
    Then "carol" gets a network quality of 0 up and 0 down within 5 seconds
    When "carol" leaves the room
    Then "carol" receives no new "network-quality" for 3 seconds
