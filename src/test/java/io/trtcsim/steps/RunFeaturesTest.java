package io.trtcsim.steps;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Lets Surefire find the features under features/. Settings live in junit-platform.properties;
 * -Dcucumber.features and -Dcucumber.filter.tags narrow a run.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class RunFeaturesTest {
}
