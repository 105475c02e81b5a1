package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** itertools.groupby over attributes: consecutive runs of equal values, absent attributes grouping as null. */
class AttributeGroupsTest {

    private static Map<String, Object> attributes(String id, String project, String user) {
        Map<String, Object> a = new HashMap<>();
        a.put("id", id);
        a.put("project_id", project);
        a.put("user_id", user);
        return a;
    }

    @Test
    void consecutiveItemsWithEqualValuesShareAGroupKeyedByEveryGroupbyAttribute() {
        List<Map<String, Object>> items = List.of(attributes("r1", "p1", "u1"), attributes("r2", "p1", "u1"),
                attributes("r3", "p1", "u2"), attributes("r4", "p2", "u2"));

        List<AttributeGroups.Group<Map<String, Object>>> groups =
                AttributeGroups.of(items, item -> item, List.of("project_id", "user_id"));

        assertThat(groups).extracting(AttributeGroups.Group::key).containsExactly(
                Map.of("project_id", "p1", "user_id", "u1"), Map.of("project_id", "p1", "user_id", "u2"),
                Map.of("project_id", "p2", "user_id", "u2"));
        assertThat(groups.get(0).members()).extracting(m -> m.get("id")).containsExactly("r1", "r2");
    }

    @Test
    void unsortedInputSplitsEqualValuesApartAsGnocchiWould() {
        List<Map<String, Object>> items = List.of(attributes("r1", "p1", null), attributes("r2", "p2", null),
                attributes("r3", "p1", null));

        assertThat(AttributeGroups.of(items, item -> item, List.of("project_id"))).hasSize(3);
    }

    @Test
    void anAbsentOrNullAttributeGroupsAsNull() {
        List<Map<String, Object>> items = List.of(attributes("r1", "p1", null), attributes("r2", "p1", null));

        List<AttributeGroups.Group<Map<String, Object>>> groups =
                AttributeGroups.of(items, item -> item, List.of("user_id", "flavor"));

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).key()).containsEntry("user_id", null).containsEntry("flavor", null);
    }
}
