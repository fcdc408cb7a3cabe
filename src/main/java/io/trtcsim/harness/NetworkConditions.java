package io.trtcsim.harness;

/**
 * The scenario's network conditions: packet loss on a participant's uplink or on one of its
 * downlinks, made for real where the media enters this machine; lifted when the scenario ends.
 */
public final class NetworkConditions {

    private final ScenarioContext scenario;
    private PacketLoss packetLoss;

    public NetworkConditions(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** Drops that share of what the participant publishes. */
    public void uplinkLoses(Participant participant, int percent) {
        packetLoss().dropFrom(participant.uplinkMediaPort(), percent);
    }

    public void uplinkLosesNoMore(Participant participant) {
        packetLoss().stopDroppingFrom(participant.uplinkMediaPort());
    }

    /** Drops that share of the stream of {@code publisher} as it reaches the participant. */
    public void downlinkLoses(Participant participant, String publisher, int percent) {
        packetLoss().dropTo(participant.downlinkMediaPort(publisher), percent);
    }

    public void downlinkLosesNoMore(Participant participant, String publisher) {
        packetLoss().stopDroppingTo(participant.downlinkMediaPort(publisher));
    }

    /** The packet loss rules, made on first use; removed when the scenario ends. */
    public synchronized PacketLoss packetLoss() {
        if (packetLoss == null) {
            packetLoss = new PacketLoss();
            scenario.closeAtEnd("packet loss rules", packetLoss);
        }
        return packetLoss;
    }
}
