package org.polenta.core.resource.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class ResourceTypePatchTest {

    static Stream<Arguments> cases() {
        return TestJson.lines(ResourceTypePatchTest.class, "resource-type-patch.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[1], columns[0], columns[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void patchesOrRefusesAsGnocchiDoes(String patch, String currentJson, String expectedJson) {
        ResourceType current = ResourceTypeParser.parse(TestJson.parse(currentJson)).withState(ResourceTypeState.ACTIVE);
        Map<String, Object> expected = (Map<String, Object>) TestJson.parse(expectedJson);

        List<Map<String, Object>> operations;
        try {
            operations = ResourceTypePatch.checkOperations(TestJson.parse(patch));
        } catch (StructuredInvalidInputException e) {
            Map<String, Object> invalid = (Map<String, Object>) expected.get("invalid");
            assertThat(invalid).as("unexpected schema error %s", e.reason()).isNotNull();
            assertThat(e.reason()).isEqualTo(invalid.get("reason"));
            assertThat(e.detail()).isEqualTo(invalid.get("detail"));
            return;
        }
        assertThat(expected).doesNotContainKey("invalid");

        Map<String, Object> document = current.toJson();
        for (Map<String, Object> operation : operations) {
            String failure = ResourceTypePatch.describeFailure(operation, document);
            if (failure != null) {
                if (expected.containsKey("crash")) {
                    assertThat((String) expected.get("crash")).isEqualTo("JsonPointerException: " + failure);
                } else {
                    assertThat(failure).isEqualTo(expected.get("error"));
                }
                return;
            }
            document = TestPatchStep.apply(document, operation);
        }
        Map<String, Object> patched = document;
        Throwable thrown = catchThrowable(() -> {
            ResourceTypeUpdate update = ResourceTypePatch.result(current, patched);
            if (expected.containsKey("unchanged")) {
                assertThat(update.isEmpty()).isTrue();
                return;
            }
            assertThat(update.removed()).isEqualTo(expected.get("removed"));
            Map<String, Object> added = (Map<String, Object>) expected.get("added");
            assertThat(update.added()).extracting(a -> a.attribute().name()).containsExactlyElementsOf(added.keySet());
            for (AttributeAddition addition : update.added()) {
                Map<String, Object> want = new LinkedHashMap<>((Map<String, Object>) added.get(addition.attribute().name()));
                Object wantFill = want.remove("fill");
                assertThat(addition.attribute().toJson()).isEqualTo(want);
                // Gnocchi keeps the fill as given (True for a number); compare what gets stored.
                assertThat(addition.fill()).isEqualTo(wantFill == null ? null : addition.attribute().validate(wantFill));
            }
        });
        if (expected.containsKey("error")) {
            assertThat(thrown).isExactlyInstanceOf(InvalidInputException.class).hasMessage((String) expected.get("error"));
        } else {
            assertThat(thrown).isNull();
        }
    }

    @Test
    void anUpdateKeepsOrderAndAppendsNewAttributes() {
        ResourceType current = new ResourceType("host", List.of(new StringAttribute("a", true, 0, 255),
                new BoolAttribute("b", false), new UuidAttribute("c", false)), ResourceTypeState.ACTIVE);
        ResourceTypeUpdate update = new ResourceTypeUpdate(
                List.of(new AttributeAddition(new NumberAttribute("d", true, 0, null), 1.0)), List.of("b"));
        assertThat(update.applyTo(current).attributes()).extracting(AttributeSchema::name).containsExactly("a", "c", "d");
    }

    @Test
    void removingAnAttributeTwiceIsReportedOnTheSecondOperation() {
        Map<String, Object> document = new ResourceType("t", List.of(new BoolAttribute("x", false)),
                ResourceTypeState.ACTIVE).toJson();
        Map<String, Object> remove = Map.of("op", "remove", "path", "/attributes/x");
        assertThat(ResourceTypePatch.describeFailure(remove, document)).isNull();
        Map<String, Object> after = TestPatchStep.apply(document, remove);
        assertThat(ResourceTypePatch.describeFailure(remove, after)).isEqualTo("can't remove a non-existent object 'x'");
    }

    @Test
    void aPatchThatIsNotAListIsASchemaError() {
        assertThatThrownBy(() -> ResourceTypePatch.checkOperations(Map.of()))
                .isInstanceOf(StructuredInvalidInputException.class).hasMessage("expected a list");
    }

    /** One add/remove step on plain maps, only to drive the table; the service applies patches with a library. */
    static final class TestPatchStep {
        @SuppressWarnings("unchecked")
        static Map<String, Object> apply(Map<String, Object> document, Map<String, Object> operation) {
            Map<String, Object> copy = (Map<String, Object>) deepCopy(document);
            List<String> tokens = ResourceTypePatch.pointerTokens((String) operation.get("path"));
            Map<String, Object> parent = copy;
            for (int i = 0; i < tokens.size() - 1; i++) {
                parent = (Map<String, Object>) parent.get(tokens.get(i));
            }
            String last = tokens.get(tokens.size() - 1);
            if ("add".equals(operation.get("op"))) {
                parent.put(last, deepCopy(operation.get("value")));
            } else {
                parent.remove(last);
            }
            return copy;
        }

        private static Object deepCopy(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(deepCopy(v)));
                return copy;
            }
            return value;
        }
    }
}
