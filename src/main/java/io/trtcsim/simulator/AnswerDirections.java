package io.trtcsim.simulator;

/**
 * What a subscriber's answer accepts: a client that subscribed to video only answers the audio
 * section {@code a=inactive} (TRTC's subscribe(stream, {audio: false})), and then nothing of that
 * kind is sent to it, so nothing of it needs to start flowing before the downlink counts as up.
 */
final class AnswerDirections {

    private AnswerDirections() {
    }

    /** Whether the answer's first section of that kind ("audio", "video") takes media. */
    static boolean receives(String answerSdp, String kind) {
        boolean inSection = false;
        for (String line : answerSdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (inSection) {
                    return true;
                }
                if (line.startsWith("m=" + kind + " ")) {
                    String[] fields = line.split(" ");
                    if (fields.length > 1 && fields[1].equals("0")) {
                        return false;
                    }
                    inSection = true;
                }
            } else if (inSection && (line.equals("a=inactive") || line.equals("a=sendonly"))) {
                return false;
            }
        }
        return inSection;
    }
}
