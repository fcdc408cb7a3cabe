Feature: User signatures from the app server
  A real app gets its UserSig from its own server over HTTP. Here that server is WireMock, signing
  with the fixture keys; when it fails, the failure reaches the feature as a clear error.

  Scenario: Alice joins with a signature from the app server
    Given "alice" has created a client in "rtc" mode with a user signature from the app server
    When "alice" joins room 7400
    Then "alice" joined within 2 seconds

  Scenario Outline: The app server fails
    Given the app server fails user signature requests with <fault>
    When "alice" tries to get a user signature from the app server
    Then "alice" fails to get a user signature with an error mentioning "<reason>"

    Examples:
      | fault              | reason             |
      | HTTP 500           | HTTP 500           |
      | a 3 second delay   | did not answer     |
      | a connection reset | reset              |
