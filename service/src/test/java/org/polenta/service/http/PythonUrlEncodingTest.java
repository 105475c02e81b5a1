package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonUrlEncodingTest {

    @Test
    void quotesPathsLikePythonQuote() {
        assertThat(PythonUrlEncoding.quotePath("/v1/archive_policy/✔éñ☃"))
                .isEqualTo("/v1/archive_policy/%E2%9C%94%C3%A9%C3%B1%E2%98%83");
        assertThat(PythonUrlEncoding.quotePath("/v1/archive_policy/a b~c")).isEqualTo("/v1/archive_policy/a%20b~c");
    }

    @Test
    void encodesQueriesLikeUrlencodeWithDoseq() {
        String q = PythonUrlEncoding.urlencode(List.of(
                Map.entry("archive_policy_name", List.of("first_archive")),
                Map.entry("limit", List.of("2")),
                Map.entry("sort", List.of("name:desc", "id:asc")),
                Map.entry("x", List.of("a b/c"))));
        assertThat(q).isEqualTo("archive_policy_name=first_archive&limit=2&sort=name%3Adesc&sort=id%3Aasc&x=a+b%2Fc");
    }
}
