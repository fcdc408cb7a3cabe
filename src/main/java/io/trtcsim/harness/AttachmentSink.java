package io.trtcsim.harness;

/** Where a report's attachments go: Cucumber's Scenario.attach in the steps, anything else from plain Java. */
@FunctionalInterface
public interface AttachmentSink {

    void attach(byte[] data, String mediaType, String name);
}
