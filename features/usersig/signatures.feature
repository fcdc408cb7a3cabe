@requires-user-sig
Feature: User signatures
  The simulator checks each UserSig as TLS-SigAPIv2 does. Every way a signature can be wrong is
  refused with JOIN_ROOM_FAILED and a reason of its own.

  Scenario Outline: A bad user signature is refused with its reason
    Given "mallory" has created a client in "rtc" mode with <signature>
    When "mallory" tries to join room 8888
    Then "mallory" fails to join with error JOIN_ROOM_FAILED mentioning "<reason>"

    Examples:
      | signature                                   | reason              |
      | an expired user signature                   | EXPIRED             |
      | a user signature signed with the wrong key  | BAD_SIGNATURE       |
      | a user signature for user "bob"             | IDENTIFIER_MISMATCH |
      | a user signature for another application    | SDKAPPID_MISMATCH   |
      | a malformed user signature                  | MALFORMED           |

  Scenario: A valid user signature is accepted
    Given "alice" has created a client in "rtc" mode
    When "alice" tries to join room 8888
    Then "alice" joined within 2 seconds

  @requires-private-map-key
  Scenario: A private map key without the enter-room privilege keeps the user out
    Given "alice" has created a client in "rtc" mode with a private map key granting "send audio, send video"
    When "alice" tries to join room 8888
    Then "alice" fails to join with error JOIN_ROOM_FAILED mentioning "ENTER_ROOM"

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
