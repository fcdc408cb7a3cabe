Feature: TRTC.checkSystemRequirements(): what this browser supports
  checkSystemRequirements() (v4.9.0+) answers {result, detail} truthfully for the environment the
  harness runs in, which is the browser here: WebRTC is libwebrtc (webrtc-java's native library)
  loading and a peer-connection factory being made, media devices are webrtc-java's camera listing
  answering, and the codecs are the video codecs that factory offers to send (encode) and receive
  (decode). The result is WebRTC supported and a video codec both encoded and decoded.

  Scenario: The system requirements are met here
    Given "alice" has created a client in "rtc" mode
    Then "alice" finds the system requirements met
    And "alice" finds "isBrowserSupported" true in the system requirements
    And "alice" finds "isWebRTCSupported" true in the system requirements
    And "alice" finds "isMediaDevicesSupported" true in the system requirements

  Scenario: VP8, the codec every call of these features sends, is encoded and decoded
    Given "alice" has created a client in "rtc" mode
    Then "alice" finds "isVp8EncodeSupported" true in the system requirements
    And "alice" finds "isVp8DecodeSupported" true in the system requirements

  Scenario: H.264 is encoded and decoded as webrtc-java 0.14.0 builds libwebrtc
    Its factory offers H.264 (constrained baseline, baseline and main profiles) to send and to
    receive, so both are true. The harness's calls still send VP8: SEI messages and
    NOT_SUPPORTED_H264 are not implemented (docs/conformance.md).
    Given "alice" has created a client in "rtc" mode
    Then "alice" finds "isH264EncodeSupported" true in the system requirements
    And "alice" finds "isH264DecodeSupported" true in the system requirements
