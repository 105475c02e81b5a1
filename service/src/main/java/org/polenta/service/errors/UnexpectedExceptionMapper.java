package org.polenta.service.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last resort: a failure of ours, logged with an id the client also sees. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.error("unexpected failure {}", id, e);
        return ErrorResponses.of(500, "Unexpected error, logged as " + id);
    }
}
