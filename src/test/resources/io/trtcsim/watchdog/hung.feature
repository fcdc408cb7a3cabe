Feature: A scenario that hangs (HungScenarioTest runs this with harness.timeout.scenario=10s)

  Scenario: The first one warms the JVM up
    Given "carol" has created a client in "rtc" mode
    When "carol" joins room 9900

  Scenario: It hangs
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 9901
    And the scenario waits for something that never comes

  Scenario: The next one runs
    Given "bob" has created a client in "rtc" mode
    When "bob" joins room 9902
