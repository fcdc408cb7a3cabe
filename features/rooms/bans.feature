Feature: Removed from the room
  client-banned is sent when the same userId joins the same room again (the client that entered
  first is removed), when the app server removes the user, and when the app server dismisses the
  room; from SDK 4.14 it carries {reason, message}, reason 'kick', 'banned' or 'room-disband'.

  Background:
    Given "alice" and "bob" are in a call in room 6300

  @requires-duplicate-login-ban
  Scenario: Alice logs in again elsewhere; the earlier client is removed
    When another client of "alice" joins room 6300
    Then "alice" receives "client-banned" with reason "kick" within 3 seconds
    And "bob" receives "peer-leave" from "alice" within 3 seconds
    And "bob" receives "stream-removed" from "alice" within 3 seconds
    And "bob" receives "peer-join" from "alice" 2 times within 3 seconds

  @requires-server-api
  Scenario: The app server removes Alice
    When the app server removes "alice" from room 6300
    Then "alice" receives "client-banned" with reason "banned" within 3 seconds
    And "bob" receives "stream-removed" from "alice" within 3 seconds
    And "bob" receives "peer-leave" from "alice" within 3 seconds
    And "bob" does not receive "client-banned" from "bob" within 1 second

  @requires-server-api
  Scenario: The app server dismisses the room
    When the app server dismisses room 6300
    Then "alice" receives "client-banned" with reason "room-disband" within 3 seconds
    And "bob" receives "client-banned" with reason "room-disband" within 3 seconds
