package io.trtcsim.steps;

import io.trtcsim.harness.SignatureFault;

/** A spoiled UserSig as a feature names it; {@code otherUser} only for 'for user "bob"'. */
record BadSignature(SignatureFault fault, String otherUser) {
}
