package org.polenta.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class StorageUnavailableExceptionMapperTest {

    private final StorageUnavailableExceptionMapper mapper = new StorageUnavailableExceptionMapper();
    private final ConsistencyLevel one = DefaultConsistencyLevel.LOCAL_ONE;

    @Test
    void cassandraOutOfReachOrSlowIsA503ToRetry() {
        for (var e : new com.datastax.oss.driver.api.core.DriverException[] {
            new NoNodeAvailableException(),
            new DriverTimeoutException("Query timed out after PT10S"),
            new ReadTimeoutException(null, one, 0, 1, false),
            new WriteTimeoutException(null, one, 0, 1, DefaultWriteType.SIMPLE)}) {
            Response r = mapper.toResponse(e);
            assertThat(r.getStatus()).as(e.getClass().getSimpleName()).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat((String) r.getEntity()).contains("\"code\": 503").contains("Storage is unavailable");
        }
    }

    @Test
    void aStatementCassandraRejectsIsOurBugAndStaysA500() {
        Response r = mapper.toResponse(new InvalidQueryException(null, "Undefined column name x"));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat((String) r.getEntity()).doesNotContain("Undefined column");
    }
}
