package org.polenta.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polenta.core.errors.InvalidInputException;

class SortKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "id|id|false|DEFAULT",
            "id:asc|id|false|DEFAULT",
            "name:desc|name|true|DEFAULT",
            " name :desc|name|true|DEFAULT",
            "id:|id|false|DEFAULT",
            "id:asc-|id|false|DEFAULT",
            "revision_end:asc-nullslast|revision_end|false|LAST",
            "revision_end:asc-nullsfirst|revision_end|false|FIRST",
            "ended_at:desc-nullslast|ended_at|true|LAST",
            "ended_at:desc-nullsfirst|ended_at|true|FIRST"})
    void keysReadAsGnocchiReadsThem(String raw, String attribute, boolean descending, SortKey.Nulls nulls) {
        SortKey key = SortKey.parse(raw);

        assertThat(key.attribute()).isEqualTo(attribute);
        assertThat(key.descending()).isEqualTo(descending);
        assertThat(key.nulls()).isEqualTo(nulls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id:invalid", "id:ASC", "id:asc-nulls", "id:asc:desc", "id:-nullslast", "id:desc-nullsfirst-x"})
    void badDirectionsAreGnocchisInvalidPagination(String raw) {
        assertThatThrownBy(() -> SortKey.parse(raw).nulls())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid pagination: `Unknown sort direction, must be one of: "
                        + "asc-nullsfirst, asc-nullslast, desc-nullsfirst, desc-nullslast'");
    }

    @Test
    void uniqueKeysAreAppendedAscendingUnlessAlreadySorted() {
        assertThat(SortKey.parseAll(List.of("name:desc"), List.of("id")))
                .containsExactly(new SortKey("name", "desc"), new SortKey("id", "asc"));
        assertThat(SortKey.parseAll(List.of("id:desc", "name"), List.of("id")))
                .containsExactly(new SortKey("id", "desc"), new SortKey("name", "asc"));
        assertThat(SortKey.parseAll(List.of(), List.of("id", "revision")))
                .containsExactly(new SortKey("id", "asc"), new SortKey("revision", "asc"));
    }
}
