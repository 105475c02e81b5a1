package org.polenta.storage.cassandra.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polenta.core.resource.Resource;

/**
 * Where one string attribute of a version sits in resources_by_text: the primary key of its row. Two versions
 * share a place when the type, attribute, value and listing key are the same (then writing one replaces the
 * other's row).
 */
record TextPlace(String type, String attribute, int shard, String value, ResourceKey key) {

    /** One place per string attribute that has a value (NULLs match no LIKE). */
    static List<TextPlace> of(Resource r) {
        List<TextPlace> places = new ArrayList<>();
        ResourceKey key = ResourceKey.of(r);
        int shard = TimelineLayout.shard(r.id());
        for (Map.Entry<String, Object> attribute : r.attributes().entrySet()) {
            if (attribute.getValue() instanceof String value) {
                places.add(new TextPlace(r.type(), attribute.getKey(), shard, value, key));
            }
        }
        return places;
    }
}
