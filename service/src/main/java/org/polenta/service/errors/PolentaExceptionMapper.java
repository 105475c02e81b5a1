package org.polenta.service.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.polenta.core.aggregates.DescribedFailure;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.errors.PolentaException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where the domain's failures become HTTP statuses, with the domain's message as description. */
@Provider
public class PolentaExceptionMapper implements ExceptionMapper<PolentaException> {

    private static final Logger LOG = LoggerFactory.getLogger(PolentaExceptionMapper.class);

    @Override
    public Response toResponse(PolentaException e) {
        Object description = e.getMessage();
        if (e instanceof DescribedFailure d) {
            description = d.description();
        } else if (e instanceof StructuredInvalidInputException s) {
            description = s.description();
        }
        return ErrorResponses.of(statusOf(e), description);
    }

    static int statusOf(PolentaException e) {
        if (e instanceof NoSuchEntityException) {
            return 404;
        }
        if (e instanceof AlreadyExistsException) {
            return 409;
        }
        if (e instanceof InUseException || e instanceof InvalidInputException) {
            return 400;
        }
        // A subclass this mapper does not know is a failure of ours, not of the client.
        LOG.error("unmapped domain failure", e);
        return 500;
    }
}
