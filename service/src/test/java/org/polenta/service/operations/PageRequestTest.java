package org.polenta.service.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.errors.StructuredInvalidInputException;

class PageRequestTest {

    @Test
    void limitDefaultsToAndIsCappedByMaxLimit() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        assertThat(PageRequest.from(q, 7, List.of("id:asc")).limit()).isEqualTo(7);
        q.putSingle("limit", "100");
        assertThat(PageRequest.from(q, 7, List.of("id:asc")).limit()).isEqualTo(7);
        q.putSingle("limit", "2");
        assertThat(PageRequest.from(q, 7, List.of("id:asc")).limit()).isEqualTo(2);
    }

    @Test
    void badLimitsAre400() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        q.putSingle("limit", "0");
        assertThatThrownBy(() -> PageRequest.from(q, 7, List.of())).isInstanceOf(StructuredInvalidInputException.class);
        q.putSingle("limit", "two");
        assertThatThrownBy(() -> PageRequest.from(q, 7, List.of())).isInstanceOf(StructuredInvalidInputException.class);
    }

    @Test
    void nextLinkRepeatsTheQuerySortedWithTheMarker() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        q.putSingle("sort", "name:desc");
        q.putSingle("archive_policy_name", "first_archive");
        q.putSingle("limit", "2");
        PageRequest page = PageRequest.from(q, 7, List.of("id:asc"));
        assertThat(page.nextLink("http://h/gnocchi/v1/metric", q, "m-1")).isEqualTo(
                "<http://h/gnocchi/v1/metric?archive_policy_name=first_archive&limit=2&marker=m-1&sort=name%3Adesc>;"
                        + " rel=\"next\"");
    }

    @Test
    void nextLinkCarriesTheDefaultSortWhenNoneWasGiven() {
        MultivaluedHashMap<String, String> q = new MultivaluedHashMap<>();
        PageRequest page = PageRequest.from(q, 3, List.of("id:asc"));
        assertThat(page.nextLink("http://h/v1/metric", q, "x"))
                .isEqualTo("<http://h/v1/metric?limit=3&marker=x&sort=id%3Aasc>; rel=\"next\"");
    }
}
