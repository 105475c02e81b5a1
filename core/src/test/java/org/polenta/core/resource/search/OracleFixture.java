package org.polenta.core.resource.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.type.BoolAttribute;
import org.polenta.core.resource.type.DatetimeAttribute;
import org.polenta.core.resource.type.NumberAttribute;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.resource.type.UuidAttribute;
import org.polenta.core.testing.TestJson;
import org.polenta.core.time.Timestamps;

/** The resources the evaluation oracle stored in Gnocchi, of type oracle_rt, rebuilt as Polenta resources. */
final class OracleFixture {

    static final ResourceType TYPE = new ResourceType("oracle_rt", List.of(
            new StringAttribute("name", false, 0, 255), new UuidAttribute("ref", false),
            new NumberAttribute("size", false, null, null), new BoolAttribute("flag", false),
            new DatetimeAttribute("seen", false)), ResourceTypeState.ACTIVE);

    private OracleFixture() {
    }

    @SuppressWarnings("unchecked")
    static List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (Object raw : (List<Object>) TestJson.parse(read("fixture-resources.json"))) {
            Map<String, Object> r = (Map<String, Object>) raw;
            String creator = (String) r.get("creator");
            Map<String, Object> attributes = new LinkedHashMap<>();
            TYPE.attributes().forEach(a -> {
                Object value = r.get(a.name());
                attributes.put(a.name(), value == null ? null : a.validate(value));
            });
            long startedAt = Timestamps.parse(r.get("started_at"));
            resources.add(new Resource(ResourceIds.transform((String) r.get("id"), creator), (String) r.get("id"),
                    TYPE.name(), creator, (String) r.get("user_id"), (String) r.get("project_id"), startedAt,
                    r.get("ended_at") == null ? null : Timestamps.parse(r.get("ended_at")),
                    1, startedAt, null, Map.of(), attributes));
        }
        return resources;
    }

    private static String read(String name) {
        try (InputStream in = OracleFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
