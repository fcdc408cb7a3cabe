package io.trtcsim.usersig;

/**
 * TRTC's permission control of an application, as its console sets it. With {@link #ADVANCED}
 * ("advanced permission control") a join must carry a privateMapKey that grants entering the room;
 * without one the server refuses it with extra code -10018.
 */
public enum PermissionControl {
    BASIC,
    ADVANCED;

    /** "basic" or "advanced", as fixtures/apps.json writes it. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
