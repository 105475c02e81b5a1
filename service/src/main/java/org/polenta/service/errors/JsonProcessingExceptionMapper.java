package org.polenta.service.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** A body that is not JSON, or JSON of the wrong shape for a typed entity: 400 as Gnocchi's "Unable to decode body". */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        return ErrorResponses.of(400, undecodable(e));
    }

    public static Map<String, Object> undecodable(JsonProcessingException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cause", "Unable to decode body");
        d.put("reason", e.getOriginalMessage());
        d.put("detail", "");
        return d;
    }
}
