package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;

/** What every ArchivePolicyRepository must do. Subclasses provide stores that see each other's data. */
public abstract class ArchivePolicyRepositoryContract {

    private static final long MINUTE = 60_000_000_000L;

    /** The policy repository plus the rules and metrics whose use of a policy blocks its deletion. */
    public record Stores(ArchivePolicyRepository policies, ArchivePolicyRuleRepository rules,
                         MetricRepository metrics) {
    }

    protected abstract Stores stores();

    private ArchivePolicyRepository policies;
    private Stores stores;

    @BeforeEach
    void setUpStores() {
        stores = stores();
        policies = stores.policies();
    }

    static ArchivePolicy policy(String name) {
        return new ArchivePolicy(name, 3,
            List.of(new ArchivePolicyItem(MINUTE, 1440L), new ArchivePolicyItem(60 * MINUTE, null)),
            Set.of("mean", "max", "rate:last", "95pct"));
    }

    @Test
    void aCreatedPolicyComesBackEqual() {
        ArchivePolicy policy = policy(ContractNames.unique("ap"));
        policies.create(policy);
        assertThat(policies.get(policy.name())).contains(policy);
    }

    @Test
    void unicodeNamesAreKeptAsTheyAre() {
        ArchivePolicy policy = policy(ContractNames.unique("✔éñ☃"));
        policies.create(policy);
        assertThat(policies.get(policy.name())).contains(policy);
    }

    @Test
    void anUnknownPolicyIsEmpty() {
        assertThat(policies.get(ContractNames.unique("nothing"))).isEmpty();
    }

    @Test
    void creatingANameTwiceFailsAndKeepsTheFirst() {
        ArchivePolicy first = policy(ContractNames.unique("twice"));
        policies.create(first);
        ArchivePolicy second = new ArchivePolicy(first.name(), 0, List.of(new ArchivePolicyItem(MINUTE, 5L)),
            Set.of("min"));
        assertThatThrownBy(() -> policies.create(second))
            .isInstanceOf(AlreadyExistsException.class)
            .hasMessage("Archive policy " + first.name() + " already exists");
        assertThat(policies.get(first.name())).contains(first);
    }

    @Test
    void listIsSortedByNameAndHoldsEveryPolicy() {
        String prefix = ContractNames.unique("list");
        List<String> names = List.of(prefix + "-c", prefix + "-a", prefix + "-b");
        names.forEach(name -> policies.create(policy(name)));
        List<ArchivePolicy> listed = policies.list();
        assertThat(listed).extracting(ArchivePolicy::name).isSorted();
        assertThat(listed).filteredOn(p -> p.name().startsWith(prefix))
            .extracting(ArchivePolicy::name)
            .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
        assertThat(listed).contains(policy(prefix + "-a"));
    }

    @Test
    void updateReplacesTheDefinition() {
        ArchivePolicy policy = policy(ContractNames.unique("upd"));
        policies.create(policy);
        ArchivePolicy changed = new ArchivePolicy(policy.name(), policy.backWindow(),
            List.of(new ArchivePolicyItem(MINUTE, 2880L), new ArchivePolicyItem(60 * MINUTE, 48L)),
            policy.aggregationMethods());
        policies.update(changed);
        assertThat(policies.get(policy.name())).contains(changed);
    }

    @Test
    void updatingAnUnknownPolicyFails() {
        String name = ContractNames.unique("ghost");
        assertThatThrownBy(() -> policies.update(policy(name)))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Archive policy " + name + " does not exist");
        assertThat(policies.get(name)).isEmpty();
    }

    @Test
    void deleteRemovesThePolicy() {
        ArchivePolicy policy = policy(ContractNames.unique("del"));
        policies.create(policy);
        policies.delete(policy.name());
        assertThat(policies.get(policy.name())).isEmpty();
        assertThat(policies.list()).extracting(ArchivePolicy::name).doesNotContain(policy.name());
    }

    @Test
    void deletingAnUnknownPolicyFails() {
        String name = ContractNames.unique("ghost");
        assertThatThrownBy(() -> policies.delete(name))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Archive policy " + name + " does not exist");
    }

    @Test
    void aPolicyUsedByAMetricCannotBeDeleted() {
        ArchivePolicy policy = policy(ContractNames.unique("used"));
        policies.create(policy);
        stores.metrics().create(new Metric(UUID.randomUUID(), policy.name(), "admin", null, null, null,
            Metric.ACTIVE));
        assertThatThrownBy(() -> policies.delete(policy.name()))
            .isInstanceOf(InUseException.class)
            .hasMessage("Archive policy " + policy.name() + " is still in use");
        assertThat(policies.get(policy.name())).contains(policy);
    }

    @Test
    void aPolicyUsedByARuleCannotBeDeleted() {
        ArchivePolicy policy = policy(ContractNames.unique("ruled"));
        policies.create(policy);
        stores.rules().create(new ArchivePolicyRule(ContractNames.unique("rule"), "disk.*", policy.name()));
        assertThatThrownBy(() -> policies.delete(policy.name()))
            .isInstanceOf(InUseException.class)
            .hasMessage("Archive policy " + policy.name() + " is still in use");
        assertThat(policies.get(policy.name())).contains(policy);
    }

    @Test
    void metricsThatWereDeletedNoLongerHoldThePolicy() {
        ArchivePolicy policy = policy(ContractNames.unique("freed"));
        policies.create(policy);
        UUID metricId = UUID.randomUUID();
        stores.metrics().create(new Metric(metricId, policy.name(), "admin", null, null, null, Metric.ACTIVE));
        stores.metrics().delete(metricId);
        policies.delete(policy.name());
        assertThat(policies.get(policy.name())).isEmpty();
    }

    @Test
    void ofConcurrentCreatesOfOneNameExactlyOneWins() throws Exception {
        String name = ContractNames.unique("race");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int backWindow = i;
                attempts.add(() -> {
                    try {
                        policies.create(new ArchivePolicy(name, backWindow,
                            List.of(new ArchivePolicyItem(MINUTE, 10L)), Set.of("mean")));
                        return true;
                    } catch (AlreadyExistsException e) {
                        return false;
                    }
                });
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(true);
            int winner = outcomes.indexOf(true);
            assertThat(policies.get(name)).hasValueSatisfying(p -> assertThat(p.backWindow()).isEqualTo(winner));
        } finally {
            pool.shutdownNow();
        }
    }
}
