package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;

/** What every MetricRepository must do. */
public abstract class MetricRepositoryContract {

    protected abstract MetricRepository metrics();

    private MetricRepository metrics;

    @BeforeEach
    void setUpMetrics() {
        metrics = metrics();
    }

    private static Metric metric(String creator, String name, UUID resourceId) {
        return new Metric(UUID.randomUUID(), "low", creator, name, "ns", resourceId, Metric.ACTIVE);
    }

    @Test
    void aCreatedMetricComesBackEqual() {
        Metric metric = metric(ContractNames.unique("user"), "cpu.util", UUID.randomUUID());
        metrics.create(metric);
        assertThat(metrics.get(metric.id())).contains(metric);
    }

    @Test
    void aMetricWithoutNameResourceOrUnitComesBackEqual() {
        Metric metric = new Metric(UUID.randomUUID(), "high", "admin", null, null, null, Metric.ACTIVE);
        metrics.create(metric);
        assertThat(metrics.get(metric.id())).contains(metric);
    }

    @Test
    void anUnknownMetricIsEmpty() {
        assertThat(metrics.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void creatingAnIdTwiceFailsAndNeverOverwrites() {
        Metric first = metric(ContractNames.unique("user"), "a", null);
        metrics.create(first);
        Metric impostor = new Metric(first.id(), "high", "mallory", "b", "B", null, Metric.ACTIVE);
        assertThatThrownBy(() -> metrics.create(impostor))
            .isInstanceOf(AlreadyExistsException.class)
            .hasMessage("Metric " + first.id() + " already exists");
        assertThat(metrics.get(first.id())).contains(first);
    }

    @Test
    void aMetricCreatedWithARandomIdIsLikeAnyOther() {
        Metric metric = metric(ContractNames.unique("user"), "disk.usage", UUID.randomUUID());
        metrics.createWithRandomId(metric);
        assertThat(metrics.get(metric.id())).contains(metric);
        assertThat(metrics.get(List.of(metric.id()))).containsExactly(metric);
        metrics.delete(metric.id());
        assertThat(metrics.get(metric.id())).isEmpty();
        assertThatThrownBy(() -> metrics.delete(metric.id())).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void anIdThatIsNotRandomIsStillCheckedWhenCreatedAsRandom() {
        Metric first = new Metric(UUID.nameUUIDFromBytes(ContractNames.unique("named").getBytes(
            java.nio.charset.StandardCharsets.UTF_8)), "low", "u", "a", null, null, Metric.ACTIVE);
        metrics.create(first);
        Metric impostor = new Metric(first.id(), "high", "mallory", "b", null, null, Metric.ACTIVE);
        assertThatThrownBy(() -> metrics.createWithRandomId(impostor)).isInstanceOf(AlreadyExistsException.class);
        assertThat(metrics.get(first.id())).contains(first);
    }

    @Test
    void getOfManyFindsEveryOne() {
        List<Metric> created = new java.util.ArrayList<>();
        for (int i = 0; i < 75; i++) {
            Metric m = metric("u", "m" + i, null);
            metrics.createWithRandomId(m);
            created.add(m);
        }
        List<UUID> ids = created.stream().map(Metric::id).toList();
        assertThat(metrics.get(ids)).containsExactlyInAnyOrderElementsOf(created);
        assertThat(metrics.getAsync(ids).join()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void getOfSeveralLeavesOutMissingAndDeletedOnes() {
        Metric a = metric("u", "a", null);
        Metric b = metric("u", "b", null);
        Metric gone = metric("u", "gone", null);
        List.of(a, b, gone).forEach(metrics::create);
        metrics.delete(gone.id());
        assertThat(metrics.get(List.of(a.id(), UUID.randomUUID(), gone.id(), b.id())))
            .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void getOfSeveralWithoutWaitingFindsWhatGetFinds() {
        Metric a = metric("u", "a", null);
        Metric b = metric("u", "b", null);
        Metric gone = metric("u", "gone", null);
        List.of(a, b, gone).forEach(metrics::create);
        metrics.delete(gone.id());
        assertThat(metrics.getAsync(List.of(a.id(), UUID.randomUUID(), gone.id(), b.id())).join())
            .containsExactlyInAnyOrder(a, b);
        assertThat(metrics.getAsync(List.of()).join()).isEmpty();
    }

    @Test
    void deleteHidesTheMetricAndCannotBeRepeated() {
        Metric metric = metric("u", "x", null);
        metrics.create(metric);
        metrics.delete(metric.id());
        assertThat(metrics.get(metric.id())).isEmpty();
        assertThatThrownBy(() -> metrics.delete(metric.id()))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Metric " + metric.id() + " does not exist");
    }

    @Test
    void deletingAnUnknownMetricFails() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> metrics.delete(id))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Metric " + id + " does not exist");
    }

    @Test
    void findMatchesEachFilterableField() {
        String creator = ContractNames.unique("creator");
        UUID resource = UUID.randomUUID();
        Metric m1 = new Metric(UUID.randomUUID(), ContractNames.unique("ap"), creator, ContractNames.unique("n"),
            ContractNames.unique("unit"), resource, Metric.ACTIVE);
        Metric m2 = new Metric(UUID.randomUUID(), "low", creator, "other", "ns", null, Metric.ACTIVE);
        metrics.create(m1);
        metrics.create(m2);
        assertThat(metrics.find(Map.of("creator", creator))).containsExactlyInAnyOrder(m1, m2);
        assertThat(metrics.find(Map.of("name", m1.name()))).containsExactly(m1);
        assertThat(metrics.find(Map.of("archive_policy_name", m1.archivePolicyName()))).containsExactly(m1);
        assertThat(metrics.find(Map.of("resource_id", resource.toString()))).containsExactly(m1);
        assertThat(metrics.find(Map.of("unit", m1.unit()))).containsExactly(m1);
        assertThat(metrics.find(Map.of("id", m2.id().toString()))).containsExactly(m2);
    }

    @Test
    void findAppliesEveryEquality() {
        String creator = ContractNames.unique("creator");
        Metric cpu = new Metric(UUID.randomUUID(), "low", creator, "cpu", null, null, Metric.ACTIVE);
        Metric mem = new Metric(UUID.randomUUID(), "low", creator, "mem", null, null, Metric.ACTIVE);
        Metric cpuHigh = new Metric(UUID.randomUUID(), "high", creator, "cpu", null, null, Metric.ACTIVE);
        List.of(cpu, mem, cpuHigh).forEach(metrics::create);
        assertThat(metrics.find(Map.of("creator", creator, "name", "cpu"))).containsExactlyInAnyOrder(cpu, cpuHigh);
        assertThat(metrics.find(Map.of("creator", creator, "name", "cpu", "archive_policy_name", "high")))
            .containsExactly(cpuHigh);
        assertThat(metrics.find(Map.of("creator", creator, "name", "disk"))).isEmpty();
    }

    @Test
    void findReturnsActiveMetricsUnlessAskedForDeletedOnes() {
        String creator = ContractNames.unique("creator");
        Metric live = metric(creator, "live", null);
        Metric dead = metric(creator, "dead", null);
        metrics.create(live);
        metrics.create(dead);
        metrics.delete(dead.id());
        assertThat(metrics.find(Map.of("creator", creator))).containsExactly(live);
        assertThat(metrics.find(Map.of("creator", creator, "status", Metric.DELETED)))
            .containsExactly(new Metric(dead.id(), dead.archivePolicyName(), creator, "dead", dead.unit(), null,
                Metric.DELETED));
    }

    @Test
    void findByAMalformedIdMatchesNothing() {
        assertThat(metrics.find(Map.of("id", "not-a-uuid"))).isEmpty();
        assertThat(metrics.find(Map.of("resource_id", "42"))).isEmpty();
    }

    @Test
    void findByAnUnknownFieldIsInvalidInput() {
        assertThatThrownBy(() -> metrics.find(Map.of("colour", "red")))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ofConcurrentCreatesOfOneIdExactlyOneWins() throws Exception {
        UUID id = UUID.randomUUID();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String creator = "writer" + i;
                attempts.add(() -> {
                    try {
                        metrics.create(new Metric(id, "low", creator, null, null, null, Metric.ACTIVE));
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
            assertThat(metrics.get(id)).hasValueSatisfying(
                m -> assertThat(m.creator()).isEqualTo("writer" + outcomes.indexOf(true)));
        } finally {
            pool.shutdownNow();
        }
    }
}
