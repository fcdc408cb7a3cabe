package io.trtcsim.harness;

import io.trtcsim.usersig.Privilege;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Privilege lists as features write them: "enter room, send audio" or "all". */
public final class Privileges {

    private Privileges() {
    }

    /** The privilege map of a list such as "enter room, send audio", or of "all". */
    public static int parse(String text) {
        if (text.trim().equals("all")) {
            return Privilege.ALL;
        }
        int map = 0;
        for (String name : text.split(",")) {
            String constant = name.trim().toUpperCase().replace(' ', '_');
            try {
                map |= Privilege.valueOf(constant).bit();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name.trim() + "' is not a privilege; use 'all' or some of: "
                        + Arrays.stream(Privilege.values()).map(p -> p.name().toLowerCase().replace('_', ' '))
                        .collect(Collectors.joining(", ")));
            }
        }
        return map;
    }
}
