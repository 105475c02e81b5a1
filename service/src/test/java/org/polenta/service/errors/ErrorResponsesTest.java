package org.polenta.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void bodyHasGnocchisShapeAndWebobTitles() {
        Response r = ErrorResponses.of(409, "Archive policy low already exists");
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(r.getMediaType().toString()).startsWith("application/json");
        assertThat((String) r.getEntity()).isEqualTo(
                "{\"code\": 409, \"title\": \"Conflict\", \"description\": \"Archive policy low already exists\"}");
    }

    @Test
    void missingDetailFallsBackToWebobsExplanation() {
        assertThat((String) ErrorResponses.of(403, null).getEntity()).contains("Access was denied to this resource");
        assertThat((String) ErrorResponses.of(415, "").getEntity()).contains("Unsupported Media Type");
    }

    @Test
    void keepsNonAsciiTextReadable() {
        assertThat((String) ErrorResponses.of(404, "Archive policy ✔éñ☃ does not exist").getEntity())
                .contains("Archive policy ✔éñ☃ does not exist");
    }
}
