package org.polenta.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonPrinterTest {

    private final ObjectMapper mapper = PythonJsonPrinter.install(Jackson.newObjectMapper());

    @Test
    void writesLikePythonsJsonDumps() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "medium");
        doc.put("points", List.of(1, 2));
        doc.put("empty", Map.of());
        assertThat(mapper.writeValueAsString(doc))
                .isEqualTo("{\"name\": \"medium\", \"points\": [1, 2], \"empty\": {}}");
    }

    @Test
    void nonFiniteNumbersAreBareTokens() throws Exception {
        List<Object> row = List.of("2015-03-06T14:33:57+00:00", 1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        assertThat(mapper.writeValueAsString(row))
                .isEqualTo("[\"2015-03-06T14:33:57+00:00\", 1.0, NaN, Infinity, -Infinity]");
    }
}
