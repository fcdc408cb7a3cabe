Feature: String room ids
  With useStringRoomId a client's room ids are strings of at most 64 bytes from a-zA-Z0-9 and
  ' !#$%&()+-:;<=.>?@[]^_{}|~,'. String and numeric rooms are distinct rooms, even "8888" and 8888.
  A room id the server cannot take (too long, a character outside the set, or of the other kind
  than the client's useStringRoomId) is refused with JOIN_ROOM_FAILED, extra code -10012, naming it.
  In the steps a quoted room id is a string id ("class-7A"), an unquoted one a number (8888).

  @requires-string-room-ids
  Scenario: Two users meet in a string room and see each other's stream
    Given "alice" has created a client in "rtc" mode with string room ids
    And "bob" has created a client in "rtc" mode with string room ids
    When "alice" joins room "class-7A"
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    And "bob" joins room "class-7A"
    Then "bob" receives "peer-join" from "alice" within 3 seconds
    And "bob" receives "stream-added" from "alice" within 3 seconds
    When "bob" subscribes to the stream of "alice"
    And "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" renders at least 10 video frames from "alice" within 5 seconds
    And "alice" receives "peer-join" from "bob" within 3 seconds

  @requires-string-room-ids
  Scenario: A string room and a numeric room are distinct, even with the same digits
    Given "alice" has created a client in "rtc" mode with string room ids
    And "bob" has created a client in "rtc" mode
    And "carol" has created a client in "rtc" mode with string room ids
    When "alice" joins room "8888"
    And "bob" joins room 8888
    And "carol" joins room "class-7A"
    Then "bob" does not receive "peer-join" from "alice" within 1 second
    And "alice" does not receive "peer-join" from "bob" within 1 second
    And "alice" does not receive "peer-join" from "carol" within 1 second

  @requires-string-room-ids
  Scenario: Every documented character and 64 bytes are accepted
    Given "alice" has created a client in "rtc" mode with string room ids
    When "alice" joins room "a-zA-Z0-9 !#$%&()+-:;<=.>?@[]^_{}|~,0123456789012345678901234567"
    Then "alice" joined within 2 seconds

  @requires-string-room-ids
  Scenario Outline: A string room id the server cannot take is refused, naming it
    Given "alice" has created a client in "rtc" mode with string room ids
    When "alice" tries to join room <room>
    Then "alice" fails to join with error JOIN_ROOM_FAILED and extra code -10012 mentioning "<named>"

    Examples: too long, characters outside the set, empty, a number
      | room                                                                | named                   |
      | "a0123456789012345678901234567890123456789012345678901234567890123" | is 65 bytes long        |
      | "class/7A"                                                          | class/7A                |
      | "教室-7A"                                                            | 教室-7A                  |
      | ""                                                                  | is empty                |
      | 8888                                                                | roomId 8888 is a number |

  @requires-string-room-ids
  Scenario: A string room id without useStringRoomId is refused, naming it
    Given "alice" has created a client in "rtc" mode
    When "alice" tries to join room "class-7A"
    Then "alice" fails to join with error JOIN_ROOM_FAILED and extra code -10012 mentioning "roomId \"class-7A\" is a string"

  @requires-string-room-ids @requires-server-callbacks
  Scenario: Callbacks carry the string room id
    Given "alice" has created a client in "rtc" mode with string room ids
    When "alice" joins room "class-7A"
    Then the app server receives the "create room" callback for room "class-7A" within 3 seconds
    And the app server receives the "enter room" callback for "alice" in room "class-7A" within 3 seconds
    When "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the app server receives the "start video" callback for "alice" in room "class-7A" within 3 seconds
    When "alice" leaves the room
    Then the app server receives the "exit room" callback for "alice" in room "class-7A" within 3 seconds
    And the app server receives the "dismiss room" callback for room "class-7A" within 3 seconds

  @requires-string-room-ids @requires-server-api
  Scenario: The app server removes a user from a string room (RemoveUserByStrRoomId)
    Given "alice" and "bob" are in a call in room "class-7A"
    When the app server removes "alice" from room "class-7A"
    Then "alice" receives "client-banned" with reason "banned" within 3 seconds
    And "bob" receives "peer-leave" from "alice" within 3 seconds

  @requires-string-room-ids @requires-server-api
  Scenario: The app server dismisses a string room (DismissRoomByStrRoomId)
    Given "alice" and "bob" are in a call in room "class-7A"
    When the app server dismisses room "class-7A"
    Then "alice" receives "client-banned" with reason "room-disband" within 3 seconds
    And "bob" receives "client-banned" with reason "room-disband" within 3 seconds
