package org.polenta.listener.mapping;

import java.util.List;
import java.util.Map;

/**
 * One resource attribute: its Gnocchi schema and where a sample's resource_metadata holds its value.
 *
 * @param from    paths inside resource_metadata; empty when no sample fills the attribute
 * @param idGroup the named group of the type's id pattern that can stand in when the metadata lacks it, or null
 */
public record AttributeMapping(String name, Map<String, Object> schema, List<MetadataPath> from, String idGroup) {
}
