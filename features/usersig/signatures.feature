@requires-user-sig
Feature: User signatures
  The simulator checks each UserSig as TLS-SigAPIv2 does. Every way a signature can be wrong is
  refused with JOIN_ROOM_FAILED, the account error TRTC documents as its extra code
  (RtcError.getExtraCode()), and a reason of its own in the message.

  Scenario Outline: A bad user signature is refused with its extra code and reason
    Given "mallory" has created a client in "rtc" mode with <signature>
    When "mallory" tries to join room 8888
    Then "mallory" fails to join with error JOIN_ROOM_FAILED and extra code <extra code>
    And "mallory" fails to join with error JOIN_ROOM_FAILED mentioning "<reason>"

    Examples:
      | signature                                   | extra code | reason              |
      | an expired user signature                   | 70001      | EXPIRED             |
      | a user signature signed with the wrong key  | 70009      | BAD_SIGNATURE       |
      | a user signature for user "bob"             | 70013      | IDENTIFIER_MISMATCH |
      | a user signature for another application    | 70014      | SDKAPPID_MISMATCH   |
      | a malformed user signature                  | 70003      | MALFORMED           |

  Scenario: A valid user signature is accepted
    Given "alice" has created a client in "rtc" mode
    When "alice" tries to join room 8888
    Then "alice" joined within 2 seconds

  @requires-private-map-key
  Scenario: A private map key without the enter-room privilege keeps the user out
    Given "alice" has created a client in "rtc" mode with a private map key granting "send audio, send video"
    When "alice" tries to join room 8888
    Then "alice" fails to join with error JOIN_ROOM_FAILED and extra code -10019
    And "alice" fails to join with error JOIN_ROOM_FAILED mentioning "ENTER_ROOM"

  @requires-private-map-key
  Scenario: With advanced permission control a join without a private map key is refused
    Given "alice" has created a client in "rtc" mode for an application with advanced permission control
    When "alice" tries to join room 8888
    Then "alice" fails to join with error JOIN_ROOM_FAILED and extra code -10018

  @requires-private-map-key
  Scenario: With advanced permission control a private map key granting entry lets the user in
    Given "alice" has created a client in "rtc" mode for an application with advanced permission control and a private map key granting "enter room"
    When "alice" joins room 8888
    Then "alice" joined within 2 seconds

  @requires-private-map-key
  Scenario: A private map key without the send-video privilege lets the user in but not publish video
    Given "alice" has created a client in "rtc" mode with a private map key granting "enter room, send audio"
    When "alice" joins room 8888
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" tries to publish the local stream
    Then "alice" fails to publish with error INVALID_OPERATION
    When "alice" creates a local stream with audio only
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "alice" published within 5 seconds
