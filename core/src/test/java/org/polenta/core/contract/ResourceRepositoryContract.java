package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.search.FilterStringParser;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourceFilterBinder;
import org.polenta.core.resource.search.ResourcePolicyFilter;
import org.polenta.core.resource.search.ResourceQueryPlan;
import org.polenta.core.resource.search.ResourceQueryPlanner;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.StringAttribute;

/**
 * What every ResourceRepository must do. Stores may be shared by all tests of a class, so each test works on its
 * own resource type name (listings are confined to it) and ids.
 */
public abstract class ResourceRepositoryContract {

    private static final long SECOND = 1_000_000_000L;
    private static final AtomicLong CLOCK = new AtomicLong(1_600_000_000L * SECOND);

    protected abstract ResourceRepository resources();

    private ResourceRepository resources;
    private ResourceType type;

    @BeforeEach
    void setUpResources() {
        resources = resources();
        type = new ResourceType(ContractNames.unique("rt").replace('-', '_'),
                List.of(new StringAttribute("host", false, 0, 255)), ResourceTypeState.ACTIVE);
    }

    private Resource resource(String creator, String projectId, String host, Long endedAt) {
        long now = CLOCK.addAndGet(SECOND);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("host", host);
        return new Resource(UUID.randomUUID(), "orig", type.name(), creator, "user", projectId, now, endedAt,
                1, now, null, Map.of(), attributes);
    }

    private Resource withUser(Resource r, String userId) {
        long now = CLOCK.addAndGet(SECOND);
        return new Resource(r.id(), r.originalResourceId(), r.type(), r.creator(), userId, r.projectId(),
                r.startedAt(), r.endedAt(), r.revision(), now, null, r.metrics(), r.attributes());
    }

    private List<Resource> search(String filter, String projectId, boolean history, List<String> sort, int limit,
                                  String marker) {
        ResourceFilter parsed = filter == null ? new ResourceFilter.Empty() : FilterStringParser.parse(filter, "admin");
        if (projectId != null) {
            parsed = ResourcePolicyFilter.restrict(ResourcePolicyFilter.forProject(projectId, true, true), parsed);
        }
        ResourceQueryPlan plan = ResourceQueryPlanner.plan(ResourceFilterBinder.bind(parsed, type, history), type.name(), history);
        return resources.search(plan, ResourceSorting.keys(sort, history), limit, marker);
    }

    @Test
    void aCreatedResourceComesBackEqualUnderItsTypeAndGeneric() {
        Resource r = resource("u:p", "p", "h1", null);
        resources.create(r);
        assertThat(resources.get(type.name(), r.id())).contains(r);
        assertThat(resources.get("generic", r.id())).contains(r);
        assertThat(resources.get("other_type", r.id())).isEmpty();
        assertThat(resources.get(type.name(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void creatingAnIdTwiceFailsAndKeepsTheFirst() {
        Resource r = resource("u:p", "p", "h1", null);
        resources.create(r);
        Resource impostor = new Resource(r.id(), "x", type.name(), "m:q", null, null, 0, null, 1, 0, null, Map.of(), Map.of());
        assertThatThrownBy(() -> resources.create(impostor))
                .isInstanceOf(AlreadyExistsException.class).hasMessage("Resource " + r.id() + " already exists");
        assertThat(resources.get(type.name(), r.id())).contains(r);
    }

    @Test
    void anUpdateWithANewRevisionKeepsTheOldVersionInHistory() {
        Resource first = resource("u:p", "p", "h1", null);
        resources.create(first);
        Resource next = withUser(first, "other");
        Resource stored = resources.update(first, next, true);
        assertThat(stored.revision()).isGreaterThan(first.revision());
        assertThat(stored.userId()).isEqualTo("other");
        List<Resource> history = resources.history(first.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).userId()).isEqualTo("user");
        assertThat(history.get(0).revisionEnd()).isEqualTo(next.revisionStart());
        assertThat(history.get(1)).isEqualTo(stored);
        assertThat(resources.get(type.name(), first.id())).contains(stored);
    }

    @Test
    void anUpdateWithoutNewRevisionChangesInPlace() {
        Resource first = resource("u:p", "p", "h1", null);
        resources.create(first);
        UUID metric = UUID.randomUUID();
        Resource stored = resources.update(first, first.withMetrics(Map.of("cpu", metric)), false);
        assertThat(stored.metrics()).containsEntry("cpu", metric);
        assertThat(stored.revision()).isEqualTo(first.revision());
        assertThat(stored.revisionStart()).isEqualTo(first.revisionStart());
        assertThat(resources.history(first.id())).containsExactly(stored);
    }

    @Test
    void aStaleUpdateIsRefusedAndLosesNothing() {
        Resource first = resource("u:p", "p", "h1", null);
        resources.create(first);
        Resource winner = resources.update(first, withUser(first, "a"), true);
        assertThatThrownBy(() -> resources.update(first, withUser(first, "b"), true))
                .isInstanceOf(ResourceRevisionConflictException.class);
        assertThat(resources.get(type.name(), first.id())).contains(winner);
        assertThat(resources.history(first.id())).hasSize(2);
    }

    @Test
    void concurrentUpdatesNeverLoseARevision() throws Exception {
        Resource first = resource("u:p", "p", "h1", null);
        resources.create(first);
        int writers = 6;
        int updatesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < updatesEach; i++) {
                        while (true) {
                            Resource current = resources.get(type.name(), first.id()).orElseThrow();
                            try {
                                resources.update(current, withUser(current, writer + "-" + i), true);
                                break;
                            } catch (ResourceRevisionConflictException retry) {
                                Thread.onSpinWait();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Resource> history = resources.history(first.id());
        assertThat(history).hasSize(1 + writers * updatesEach);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).revision()).isGreaterThan(history.get(i - 1).revision());
            assertThat(history.get(i - 1).revisionEnd()).isNotNull();
        }
        assertThat(history.stream().map(Resource::userId).filter(u -> !u.equals("user")).distinct())
                .hasSize(writers * updatesEach);
        assertThat(history.get(history.size() - 1).revisionEnd()).isNull();
    }

    @Test
    void deleteRemovesEveryVersionAndCannotBeRepeated() {
        Resource r = resource("u:p", "p", "h1", null);
        resources.create(r);
        resources.update(r, withUser(r, "x"), true);
        resources.delete(r.id());
        assertThat(resources.get(type.name(), r.id())).isEmpty();
        assertThat(resources.history(r.id())).isEmpty();
        assertThatThrownBy(() -> resources.delete(r.id()))
                .isInstanceOf(NoSuchEntityException.class).hasMessage("Resource " + r.id() + " does not exist");
    }

    @Test
    void aTenantSeesItsProjectAndWhatItsProjectCreated() {
        Resource own = resource("u:other", "tenant", "h1", null);
        Resource createdByTenant = resource("u:tenant", "elsewhere", "h2", null);
        Resource foreign = resource("u:other", "other", "h3", null);
        List.of(own, createdByTenant, foreign).forEach(resources::create);
        assertThat(search(null, "tenant", false, List.of(), 100, null)).containsExactly(own, createdByTenant);
        assertThat(search(null, null, false, List.of(), 100, null)).containsExactly(own, createdByTenant, foreign);
    }

    @Test
    void filtersOnEndedAtAttributesAndLike() {
        Resource running = resource("u:p", "p", "compute-1", null);
        Resource ended = resource("u:p", "p", "compute-2", 1_700_000_000L * SECOND);
        Resource other = resource("u:p", "p", "storage-1", null);
        List.of(running, ended, other).forEach(resources::create);
        assertThat(search("ended_at = null", null, false, List.of(), 100, null)).containsExactly(running, other);
        assertThat(search("host = 'compute-2'", null, false, List.of(), 100, null)).containsExactly(ended);
        assertThat(search("host like 'compute%'", null, false, List.of(), 100, null)).containsExactly(running, ended);
        assertThat(search("not host like 'compute%' or ended_at != null", null, false, List.of(), 100, null))
                .containsExactly(ended, other);
    }

    @Test
    void pagesFollowTheSortAndTheMarker() {
        List<Resource> created = new ArrayList<>();
        for (String host : List.of("c", "a", "d", "b", "e")) {
            Resource r = resource("u:p", "p", host, null);
            resources.create(r);
            created.add(r);
        }
        List<Resource> firstPage = search(null, null, false, List.of("host:desc"), 2, null);
        assertThat(firstPage).extracting(r -> r.attributes().get("host")).containsExactly("e", "d");
        List<Resource> secondPage = search(null, null, false, List.of("host:desc"), 2,
                ResourceSorting.marker(firstPage.get(1), false));
        assertThat(secondPage).extracting(r -> r.attributes().get("host")).containsExactly("c", "b");
        // The default order is revision_start then started_at: creation order here.
        assertThat(search(null, null, false, List.of(), 10, null)).containsExactlyElementsOf(created);
    }

    @Test
    void historySearchListsEveryVersionWithIdAtRevisionMarkers() {
        Resource r = resource("u:p", "p", "h", null);
        resources.create(r);
        Resource second = resources.update(r, withUser(r, "v2"), true);
        resources.update(second, withUser(second, "v3"), true);
        List<Resource> page = search(null, null, true, List.of(), 2, null);
        assertThat(page).extracting(Resource::userId).containsExactly("user", "v2");
        List<Resource> rest = search(null, null, true, List.of(), 2, ResourceSorting.marker(page.get(1), true));
        assertThat(rest).extracting(Resource::userId).containsExactly("v3");
        assertThat(search("revision_end = null", null, true, List.of(), 10, null)).extracting(Resource::userId)
                .containsExactly("v3");
    }

    @Test
    void anUnknownMarkerIsRefused() {
        resources.create(resource("u:p", "p", "h", null));
        String marker = UUID.randomUUID().toString();
        assertThatThrownBy(() -> search(null, null, false, List.of(), 10, marker))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid pagination: `Invalid marker: `" + marker + "''");
    }
}
