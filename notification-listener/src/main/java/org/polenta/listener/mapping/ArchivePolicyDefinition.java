package org.polenta.listener.mapping;

import java.util.List;

/**
 * An archive policy the listener makes sure exists, in the shape POST /v1/archive_policy takes (granularity and
 * timespan as the human strings Ceilometer sends, e.g. "5 minutes").
 */
public record ArchivePolicyDefinition(String name, List<String> aggregationMethods, int backWindow,
                                      List<Item> definition) {

    public record Item(String granularity, String timespan) {
    }
}
