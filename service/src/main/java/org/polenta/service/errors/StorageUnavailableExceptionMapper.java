package org.polenta.service.errors;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cassandra out of reach, overloaded or timing out is a 503 the client may retry, not a failure of the request:
 * nothing was half-written that a retry would not repair (every write path is idempotent or decided by a
 * lightweight transaction). Any other driver failure (a bad statement, a schema mismatch) is a bug of ours and
 * stays a 500.
 */
@Provider
public class StorageUnavailableExceptionMapper implements ExceptionMapper<DriverException> {

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableExceptionMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(DriverException e) {
        String id = UUID.randomUUID().toString();
        if (!isUnavailability(e)) {
            LOG.error("unexpected storage failure {}", id, e);
            return ErrorResponses.of(500, "Unexpected error, logged as " + id);
        }
        LOG.warn("storage unavailable {}: {}", id, e.toString());
        return Response.fromResponse(ErrorResponses.of(503, "Storage is unavailable, logged as " + id))
            .header("Retry-After", RETRY_AFTER_SECONDS)
            .build();
    }

    static boolean isUnavailability(DriverException e) {
        // Read/write timeouts and failures are QueryConsistencyExceptions: too few replicas answered in time.
        return e instanceof AllNodesFailedException
            || e instanceof DriverTimeoutException
            || e instanceof QueryConsistencyException
            || e instanceof UnavailableException
            || e instanceof OverloadedException
            || e instanceof CASWriteUnknownException;
    }
}
