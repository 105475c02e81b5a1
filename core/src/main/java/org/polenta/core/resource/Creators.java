package org.polenta.core.resource;

/** Splits a creator as Python's str.partition(":") does, which is how Gnocchi derives created_by_*. */
public final class Creators {

    private Creators() {
    }

    public static String userId(String creator) {
        int colon = creator.indexOf(':');
        return colon < 0 ? creator : creator.substring(0, colon);
    }

    public static String projectId(String creator) {
        int colon = creator.indexOf(':');
        return colon < 0 ? "" : creator.substring(colon + 1);
    }
}
