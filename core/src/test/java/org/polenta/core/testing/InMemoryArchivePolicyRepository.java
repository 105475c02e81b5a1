package org.polenta.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.MetricRepository;

/**
 * An ArchivePolicyRepository in a map, for tests; behaves like the Cassandra one (same contract suite).
 * It asks the given metrics and rules whether a policy is in use, as the Cassandra one asks its indexes.
 */
public final class InMemoryArchivePolicyRepository implements ArchivePolicyRepository {

    private final TreeMap<String, ArchivePolicy> policies = new TreeMap<>();
    private final MetricRepository metrics;
    private final ArchivePolicyRuleRepository rules;

    public InMemoryArchivePolicyRepository(MetricRepository metrics, ArchivePolicyRuleRepository rules) {
        this.metrics = metrics;
        this.rules = rules;
    }

    @Override
    public synchronized void create(ArchivePolicy policy) {
        if (policies.putIfAbsent(policy.name(), policy) != null) {
            throw new AlreadyExistsException("Archive policy " + policy.name() + " already exists");
        }
    }

    @Override
    public synchronized Optional<ArchivePolicy> get(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    @Override
    public synchronized List<ArchivePolicy> list() {
        return new ArrayList<>(policies.values());
    }

    @Override
    public synchronized void update(ArchivePolicy policy) {
        if (policies.replace(policy.name(), policy) == null) {
            throw notFound(policy.name());
        }
    }

    /** Only active metrics hold a policy: deleted ones never come back and their points expire by TTL. */
    @Override
    public synchronized void delete(String name) {
        if (!policies.containsKey(name)) {
            throw notFound(name);
        }
        boolean usedByMetric = !metrics.find(Map.of("archive_policy_name", name)).isEmpty();
        boolean usedByRule = rules.list().stream().anyMatch(rule -> rule.archivePolicyName().equals(name));
        if (usedByMetric || usedByRule) {
            throw new InUseException("Archive policy " + name + " is still in use");
        }
        policies.remove(name);
    }

    private static NoSuchEntityException notFound(String name) {
        return new NoSuchEntityException("Archive policy " + name + " does not exist");
    }
}
