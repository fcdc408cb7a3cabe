package io.trtcsim.sdk;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who else the app was told is in the room (peer-join, peer-leave), so that a rejoin's announcements
 * of peers it already knows stay silent and peers not announced again can be said to have left.
 * Events arrive on the signaling channel's thread, one at a time; the sets are concurrent for readers.
 */
final class Peers {

    private final Set<String> present = ConcurrentHashMap.newKeySet();
    /** Known before the rejoin and not announced since. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();

    /** peer-join: true if the app should hear of it (a peer it did not know). */
    boolean joined(String userId) {
        unconfirmed.remove(userId);
        return present.add(userId);
    }

    /** peer-leave: true if the app should hear of it. */
    boolean left(String userId) {
        unconfirmed.remove(userId);
        return present.remove(userId);
    }

    void beginReconciliation() {
        unconfirmed.clear();
        unconfirmed.addAll(present);
    }

    /** The peers the rejoin did not announce: they left meanwhile. */
    List<String> endReconciliation() {
        List<String> gone = List.copyOf(unconfirmed);
        unconfirmed.clear();
        present.removeAll(gone);
        return gone;
    }

    void clear() {
        present.clear();
        unconfirmed.clear();
    }
}
