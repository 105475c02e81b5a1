package org.polenta.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.NoSuchEntityException;

/** An ArchivePolicyRuleRepository in a map, for tests; behaves like the Cassandra one (same contract suite). */
public final class InMemoryArchivePolicyRuleRepository implements ArchivePolicyRuleRepository {

    private final TreeMap<String, ArchivePolicyRule> rules = new TreeMap<>();

    @Override
    public synchronized void create(ArchivePolicyRule rule) {
        if (rules.putIfAbsent(rule.name(), rule) != null) {
            throw new AlreadyExistsException("Archive policy rule " + rule.name() + " already exists");
        }
    }

    @Override
    public synchronized Optional<ArchivePolicyRule> get(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    @Override
    public synchronized List<ArchivePolicyRule> list() {
        return new ArrayList<>(rules.values());
    }

    @Override
    public synchronized ArchivePolicyRule rename(String name, String newName) {
        ArchivePolicyRule existing = rules.get(name);
        if (existing == null) {
            throw notFound(name);
        }
        if (name.equals(newName)) {
            return existing;
        }
        ArchivePolicyRule renamed = new ArchivePolicyRule(newName, existing.metricPattern(),
            existing.archivePolicyName());
        create(renamed);
        rules.remove(name);
        return renamed;
    }

    @Override
    public synchronized void delete(String name) {
        if (rules.remove(name) == null) {
            throw notFound(name);
        }
    }

    private static NoSuchEntityException notFound(String name) {
        return new NoSuchEntityException("Archive policy rule " + name + " does not exist");
    }
}
