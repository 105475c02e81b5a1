package org.polenta.listener.mapping;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Gnocchi resource type as the listener files samples into it.
 *
 * @param attributes   in the order the type declares them
 * @param idPattern    how pollsters build this type's ids (named groups = attributes), or null
 * @param metrics      meter name to metric
 * @param projectScoped the resource id is a project id (swift_account): filter_project also skips the
 *                     resource that is the filtered project itself
 */
public record ResourceTypeMapping(
        String name,
        Map<String, AttributeMapping> attributes,
        Pattern idPattern,
        Map<String, MetricMapping> metrics,
        List<ResourceEndingRule> endedBy,
        boolean projectScoped) {
}
