package com.example.qa;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** Lets Surefire find the features under features/; settings live in junit-platform.properties. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class RunFeaturesTest {
}
