package org.polenta.storage.cassandra.index;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/** Archive policy rules in archive_policy_rules, keyed by name. */
public final class CassandraArchivePolicyRuleRepository implements ArchivePolicyRuleRepository {

    private final PreparedQuery insert;
    private final PreparedQuery select;
    private final PreparedQuery selectAll;
    private final PreparedQuery delete;

    public CassandraArchivePolicyRuleRepository(Cql cql) {
        Cql.Queries queries = cql.queries("archive_policy_rules.cql");
        insert = queries.get("insert");
        select = queries.get("select");
        selectAll = queries.get("selectAll");
        delete = queries.get("delete");
    }

    @Override
    public void create(ArchivePolicyRule rule) {
        if (!insert.execute(rule.name(), rule.metricPattern(), rule.archivePolicyName()).wasApplied()) {
            throw new AlreadyExistsException("Archive policy rule " + rule.name() + " already exists");
        }
    }

    @Override
    public Optional<ArchivePolicyRule> get(String name) {
        return Optional.ofNullable(select.execute(name).one()).map(CassandraArchivePolicyRuleRepository::toRule);
    }

    @Override
    public List<ArchivePolicyRule> list() {
        List<ArchivePolicyRule> rules = new ArrayList<>();
        for (Row row : selectAll.execute()) {
            rules.add(toRule(row));
        }
        rules.sort(Comparator.comparing(ArchivePolicyRule::name));
        return rules;
    }

    /**
     * The new name is claimed first (a lightweight transaction, so two renames to one name cannot both win),
     * then the old row is removed. If the old one vanished meanwhile (a concurrent delete or rename), the claim
     * is given back.
     */
    @Override
    public ArchivePolicyRule rename(String name, String newName) {
        ArchivePolicyRule existing = get(name).orElseThrow(() -> notFound(name));
        if (name.equals(newName)) {
            return existing;
        }
        ArchivePolicyRule renamed = new ArchivePolicyRule(newName, existing.metricPattern(),
            existing.archivePolicyName());
        create(renamed);
        if (!delete.execute(name).wasApplied()) {
            delete.execute(newName);
            throw notFound(name);
        }
        return renamed;
    }

    @Override
    public void delete(String name) {
        if (!delete.execute(name).wasApplied()) {
            throw notFound(name);
        }
    }

    private static ArchivePolicyRule toRule(Row row) {
        return new ArchivePolicyRule(row.getString("name"), row.getString("metric_pattern"),
            row.getString("archive_policy_name"));
    }

    private static NoSuchEntityException notFound(String name) {
        return new NoSuchEntityException("Archive policy rule " + name + " does not exist");
    }
}
