package org.polenta.storage.cassandra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
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
 * Latency of the six resource query shapes of issue 3, straight on the repository (no HTTP), over 100k
 * resources in 1,000 projects loaded into a fresh keyspace. Not a test: run by hand with
 * {@code java -cp <test classpath> org.polenta.storage.cassandra.ResourceIndexBenchmark [resources] [projects]
 * [iterations] [writers] [keyspace first]}. Prints one JSON line for the load and one per shape (p50/p99 in milliseconds, default sort,
 * pages of 100), then drops the keyspace.
 */
public final class ResourceIndexBenchmark {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_760_000_000L * SECOND;
    private static final int LIMIT = 100;
    private static final ResourceType INSTANCE = new ResourceType("instance",
        List.of(new StringAttribute("host", false, 0, 255), new StringAttribute("display_name", false, 0, 255),
            new StringAttribute("flavor_id", false, 0, 255)), ResourceTypeState.ACTIVE);
    private static final ResourceType VOLUME = new ResourceType("volume",
        List.of(new StringAttribute("display_name", false, 0, 255)), ResourceTypeState.ACTIVE);

    private ResourceIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int projects = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        // The test node is small (768 MB heap) and shared: 48 writers with six storage-attached indexes to
        // maintain drove it out of memory once; 8 keep it healthy.
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        // Resuming an interrupted load: the keyspace of that run and the first resource it did not write.
        String keyspace = args.length > 4 ? args[4] : "resource_bench_" + UUID.randomUUID().toString().substring(0, 8);
        int first = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        try (CassandraStorage storage = CassandraStorage.open(CassandraKeyspaceExtension.config(keyspace))) {
            try {
                for (ResourceType type : List.of(INSTANCE, VOLUME)) {
                    if (storage.resourceTypes().get(type.name()).isEmpty()) {
                        storage.resourceTypes().create(type);
                    }
                }
                load(storage.resources(), first, resources, projects, writers);
                measure(storage.resources(), resources, projects, iterations);
            } finally {
                CassandraKeyspaceExtension.drop(storage, keyspace);
            }
        }
        System.exit(0);
    }

    /** Resource i: 4 in 5 instances, 1 in 10 ended, hosts compute-0..499, names vm-i, project i % projects. */
    static Resource resource(int i, int projects) {
        boolean instance = i % 5 != 0;
        String project = "project-" + (i % projects);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("display_name", "vm-" + i);
        if (instance) {
            attributes.put("host", "compute-" + (i % 500));
            attributes.put("flavor_id", "m1." + (i % 3 == 0 ? "small" : "large"));
        }
        long start = T0 + i * SECOND;
        return new Resource(UUID.nameUUIDFromBytes(("r" + i).getBytes()), "r" + i, instance ? "instance" : "volume",
            "admin:service", "user-" + (i % 5_000), project, start, i % 10 == 3 ? start + 3_600 * SECOND : null,
            1, start, null, Map.of(), attributes);
    }

    private static void load(ResourceRepository repository, int first, int resources, int projects, int writers)
            throws Exception {
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            int batch = 1_000;
            List<Future<?>> futures = new ArrayList<>();
            for (int from = first; from < resources; from += batch) {
                int start = from;
                int end = Math.min(resources, from + batch);
                for (int t = 0; t < writers; t++) {
                    int lane = t;
                    futures.add(pool.submit(() -> {
                        for (int i = start + lane; i < end; i += writers) {
                            Resource r = resource(i, projects);
                            if (repository.get("generic", r.id()).isEmpty()) {
                                repository.create(r);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                futures.clear();
                if (end % 10_000 == 0) {
                    System.err.printf(Locale.ROOT, "loaded %d resources in %.0f s%n", end,
                        (System.nanoTime() - begin) / 1e9);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "{\"shape\": \"load\", \"resources\": %d, \"projects\": %d, \"seconds\": %.1f, "
            + "\"per_second\": %.0f}%n", resources, projects, seconds, (resources - first) / seconds);
    }

    private static void measure(ResourceRepository repository, int resources, int projects, int iterations) {
        Random random = new Random(7);
        shape("tenant_listing", iterations, repository, n -> plan(null, ResourceType.GENERIC,
            "project-" + random.nextInt(projects)));
        shape("type_and_ended_at_null", iterations, repository, n -> plan("ended_at = null", INSTANCE, null));
        shape("attribute_equality", iterations, repository, n -> plan("host = 'compute-" + random.nextInt(500) + "'",
            INSTANCE, null));
        shape("like", iterations, repository, n -> plan("display_name like 'vm-" + (10 + random.nextInt(90)) + "%'",
            INSTANCE, null));
        shape("admin_search_across_projects", iterations, repository, n -> {
            StringBuilder in = new StringBuilder();
            for (int p = 0; p < 10; p++) {
                in.append(p == 0 ? "" : ", ").append("'project-").append(random.nextInt(projects)).append("'");
            }
            return plan("project_id in [" + in + "] and ended_at = null", ResourceType.GENERIC, null);
        });
        pagedFullScan(repository, Math.min(iterations, resources / LIMIT - 1));
    }

    private static ResourceQueryPlan plan(String filter, ResourceType type, String tenant) {
        ResourceFilter parsed = filter == null ? new ResourceFilter.Empty() : FilterStringParser.parse(filter, "admin");
        if (tenant != null) {
            parsed = ResourcePolicyFilter.restrict(ResourcePolicyFilter.forProject(tenant, true, true), parsed);
        }
        return ResourceQueryPlanner.plan(ResourceFilterBinder.bind(parsed, type, false), type.name(), false);
    }

    private static void shape(String name, int iterations, ResourceRepository repository,
                              IntFunction<ResourceQueryPlan> plans) {
        for (int warm = 0; warm < 20; warm++) {
            repository.search(plans.apply(warm), ResourceSorting.keys(List.of(), false), LIMIT, null);
        }
        long[] nanos = new long[iterations];
        long rows = 0;
        for (int n = 0; n < iterations; n++) {
            ResourceQueryPlan plan = plans.apply(n);
            long begin = System.nanoTime();
            rows += repository.search(plan, ResourceSorting.keys(List.of(), false), LIMIT, null).size();
            nanos[n] = System.nanoTime() - begin;
        }
        report(name, nanos, rows);
    }

    /** Page after page of everything (generic, admin) with markers, each page timed. */
    private static void pagedFullScan(ResourceRepository repository, int pages) {
        ResourceQueryPlan plan = plan(null, ResourceType.GENERIC, null);
        long[] nanos = new long[pages];
        long rows = 0;
        String marker = null;
        for (int n = 0; n < pages; n++) {
            long begin = System.nanoTime();
            List<Resource> page = repository.search(plan, ResourceSorting.keys(List.of(), false), LIMIT, marker);
            nanos[n] = System.nanoTime() - begin;
            rows += page.size();
            marker = ResourceSorting.marker(page.get(page.size() - 1), false);
        }
        report("paged_full_scan", nanos, rows);
    }

    private static void report(String name, long[] nanos, long rows) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"shape\": \"%s\", \"n\": %d, \"limit\": %d, \"rows_per_query\": %.1f, "
                + "\"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f}%n", name, nanos.length, LIMIT,
            (double) rows / nanos.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
            sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
