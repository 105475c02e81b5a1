package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.polenta.core.resource.type.BoolAttribute;
import org.polenta.core.resource.type.DatetimeAttribute;
import org.polenta.core.resource.type.NumberAttribute;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.resource.type.UuidAttribute;
import org.polenta.core.testing.InMemoryResourceRepository;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * The Cassandra index against its in-memory twin: the same resources (with ties in the default order, updates,
 * in-place changes, lost races), then every page of many searches must be the same in both. Pages are small,
 * so markers, bucket/shard merges and both execution paths (streamed default order, sorted in memory) are used.
 */
class CassandraResourceIndexIT {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("resource");

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final ResourceType TYPE = new ResourceType("instance_" + UUID.randomUUID().toString().substring(0, 8),
        List.of(new StringAttribute("host", false, 0, 255), new NumberAttribute("vcpus", false, null, null),
            new BoolAttribute("pinned", false), new UuidAttribute("image", false),
            new DatetimeAttribute("booted", false)), ResourceTypeState.ACTIVE);
    private static final String OTHER_TYPE = TYPE.name() + "_volume";
    private static final InMemoryResourceRepository TWIN = new InMemoryResourceRepository();
    private static final List<Resource> CREATED = new ArrayList<>();
    private static final UUID IMAGE = UUID.fromString("0b4b5c4e-58f3-4d5b-9d7e-6c1d5e3c2a10");

    private static ResourceRepository index() {
        return KEYSPACE.storage().resources();
    }

    @BeforeAll
    static void loadTheSameResourcesIntoBoth() {
        Random random = new Random(42);
        for (int i = 0; i < 220; i++) {
            Resource r = randomResource(random, i);
            index().create(r);
            TWIN.create(r);
            CREATED.add(r);
        }
        // New revisions (moving between projects, buckets and keys) and in-place metric changes.
        for (int i = 0; i < 220; i += 3) {
            Resource current = index().get("generic", CREATED.get(i).id()).orElseThrow();
            Resource next = randomResource(random, i);
            next = new Resource(current.id(), current.originalResourceId(), current.type(), next.creator(),
                next.userId(), next.projectId(), current.startedAt(), next.endedAt(), current.revision(),
                current.revisionStart() + (i % 2 == 0 ? 40 * DAY : SECOND), null, current.metrics(),
                next.attributes());
            assertThat(index().update(current, next, true)).isEqualTo(TWIN.update(current, next, true));
        }
        for (int i = 1; i < 220; i += 7) {
            Resource current = index().get("generic", CREATED.get(i).id()).orElseThrow();
            Resource next = current.withMetrics(Map.of("cpu", UUID.randomUUID()));
            assertThat(index().update(current, next, false)).isEqualTo(TWIN.update(current, next, false));
        }
    }

    private static Resource randomResource(Random random, int i) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String type = i % 5 == 4 ? OTHER_TYPE : TYPE.name();
        if (type.equals(TYPE.name())) {
            attributes.put("host", random.nextInt(6) == 0 ? null : "h" + random.nextInt(8) + (i % 2 == 0 ? "x" : ""));
            attributes.put("vcpus", random.nextInt(4) == 0 ? null : (double) (1 + random.nextInt(8)));
            attributes.put("pinned", random.nextBoolean());
            attributes.put("image", random.nextBoolean() ? IMAGE : null);
            attributes.put("booted", T0 + random.nextInt(3) * DAY);
        }
        String project = random.nextInt(10) == 0 ? null : "p" + random.nextInt(5);
        String creator = switch (random.nextInt(3)) {
            case 0 -> "admin";
            case 1 -> "u" + random.nextInt(3) + ":p" + random.nextInt(5);
            default -> "svc:" + project;
        };
        // Few distinct times: many ties on revision_start and started_at, broken by the id.
        long start = T0 + random.nextInt(4) * DAY;
        long revisionStart = T0 + random.nextInt(3) * 20 * DAY + random.nextInt(2) * SECOND;
        Long ended = random.nextInt(3) == 0 ? start + DAY : null;
        return new Resource(UUID.randomUUID(), "r" + i, type, creator, random.nextBoolean() ? "u" + random.nextInt(3) : null,
            project, start, ended, 1, revisionStart, null, Map.of(), attributes);
    }

    static Stream<Arguments> searches() {
        List<String> filters = new ArrayList<>(List.of("", "host = 'h3x'", "host like 'h%x'", "ended_at = null",
            "ended_at != null", "vcpus >= 4", "vcpus = 2", "user_id = 'u1'", "started_at >= '2023-11-15T22:13:20'",
            "started_at < '2023-11-16T22:13:20'", "project_id = 'p1' or user_id = 'u2'", "creator = 'admin'",
            "pinned = true", "image = '" + IMAGE + "'", "not host = 'h2'", "host in ['h1', 'h2x', 'h5']",
            "revision_start >= '2023-12-04T22:13:20'", "booted > '2023-11-15T22:13:20'",
            "lifespan > 3600 or project_id = null", "id = '" + CREATED.get(3).id() + "'", "host like 'h3%'",
            "host like 'h_x'", "host like 'h3x%' or vcpus = 2", "host like 'h9%'"));
        List<Arguments> arguments = new ArrayList<>();
        for (String filter : filters) {
            for (List<String> sort : List.of(List.<String>of(), List.of("host:desc"),
                    List.of("started_at:asc", "user_id:desc-nullslast"))) {
                for (String tenant : new String[] {null, "p1"}) {
                    for (String type : List.of(TYPE.name(), "generic")) {
                        if (type.equals("generic") && (filter.contains("host") || filter.contains("vcpus")
                                || filter.contains("pinned") || filter.contains("image") || filter.contains("booted")
                                || sort.contains("host:desc"))) {
                            continue;
                        }
                        arguments.add(Arguments.of(filter, sort, tenant, type));
                    }
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "[{index}] {3} {0} sort={1} tenant={2}")
    @MethodSource("searches")
    void everyPageMatchesTheTwin(String filter, List<String> sort, String tenant, String type) {
        ResourceType listed = type.equals("generic") ? ResourceType.GENERIC : TYPE;
        ResourceQueryPlan plan = plan(filter, tenant, listed, false);
        List<Resource> fromIndex = allPages(index(), plan, sort, false, 7);
        List<Resource> fromTwin = allPages(TWIN, plan, sort, false, 7);
        assertThat(fromIndex).as("pages of 7").isEqualTo(fromTwin);
        // Gnocchi's marker criteria skip sort keys whose marker value is NULL, so small pages may skip rows:
        // one large page is compared on its own.
        assertThat(allPages(index(), plan, sort, false, 1000)).as("one page")
            .isEqualTo(allPages(TWIN, plan, sort, false, 1000));
    }

    @ParameterizedTest(name = "[{index}] history {0}")
    @MethodSource("historySearches")
    void historyPagesMatchTheTwin(String filter, List<String> sort) {
        ResourceQueryPlan plan = plan(filter, null, TYPE, true);
        List<String> fromIndex = allPages(index(), plan, sort, true, 9).stream().map(Resource::historyMarker).toList();
        List<String> fromTwin = allPages(TWIN, plan, sort, true, 9).stream().map(Resource::historyMarker).toList();
        assertThat(fromIndex).isEqualTo(fromTwin).isNotEmpty();
    }

    static Stream<Arguments> historySearches() {
        return Stream.of(Arguments.of("", List.of()), Arguments.of("revision_end != null", List.of()),
            Arguments.of("host like 'h%x'", List.of("revision_start:desc")),
            Arguments.of("id = '" + CREATED.get(3).id() + "'", List.of()));
    }

    @Test
    void aLosersCopiesAreNeverListedAndAreCleanedUpByReaders() {
        Resource r = CREATED.get(10);
        Resource current = index().get("generic", r.id()).orElseThrow();
        Resource winner = new Resource(current.id(), current.originalResourceId(), current.type(), current.creator(),
            "winner", "p_race", current.startedAt(), current.endedAt(), current.revision(),
            current.revisionStart() + 5 * SECOND, null, current.metrics(), current.attributes());
        Resource loser = new Resource(current.id(), current.originalResourceId(), current.type(), current.creator(),
            "loser", "p_race", current.startedAt(), current.endedAt(), current.revision(),
            current.revisionStart() + 7 * SECOND, null, current.metrics(), current.attributes());
        Resource stored = index().update(current, winner, true);
        assertThatThrownBy(() -> index().update(current, loser, true))
            .isInstanceOf(ResourceRevisionConflictException.class);
        TWIN.update(current, winner, true);

        ResourceQueryPlan plan = plan("", "p_race", TYPE, false);
        assertThat(index().search(plan, ResourceSorting.keys(List.of(), false), 10, null)).containsExactly(stored);
        // The loser's copy (revision = the current one, elsewhere) was seen by that read, which deletes it without
        // waiting for the delete: it is gone shortly after.
        assertThat(eventually(() -> byProjectRevisions("p_race"), List.of(stored.revision())))
            .containsExactly(stored.revision());
        assertThat(index().history(r.id())).extracting(Resource::userId).last().isEqualTo("winner");
    }

    @Test
    void aNewValueReplacesTheOldOneInTheTextCopy() {
        Resource current = index().get("generic", CREATED.get(0).id()).orElseThrow();
        Map<String, Object> attributes = new LinkedHashMap<>(current.attributes());
        attributes.put("host", "renamed-" + current.id());
        Resource next = new Resource(current.id(), current.originalResourceId(), current.type(), current.creator(),
            current.userId(), current.projectId(), current.startedAt(), current.endedAt(), current.revision(),
            current.revisionStart() + SECOND, null, current.metrics(), attributes);
        assertThat(index().update(current, next, true)).isEqualTo(TWIN.update(current, next, true));

        assertThat(textRowsOf(current.id())).containsExactly("renamed-" + current.id());
        ResourceQueryPlan plan = plan("host like 'renamed-%'", null, TYPE, false);
        assertThat(allPages(index(), plan, List.of(), false, 10)).extracting(Resource::id).containsExactly(current.id());
    }

    @Test
    void resourcesWrittenBeforeTheTextCopyExistedAreCopiedAtStartUp() {
        ResourceQueryPlan plan = plan("host like 'h1%'", null, TYPE, false);
        List<Resource> expected = allPages(TWIN, plan, List.of(), false, 1000);
        assertThat(expected).hasSizeGreaterThan(3);
        // As a keyspace from before schema version 8 is: no text rows for these, and no completion mark.
        CqlScript inspection = CqlScript.load("queries/resource_inspection.cql",
            Map.of("keyspace", KEYSPACE.storage().keyspace()));
        for (Resource r : expected.subList(0, 3)) {
            KEYSPACE.storage().session().execute(inspection.statement("deleteTextRow"), r.type(), "host",
                Math.floorMod(r.id().hashCode(), 16), r.attributes().get("host"), r.revisionStart(), r.startedAt(),
                r.id().toString());
        }
        KEYSPACE.storage().session().execute(inspection.statement("forgetCopyComplete"), "resources_by_text");
        assertThat(allPages(index(), plan, List.of(), false, 1000)).hasSize(expected.size() - 3);

        try (CassandraStorage restarted = CassandraStorage.open(KEYSPACE.config())) {
            assertThat(allPages(restarted.resources(), plan, List.of(), false, 1000)).isEqualTo(expected);
        }
        assertThat(allPages(index(), plan, List.of(), false, 1000)).isEqualTo(expected);
    }

    private List<String> textRowsOf(UUID id) {
        String cql = CqlScript.load("queries/resource_inspection.cql", Map.of("keyspace", KEYSPACE.storage().keyspace()))
            .statement("textRowsOf");
        List<String> values = new ArrayList<>();
        for (Row row : KEYSPACE.storage().session().execute(cql, TYPE.name(), "host", Math.floorMod(id.hashCode(), 16))) {
            if (row.getString("id").equals(id.toString())) {
                values.add(row.getString("value"));
            }
        }
        return values;
    }

    /** The supplier's value once it equals {@code expected}, or its last value after 10 s. */
    private static <T> T eventually(java.util.function.Supplier<T> supplier, T expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = supplier.get();
        while (!value.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = supplier.get();
        }
        return value;
    }

    private List<Long> byProjectRevisions(String project) {
        String cql = CqlScript.load("queries/resource_inspection.cql", Map.of("keyspace", KEYSPACE.storage().keyspace()))
            .statement("byProjectRowsOf");
        List<Long> revisions = new ArrayList<>();
        for (Row row : KEYSPACE.storage().session().execute(cql, "p:" + project)) {
            revisions.add(row.getLong("revision"));
        }
        return revisions;
    }

    private static ResourceQueryPlan plan(String filter, String tenant, ResourceType listed, boolean history) {
        ResourceFilter parsed = filter.isEmpty() ? new ResourceFilter.Empty() : FilterStringParser.parse(filter, "admin");
        if (tenant != null) {
            parsed = ResourcePolicyFilter.restrict(ResourcePolicyFilter.forProject(tenant, true, true), parsed);
        }
        return ResourceQueryPlanner.plan(ResourceFilterBinder.bind(parsed, listed, history), listed.name(), history);
    }

    private static List<Resource> allPages(ResourceRepository repository, ResourceQueryPlan plan, List<String> sort,
                                           boolean history, int limit) {
        List<Resource> all = new ArrayList<>();
        String marker = null;
        while (true) {
            List<Resource> page = repository.search(plan, ResourceSorting.keys(sort, history), limit, marker);
            all.addAll(page);
            if (page.size() < limit || all.size() > 2000) {
                return all;
            }
            marker = ResourceSorting.marker(page.get(page.size() - 1), history);
        }
    }
}
