package org.polenta.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregationMethodNotInPolicyException;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.errors.PolentaException;
import org.polenta.core.errors.StructuredInvalidInputException;

class PolentaExceptionMapperTest {

    private final PolentaExceptionMapper mapper = new PolentaExceptionMapper();

    private String body(PolentaException e, int status) {
        Response r = mapper.toResponse(e);
        assertThat(r.getStatus()).isEqualTo(status);
        return (String) r.getEntity();
    }

    @Test
    void eachDomainFailureHasGnocchisStatus() {
        assertThat(body(new NoSuchEntityException("Metric x does not exist"), 404)).contains("Metric x does not exist");
        assertThat(body(new AlreadyExistsException("Archive policy low already exists"), 409)).contains("Conflict");
        assertThat(body(new InUseException("Archive policy low is still in use"), 400)).contains("still in use");
        assertThat(body(new InvalidInputException("Timestamp must be after Epoch"), 400)).contains("after Epoch");
        assertThat(body(new PolentaException("storage broke"), 500)).contains("Internal Server Error");
    }

    @Test
    void structuredFailuresKeepTheirDescriptionObject() {
        String s = body(new StructuredInvalidInputException("Invalid input", "extra keys not allowed @ data['x']",
                List.of("x")), 400);
        assertThat(s).contains("\"description\": {\"cause\": \"Invalid input\", \"reason\": "
                + "\"extra keys not allowed @ data['x']\", \"detail\": [\"x\"]}");
        UUID id = UUID.fromString("cee6ef1f-52cc-4a16-bbb5-648aedfd1c37");
        String d = body(new AggregationMethodNotInPolicyException(id, "wtf"), 404);
        assertThat(d).contains("\"cause\": \"Aggregation method does not exist for this metric\"")
                .contains("\"aggregation_method\": \"wtf\"").contains(id.toString());
    }
}
