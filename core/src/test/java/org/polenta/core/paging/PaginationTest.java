package org.polenta.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;

class PaginationTest {

    /** A listed row: an id and two sortable attributes, either of which may be NULL. */
    record Row(String id, String name, Integer size) {
    }

    private static final BiFunction<Row, String, Comparable<?>> FIELD = (row, attribute) -> switch (attribute) {
        case "id" -> row.id();
        case "name" -> row.name();
        case "size" -> row.size();
        default -> throw new IllegalArgumentException(attribute);
    };
    private static final Set<String> SORTABLE = Set.of("id", "name", "size");

    private static final List<Row> ROWS = List.of(
            new Row("e", "disk", 3), new Row("a", "cpu", null), new Row("c", "disk", 1),
            new Row("b", null, 2), new Row("d", "cpu", 2));

    @Test
    void rowsSortKeyByKeyWithNullsAboveEveryValue() {
        assertThat(ids(page(List.of("name:asc", "id:asc"), null, 10))).containsExactly("a", "d", "c", "e", "b");
        assertThat(ids(page(List.of("name:desc", "id:asc"), null, 10))).containsExactly("b", "c", "e", "a", "d");
        assertThat(ids(page(List.of("name:asc-nullsfirst", "id:asc"), null, 10))).containsExactly("b", "a", "d", "c", "e");
        assertThat(ids(page(List.of("name:desc-nullslast", "id:asc"), null, 10))).containsExactly("c", "e", "a", "d", "b");
    }

    @Test
    void thePageStartsAfterTheMarkerAndStopsAtTheLimit() {
        assertThat(ids(page(List.of("id:asc"), null, 2))).containsExactly("a", "b");
        assertThat(ids(page(List.of("id:asc"), "b", 2))).containsExactly("c", "d");
        assertThat(ids(page(List.of("id:asc"), "d", 2))).containsExactly("e");
        assertThat(ids(page(List.of("id:asc"), "e", 2))).isEmpty();
        assertThat(ids(page(List.of("name:desc", "id:asc"), "e", 10))).containsExactly("a", "d");
    }

    @Test
    void aMarkerWithANullKeyIsComparedOnTheOtherKeysOnly() {
        // paginate_query skips the criterion of a NULL marker value, so after "b" (name NULL, sorted last) only
        // id decides, and rows that sort before "b" come back: Gnocchi's quirk, kept.
        assertThat(ids(page(List.of("name:asc", "id:asc"), "b", 10))).containsExactly("d", "c", "e");
    }

    @Test
    void nullsAfterTheMarkerAreKeptOnlyWhereTheDirectionSaysSo() {
        assertThat(ids(page(List.of("name:asc", "id:asc"), "e", 10))).isEmpty();
        assertThat(ids(page(List.of("name:asc-nullslast", "id:asc"), "e", 10))).containsExactly("b");
    }

    @Test
    void anUnknownMarkerIsInvalidPagination() {
        assertThatThrownBy(() -> page(List.of("id:asc"), "d44b3f4c-27bc-4ace-b81c-2a8e60026874", 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid pagination: `Invalid marker: `d44b3f4c-27bc-4ace-b81c-2a8e60026874''");
    }

    @Test
    void anUnknownSortKeyIsInvalidPagination() {
        assertThatThrownBy(() -> Pagination.page(List.<Row>of(), SortKey.parseAll(List.of("nonexistent_key:asc"), List.of("id")),
                SORTABLE, FIELD, null, Row::id, 10))
                .hasMessage("Invalid pagination: `Sort key supplied is invalid: nonexistent_key'");
    }

    @Test
    void errorsComeInGnocchisOrderMarkerFirstThenKeyByKey() {
        List<SortKey> badKeyThenBadDirection = SortKey.parseAll(List.of("invalid:asc", "id:invalid"), List.of("id"));
        List<SortKey> badDirectionThenBadKey = SortKey.parseAll(List.of("id:invalid", "invalid:asc"), List.of("id"));

        assertThat(catchThrowable(() -> Pagination.page(ROWS, badKeyThenBadDirection, SORTABLE, FIELD, "zzz", Row::id, 5)))
                .hasMessageContaining("Invalid marker");
        assertThat(catchThrowable(() -> Pagination.page(ROWS, badKeyThenBadDirection, SORTABLE, FIELD, null, Row::id, 5)))
                .hasMessageContaining("Sort key supplied is invalid: invalid");
        assertThat(catchThrowable(() -> Pagination.page(ROWS, badDirectionThenBadKey, SORTABLE, FIELD, null, Row::id, 5)))
                .hasMessageContaining("Unknown sort direction");
    }

    @Test
    void uuidsSortAsTheirTextLikePostgres() {
        UUID low = UUID.fromString("1e3d5702-2cbf-46e0-ba13-0ddaa3c71150");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        List<UUID> ids = List.of(high, low);

        List<UUID> page = Pagination.page(ids, List.of(new SortKey("id", "asc")), (id, attribute) -> id, null, UUID::toString, 10);

        // UUID.compareTo is signed and would put f000... first.
        assertThat(page).containsExactly(low, high);
    }

    @Test
    void theLimitArgumentReadsAsGnocchiReadsIt() {
        assertThat(Pagination.limit(null, 7)).isEqualTo(7);
        assertThat(Pagination.limit("2", 7)).isEqualTo(2);
        assertThat(Pagination.limit(" 3 ", 7)).isEqualTo(3);
        assertThat(Pagination.limit("100", 7)).isEqualTo(7);
        assertThat(Pagination.limit("99999999999999999999", 7)).isEqualTo(7);
        assertLimitError("-2", "value must be at least 1 for dictionary value @ data['limit']");
        assertLimitError("0", "value must be at least 1 for dictionary value @ data['limit']");
        assertLimitError("invalid", "expected int for dictionary value @ data['limit']");
        assertLimitError("2.5", "expected int for dictionary value @ data['limit']");
        assertLimitError(List.of("1", "2"), "expected int for dictionary value @ data['limit']");
    }

    /** Walking every page with the last id as marker visits each row once, in sorted order. */
    @Property
    void pagesTileTheSortedListing(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> sizes,
                                   @ForAll @IntRange(min = 1, max = 7) int limit,
                                   @ForAll boolean descending) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            rows.add(new Row(String.format("id%03d", i), "n" + (i % 3), sizes.get(i)));
        }
        List<SortKey> sort = SortKey.parseAll(List.of("size:" + (descending ? "desc" : "asc"), "name"), List.of("id"));

        List<Row> walked = new ArrayList<>();
        String marker = null;
        while (true) {
            List<Row> page = Pagination.page(rows, sort, SORTABLE, FIELD, marker, Row::id, limit);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            marker = page.get(page.size() - 1).id();
        }
        Comparator<Row> bySize = Comparator.comparing(Row::size);
        Comparator<Row> expected = (descending ? bySize.reversed() : bySize)
                .thenComparing(Row::name).thenComparing(Row::id);
        assertThat(walked).isEqualTo(rows.stream().sorted(expected).toList());
    }

    private static void assertLimitError(Object raw, String reason) {
        StructuredInvalidInputException error =
                (StructuredInvalidInputException) catchThrowable(() -> Pagination.limit(raw, 7));
        assertThat(error.description()).containsExactly(
                java.util.Map.entry("cause", "Argument value error"), java.util.Map.entry("reason", reason));
    }

    private static List<Row> page(List<String> sort, String marker, int limit) {
        return Pagination.page(ROWS, SortKey.parseAll(sort, List.of("id")), SORTABLE, FIELD, marker, Row::id, limit);
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }
}
