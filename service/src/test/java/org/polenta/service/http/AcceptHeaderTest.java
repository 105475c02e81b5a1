package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected orders were produced by webob's acceptable_offers (Debian python3-webob) on the same inputs. */
class AcceptHeaderTest {

    private static final List<String> PECAN = List.of("text/plain", "text/html", "application/json");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/*                                          | text/plain,text/html,application/json",
        "application/json                             | application/json",
        "application/json, */*                        | text/plain,text/html,application/json",
        "text/plain, application/json; q=0.8          | text/plain,application/json",
        "text/html,application/xhtml+xml,*/*;q=0.8    | text/html,text/plain,application/json",
        "application/*                                | application/json",
        "text/plain                                   | text/plain",
        "application/json;q=0, */*                    | text/plain,text/html",
    })
    void offersAreOrderedAsWebobOrdersThem(String header, String expected) {
        assertThat(AcceptHeader.parse(header).acceptableOffers(PECAN)).containsExactly(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource({"''", "' '"})
    void anEmptyHeaderAcceptsNothing(String header) {
        assertThat(AcceptHeader.parse(header).acceptableOffers(PECAN)).isEmpty();
        assertThat(AcceptHeader.parse(null).acceptableOffers(PECAN)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aHeaderThatIsNoListOfMediaRangesAcceptsAnything() {
        assertThat(AcceptHeader.parse("garbage").acceptableOffers(PECAN)).containsExactlyElementsOf(PECAN);
    }
}
