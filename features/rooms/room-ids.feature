Feature: Room ids
  TRTC room ids are integers in [1, 4294967294]; anything else is refused with INVALID_PARAMETER,
  and users in different rooms do not see each other.

  Scenario Outline: A room id outside the documented range is refused
    Given "alice" has created a client in "rtc" mode
    When "alice" tries to join room <room>
    Then "alice" fails to join with error INVALID_PARAMETER

    Examples:
      | room       |
      | 0          |
      | -1         |
      | 4294967295 |

  Scenario: The highest documented room id is accepted
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 4294967294
    Then "alice" joined within 2 seconds

  Scenario: Users in different rooms do not see each other
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    When "alice" joins room 1001
    And "bob" joins room 1002
    Then "bob" does not receive "peer-join" from "alice" within 1 second
    And "alice" does not receive "peer-join" from "bob" within 1 second
