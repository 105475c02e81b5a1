package org.polenta.storage.cassandra.index;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.TupleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/** Archive policies in archive_policies; create and update are lightweight transactions so none is lost. */
public final class CassandraArchivePolicyRepository implements ArchivePolicyRepository {

    private final PreparedQuery insert;
    private final PreparedQuery update;
    private final PreparedQuery select;
    private final PreparedQuery selectAll;
    private final PreparedQuery delete;
    private final PreparedQuery anyActiveMetric;
    private final PreparedQuery anyRule;
    private final TupleType itemType;

    public CassandraArchivePolicyRepository(Cql cql) {
        Cql.Queries queries = cql.queries("archive_policies.cql");
        insert = queries.get("insert");
        update = queries.get("update");
        select = queries.get("select");
        selectAll = queries.get("selectAll");
        delete = queries.get("delete");
        anyActiveMetric = queries.get("anyActiveMetric");
        anyRule = queries.get("anyRule");
        ListType definitionType = (ListType) insert.prepared().getVariableDefinitions().get("definition").getType();
        itemType = (TupleType) definitionType.getElementType();
    }

    @Override
    public void create(ArchivePolicy policy) {
        boolean applied = insert.execute(policy.name(), policy.backWindow(), definition(policy),
            policy.aggregationMethods()).wasApplied();
        if (!applied) {
            throw new AlreadyExistsException("Archive policy " + policy.name() + " already exists");
        }
    }

    @Override
    public Optional<ArchivePolicy> get(String name) {
        return Optional.ofNullable(select.execute(name).one()).map(this::toPolicy);
    }

    @Override
    public List<ArchivePolicy> list() {
        List<ArchivePolicy> policies = new ArrayList<>();
        for (Row row : selectAll.execute()) {
            policies.add(toPolicy(row));
        }
        policies.sort(Comparator.comparing(ArchivePolicy::name));
        return policies;
    }

    @Override
    public void update(ArchivePolicy policy) {
        boolean applied = update.execute(policy.backWindow(), definition(policy), policy.aggregationMethods(),
            policy.name()).wasApplied();
        if (!applied) {
            throw notFound(policy.name());
        }
    }

    /**
     * Checks use through the SAI indexes on metrics and rules, then deletes. A metric created with this policy
     * between the check and the delete is not detected; the API creates metrics only with existing policies,
     * so the window is the length of one request.
     */
    @Override
    public void delete(String name) {
        if (get(name).isEmpty()) {
            throw notFound(name);
        }
        if (anyActiveMetric.execute(name).one() != null || anyRule.execute(name).one() != null) {
            throw new InUseException("Archive policy " + name + " is still in use");
        }
        if (!delete.execute(name).wasApplied()) {
            throw notFound(name);
        }
    }

    private List<TupleValue> definition(ArchivePolicy policy) {
        List<TupleValue> items = new ArrayList<>();
        for (ArchivePolicyItem item : policy.definition()) {
            items.add(itemType.newValue(item.granularityNanos(), item.points()));
        }
        return items;
    }

    private ArchivePolicy toPolicy(Row row) {
        List<ArchivePolicyItem> items = new ArrayList<>();
        for (TupleValue item : row.getList("definition", TupleValue.class)) {
            items.add(new ArchivePolicyItem(item.getLong(0), item.isNull(1) ? null : item.getLong(1)));
        }
        return new ArchivePolicy(row.getString("name"), row.getInt("back_window"), items,
            row.getSet("aggregation_methods", String.class));
    }

    private static NoSuchEntityException notFound(String name) {
        return new NoSuchEntityException("Archive policy " + name + " does not exist");
    }
}
