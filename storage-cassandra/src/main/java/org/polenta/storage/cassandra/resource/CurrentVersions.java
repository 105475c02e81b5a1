package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.resource.Resource;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/** Reads of the by-id rows: the only place that says which version of a resource is current. */
final class CurrentVersions {

    private final PreparedQuery select;

    CurrentVersions(Cql cql) {
        select = cql.queries("resources.cql").get("select");
    }

    Optional<Resource> load(UUID id) {
        return Optional.ofNullable(select.execute(id).one()).map(ResourceRows::current);
    }

    /** The current version as a serial read sees it: after every lightweight transaction begun before it. */
    Optional<Resource> loadSerially(UUID id) {
        return Optional.ofNullable(select.executeSerial(id).one()).map(ResourceRows::current);
    }

    /** The current versions of those of {@code ids} that exist, read in parallel. */
    Map<UUID, Resource> load(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().distinct().toList();
        List<Supplier<CompletionStage<AsyncResultSet>>> reads = new ArrayList<>();
        for (UUID id : distinct) {
            reads.add(() -> select.executeAsync(id));
        }
        Map<UUID, Resource> found = new HashMap<>();
        for (AsyncResultSet result : BoundedAsync.runAll(reads)) {
            Row row = result.one();
            if (row != null) {
                Resource resource = ResourceRows.current(row);
                found.put(resource.id(), resource);
            }
        }
        return found;
    }
}
