Feature: Audio volume
  client.enableAudioVolumeEvaluation(interval) makes the client report, every interval, an
  'audio-volume' event with the volume (0 to 100) of its own published audio and of every stream it
  subscribed to. The volumes are libwebrtc's audio levels of what is sent and what is received, so
  they hold on any stack. The synthetic microphone plays a tone at 0.3 of full scale: about 30;
  silence reads 0 or 1.

  Background:
    Given "alice" and "bob" are in a call in room 6300

  Scenario: Bob gets Alice's volume and his own; Alice's falls to nothing while she is muted
    When "bob" enables audio volume evaluation every 500 ms
    Then "bob" gets an audio volume of at least 10 for "alice" within 3 seconds
    And "bob" gets an audio volume of at least 10 for "bob" within 3 seconds
    When "alice" mutes audio
    Then "bob" gets an audio volume of at most 5 for "alice" within 3 seconds
    When "alice" unmutes audio
    Then "bob" gets an audio volume of at least 10 for "alice" within 3 seconds

  Scenario: No audio-volume event without evaluation, nor once it is turned off
    Then "alice" receives no "audio-volume" for 1 second
    When "alice" enables audio volume evaluation every 200 ms
    Then "alice" receives "audio-volume" within 2 seconds
    When "alice" turns audio volume evaluation off
    Then "alice" receives no new "audio-volume" for 1 second
