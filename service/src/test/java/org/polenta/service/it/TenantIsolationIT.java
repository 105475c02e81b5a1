package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.Http.ok;
import static org.polenta.service.it.TenantIsolationIT.Who.ADMIN;
import static org.polenta.service.it.TenantIsolationIT.Who.INVALID_TOKEN;
import static org.polenta.service.it.TenantIsolationIT.Who.NO_TOKEN;
import static org.polenta.service.it.TenantIsolationIT.Who.OTHER_PROJECT;
import static org.polenta.service.it.TenantIsolationIT.Who.OWNER;
import static org.polenta.service.it.TenantIsolationIT.Who.REVOKED_TOKEN;
import static org.polenta.service.it.TenantIsolationIT.Who.SERVICE;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.service.PolentaConfiguration;
import org.polenta.service.auth.keystone.KeystoneTestClient;
import org.polenta.service.auth.keystone.LocalKeystone;

/**
 * The tenant isolation matrix: every endpoint, asked by seven identities holding real Keystone tokens, answers
 * the status Gnocchi's policy.yaml and rest/api.py give, and never shows one project another project's ids.
 *
 * <p>Each row is one request about the objects of project A (made by alice, a member of A). The placeholders in
 * its path and body are filled per identity: {metric} and {resource} are A's long-lived metric and resource;
 * {fresh_*} is an object made for this one request (so that a DELETE or PATCH one identity is allowed does not
 * change what the next one sees); {value} is the measure value the identity writes (666 where the row expects
 * a refusal), {new} a never-used name; {svc_resource} and {svc_metric} are a resource of A that the service
 * user made, as Ceilometer does.
 *
 * <p>On top of the statuses, every answer is searched for the ids of the projects the caller is not in, and any
 * fresh object a foreign caller aimed at must read the same afterwards as before; the last test checks that
 * no value a refused request sent (666) reached any metric, that no name a refused request asked for exists
 * anywhere, and that each resource was changed by its writers only.
 */
@ExtendWith({LocalKeystone.class, DropwizardExtensionsSupport.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(TenantIsolationIT.class, LocalKeystone.keystoneMode(
            // A revoked token must be refused once this has passed; kept short so that the test need not wait.
            ConfigOverride.config("auth.keystone.cacheTtl", "1 second"),
            // Listings in one page, so that a leaked id cannot hide on a page the test does not read.
            ConfigOverride.config("api.maxLimit", "10000")));

    /** The seven callers, in the order the expectations list them. */
    enum Who { OWNER, OTHER_PROJECT, ADMIN, SERVICE, NO_TOKEN, INVALID_TOKEN, REVOKED_TOKEN }

    private static final String FOREIGN_VALUE = "666";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The names of things that refused requests asked to create. */
    private static final Set<String> REFUSED_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Map<Who, Http> CLIENTS = new EnumMap<>(Who.class);
    /** Every id the test made, and the projects whose members may see it; nobody else may. */
    private static final Map<String, Set<String>> VISIBLE_TO = new java.util.concurrent.ConcurrentHashMap<>();
    private static String projectA;
    private static String projectB;
    private static String projectService;
    private static String metricA;
    private static String metricB;
    private static String resourceA;
    private static String serviceResource;
    private static String serviceMetric;

    // ---------------------------------------------------------------------------------------------------------
    // The matrix. Columns: OWNER, OTHER_PROJECT, ADMIN, SERVICE, NO_TOKEN, INVALID_TOKEN, REVOKED_TOKEN.
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Row> matrix() {
        String measures = "[{\"timestamp\": \"2026-11-26T10:00:00\", \"value\": {value}}]";
        String day = "start=2026-11-26T00:00:00&stop=2026-11-27T00:00:00";
        return Stream.of(
                // No credentials needed, as in Gnocchi: the versions document and the health check.
                row("GET", "/", null, open(200)),
                row("GET", "/healthcheck", null, open(200)),
                // Under /v1 keystonemiddleware asks for a token everywhere, index and capabilities included.
                row("GET", "/v1", null, everyone(200)),
                row("GET", "/v1/capabilities", null, everyone(200)),
                row("GET", "/v1/status", null, adminOnly(200)),
                // oslo.middleware's CORS wraps keystonemiddleware: a preflight needs no token.
                row("OPTIONS", "/v1/metric", null, open(200)),
                // The token before anything else: a body without a Content-Type, a path that does not exist.
                row("POST", "/v1/metric", null, everyone(415)),
                row("GET", "/v1/nowhere", null, everyone(404)),

                row("GET", "/v1/archive_policy", null, everyone(200)),
                row("GET", "/v1/archive_policy/iso", null, everyone(200)),
                row("POST", "/v1/archive_policy", "{\"name\": \"{new}\", \"definition\": [{\"granularity\": \"1s\"}]}",
                        adminOnly(201)),
                row("PATCH", "/v1/archive_policy/{fresh_policy}",
                        "{\"definition\": [{\"granularity\": \"1s\", \"timespan\": \"1 hour\"}]}", adminOnly(200)),
                row("DELETE", "/v1/archive_policy/{fresh_policy}", null, adminOnly(204)),

                row("GET", "/v1/archive_policy_rule", null, everyone(200)),
                row("GET", "/v1/archive_policy_rule/iso-rule", null, everyone(200)),
                row("POST", "/v1/archive_policy_rule",
                        "{\"name\": \"{new}\", \"metric_pattern\": \"{new}.*\", \"archive_policy_name\": \"iso\"}",
                        adminOnly(201)),
                row("PATCH", "/v1/archive_policy_rule/{fresh_rule}", "{\"name\": \"{new}\"}", adminOnly(200)),
                row("DELETE", "/v1/archive_policy_rule/{fresh_rule}", null, adminOnly(204)),

                row("GET", "/v1/metric", null, everyone(200)),
                row("GET", "/v1/metric?details=true", null, everyone(200)),
                row("GET", "/v1/metric?resource_id={resource}", null, everyone(200)),
                row("POST", "/v1/metric", "{\"archive_policy_name\": \"iso\"}", everyone(201)),
                row("GET", "/v1/metric/{metric}", null, ownerOrAdmin(200)),
                row("DELETE", "/v1/metric/{fresh_metric}", null, ownerOrAdmin(204)),
                row("POST", "/v1/metric/{metric}/measures", measures, ownerOrAdmin(202)),
                row("GET", "/v1/metric/{metric}/measures", null, ownerOrAdmin(200)),
                row("POST", "/v1/batch/metrics/measures", "{\"{metric}\": " + measures + "}", ownerOrAdmin(202)),
                // One foreign metric among one's own is enough for a 403, and nothing is written to either.
                row("POST", "/v1/batch/metrics/measures", "{\"{metric}\": " + measures + ", \"{metric_b}\": "
                        + measures + "}", adminOnly(202)),
                row("POST", "/v1/batch/resources/metrics/measures",
                        "{\"{resource}\": {\"cpu\": " + measures + "}}", ownerOrAdmin(202)),

                // Creating metrics on someone else's resource is updating it: refused (Gnocchi 4.4 lets it through).
                row("POST", "/v1/batch/resources/metrics/measures?create_metrics=true", "{\"{resource}\": "
                        + "{\"{new}\": {\"archive_policy_name\": \"iso\", \"measures\": " + measures + "}}}",
                        ownerOrAdmin(202)),

                row("GET", "/v1/aggregation/metric?metric={metric}", null, ownerOrAdmin(200)),
                row("POST", "/v1/aggregation/metric", "[\"{metric}\"]", ownerOrAdmin(200)),
                // Over resources: the search sees only what the caller may list, so other projects find no
                // resource, hence no metric: Gnocchi 4.4's 400 "Metrics not found", not a 403 that would confirm
                // the resource exists. The by-resource aggregation of nothing is an empty list.
                row("POST", "/v1/aggregates?groupby=id&groupby=project_id&" + day, "{\"resource_type\": \"generic\", "
                        + "\"search\": {\"=\": {\"id\": \"{resource}\"}}, "
                        + "\"operations\": \"(aggregate mean (metric cpu mean))\"}",
                        expect(200, 400, 200, 400, 401, 401, 401)),
                row("POST", "/v1/aggregation/resource/generic/metric/cpu?groupby=project_id&" + day,
                        "{\"=\": {\"id\": \"{resource}\"}}", everyone(200)),
                row("POST", "/v1/aggregates", "{\"operations\": [\"metric\", \"{metric}\", \"mean\"]}",
                        ownerOrAdmin(200)),
                row("POST", "/v1/aggregates", "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", \"{metric}\", "
                        + "\"mean\"], [\"metric\", \"{metric_b}\", \"mean\"]]}", adminOnly(200)),
                row("POST", "/v1/search/metric?metric_id={metric}", "{\"=\": 1}", ownerOrAdmin(200)),
                row("POST", "/v1/search/metric?metric_id={metric}&metric_id={metric_b}", "{\"=\": 1}", adminOnly(200)),

                row("GET", "/v1/resource_type", null, everyone(200)),
                row("GET", "/v1/resource_type/generic", null, everyone(200)),
                row("POST", "/v1/resource_type", "{\"name\": \"{new}\"}", adminOnly(201)),
                row("PATCH", "/v1/resource_type/{fresh_type}",
                        "[{\"op\": \"add\", \"path\": \"/attributes/color\", \"value\": {\"type\": \"string\", "
                                + "\"required\": false}}]", adminOnly(200)),
                row("DELETE", "/v1/resource_type/{fresh_type}", null, adminOnly(204)),

                row("GET", "/v1/resource", null, everyone(200)),
                row("GET", "/v1/resource/generic", null, everyone(200)),
                row("GET", "/v1/resource/generic?details=true&history=true", null, everyone(200)),
                row("POST", "/v1/resource/generic", "{\"id\": \"{new_uuid}\"}", everyone(201)),
                row("GET", "/v1/resource/generic/{resource}", null, ownerOrAdmin(200)),
                row("PATCH", "/v1/resource/generic/{resource}", "{\"user_id\": \"written-by-{who}\"}",
                        ownerOrAdmin(200)),
                row("DELETE", "/v1/resource/generic/{fresh_resource}", null, ownerOrAdmin(204)),
                // A foreign caller's filter matches none of A's resources: 200 and nothing deleted.
                row("DELETE", "/v1/resource/generic", "{\"=\": {\"id\": \"{fresh_resource}\"}}", everyone(200)),
                row("GET", "/v1/resource/generic/{resource}/history", null, ownerOrAdmin(200)),
                row("POST", "/v1/search/resource/generic", "{}", everyone(200)),
                row("POST", "/v1/search/resource/generic?history=true&details=true", "{}", everyone(200)),
                row("POST", "/v1/search/resource/generic", "{\"=\": {\"project_id\": \"{project_a}\"}}",
                        everyone(200)),
                // Gnocchi serves search by POST only; the token is checked first all the same.
                row("GET", "/v1/search/resource/generic", null, everyone(405)),

                // Ceilometer's way: the service user made this resource of project A. A's members read it (the
                // resource and metric are the project's), but only its creator and the admin change it.
                row("GET", "/v1/resource/generic/{svc_resource}", null, projectOrCreator(200)),
                row("PATCH", "/v1/resource/generic/{svc_resource}", "{\"user_id\": \"written-by-{who}\"}",
                        creatorOrAdmin(200)),
                row("DELETE", "/v1/resource/generic/{fresh_svc_resource}", null, creatorOrAdmin(204)),
                row("GET", "/v1/metric/{svc_metric}", null, projectOrCreator(200)),
                row("GET", "/v1/metric/{svc_metric}/measures", null, projectOrCreator(200)),
                row("POST", "/v1/metric/{svc_metric}/measures", measures, creatorOrAdmin(202)),
                row("GET", "/v1/resource/generic/{svc_resource}/metric/cpu/measures", null, projectOrCreator(200)),
                // Gnocchi checks these against the metric without its resource (list_metrics without details), so
                // "metric_owner" cannot match there: A's members get a 403, the creator does not.
                row("GET", "/v1/aggregation/metric?metric={svc_metric}", null, creatorOrAdmin(200)),
                row("POST", "/v1/aggregates", "{\"operations\": [\"metric\", \"{svc_metric}\", \"mean\"]}",
                        creatorOrAdmin(200)),
                row("POST", "/v1/search/metric?metric_id={svc_metric}", "{\"=\": 1}", creatorOrAdmin(200)),

                // Polenta's own usage report: a member gets its project's lines only, and no other project's.
                row("GET", "/v1/usage?" + day, null, everyone(200)),
                row("GET", "/v1/usage?project_id={project_a}&" + day, null, ownerOrAdmin(200)),
                row("GET", "/v1/usage?format=csv&" + day, null, everyone(200)),

                row("GET", "/v1/resource/generic/{resource}/metric", null, ownerOrAdmin(200)),
                row("POST", "/v1/resource/generic/{resource}/metric",
                        "{\"{new}\": {\"archive_policy_name\": \"iso\"}}", ownerOrAdmin(200)),
                row("GET", "/v1/resource/generic/{resource}/metric/cpu", null, ownerOrAdmin(200)),
                row("DELETE", "/v1/resource/generic/{fresh_resource}/metric/cpu", null, ownerOrAdmin(204)),
                row("POST", "/v1/resource/generic/{resource}/metric/cpu/measures", measures, ownerOrAdmin(202)),
                row("GET", "/v1/resource/generic/{resource}/metric/cpu/measures", null, ownerOrAdmin(200)));
    }

    // ---------------------------------------------------------------------------------------------------------

    @BeforeAll
    static void projectsUsersAndTheirObjects() throws InterruptedException {
        KeystoneTestClient keystone = KeystoneTestClient.fromEnv();
        projectA = LocalKeystone.get("KEYSTONE_PROJECT_A_ID");
        projectB = LocalKeystone.get("KEYSTONE_PROJECT_B_ID");
        projectService = LocalKeystone.get("KEYSTONE_SERVICE_PROJECT_ID");
        Http anonymous = new Http(PolentaServer.baseUrl(APP)).without("Authorization");
        CLIENTS.put(OWNER, anonymous.with("X-Auth-Token", keystone.aliceToken()));
        CLIENTS.put(OTHER_PROJECT, anonymous.with("X-Auth-Token", keystone.bobToken()));
        CLIENTS.put(ADMIN, anonymous.with("X-Auth-Token", keystone.adminToken()));
        CLIENTS.put(SERVICE, anonymous.with("X-Auth-Token", keystone.serviceToken()));
        CLIENTS.put(NO_TOKEN, anonymous);
        CLIENTS.put(INVALID_TOKEN, anonymous.with("X-Auth-Token", "gAAAAABnot-a-real-fernet-token"));

        // A token that worked (and so sits in the cache), then was revoked: refused once the cache TTL is over.
        String revoked = keystone.aliceToken();
        Http revokedClient = anonymous.with("X-Auth-Token", revoked);
        assertThat(revokedClient.get("/v1/metric").status()).isEqualTo(200);
        keystone.revoke(revoked);
        CLIENTS.put(REVOKED_TOKEN, revokedClient);

        Http admin = CLIENTS.get(ADMIN);
        created(admin.post("/v1/archive_policy", "{\"name\": \"iso\", \"definition\": [{\"granularity\": \"1s\"}]}"));
        created(admin.post("/v1/archive_policy_rule",
                "{\"name\": \"iso-rule\", \"metric_pattern\": \"iso.*\", \"archive_policy_name\": \"iso\"}"));

        // What each project owns: a metric of its own and a resource with a named metric. Project A also has one
        // the service user made for it, as Ceilometer does: A's members read it, only its creator writes it.
        VISIBLE_TO.put(projectA, Set.of(projectA, projectService));
        VISIBLE_TO.put(projectB, Set.of(projectB));
        VISIBLE_TO.put(projectService, Set.of(projectService, projectA));
        metricA = ownedMetric(OWNER);
        resourceA = ownedResource(OWNER, projectA);
        metricB = ownedMetric(OTHER_PROJECT);
        ownedResource(OTHER_PROJECT, projectB);
        ownedMetric(SERVICE);
        serviceResource = ownedResource(SERVICE, projectA);
        serviceMetric = ok(CLIENTS.get(SERVICE).get("/v1/resource/generic/" + serviceResource)).at("/metrics/cpu")
                .asText();
        CLIENTS.get(OWNER).post("/v1/metric/" + metricA + "/measures",
                "[{\"timestamp\": \"2026-11-26T09:00:00\", \"value\": 1}]");
        CLIENTS.get(OTHER_PROJECT).post("/v1/metric/" + metricB + "/measures",
                "[{\"timestamp\": \"2026-11-26T09:00:00\", \"value\": 2}]");
        Thread.sleep(1500); // past the cache TTL: the revoked token is asked about again
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @Order(1)
    void everyIdentityGetsGnocchisAnswerAndNothingForeign(Row row) {
        Map<Who, Integer> actual = new EnumMap<>(Who.class);
        List<String> problems = new ArrayList<>();
        for (Who who : Who.values()) {
            Request request = row.resolve(who);
            Http.Reply reply = CLIENTS.get(who).send(row.method, request.path, request.body,
                    request.body == null ? null : row.method.equals("PATCH") && request.path.contains("resource_type")
                            ? "application/json-patch+json" : "application/json");
            actual.put(who, reply.status());
            for (String foreign : foreignIds(who)) {
                if (reply.body().contains(foreign) && !request.names(foreign)) {
                    problems.add(who + " saw " + foreign + " of another project in " + reply);
                }
            }
            for (Fresh f : request.fresh) {
                if (!f.owners.contains(who)) {
                    Http.Reply now = CLIENTS.get(ADMIN).get(f.url);
                    if (now.status() != 200 || !now.body().equals(f.before)) {
                        problems.add(who + " changed " + f.url + ", which it may not touch: " + now);
                    }
                }
            }
            if (row.expected.get(who) >= 400) {
                // A refused request creates nothing: the last test looks for these names everywhere.
                request.newNames.forEach(REFUSED_NAMES::add);
            }
        }
        assertThat(actual).as(row.toString()).isEqualTo(row.expected);
        assertThat(problems).as(row.toString()).isEmpty();
    }

    @Test
    @Order(2)
    void nothingARefusedRequestSentArrivedAnywhere() {
        Http admin = CLIENTS.get(ADMIN);
        for (String metric : List.of(metricA, metricB, serviceMetric,
                ok(admin.get("/v1/resource/generic/" + resourceA)).at("/metrics/cpu").asText())) {
            JsonNode measures = ok(admin.get("/v1/metric/" + metric + "/measures?refresh=true"));
            assertThat(measures).as(metric).isNotEmpty();
            assertThat(measures.toString()).as(metric).doesNotContain(FOREIGN_VALUE);
        }
        assertThat(REFUSED_NAMES).isNotEmpty();
        for (String listing : List.of("/v1/archive_policy", "/v1/archive_policy_rule", "/v1/resource_type",
                "/v1/resource/generic/" + resourceA, "/v1/metric")) {
            String everything = ok(admin.get(listing)).toString();
            for (String name : REFUSED_NAMES) {
                assertThat(everything).as(listing).doesNotContain("\"" + name + "\"");
            }
        }
        assertWrittenBy(resourceA, OWNER, ADMIN);
        assertWrittenBy(serviceResource, SERVICE, ADMIN);
    }

    /** The resource's history holds the PATCHes of these callers and of nobody else. */
    private static void assertWrittenBy(String resource, Who... writers) {
        String history = ok(CLIENTS.get(ADMIN).get("/v1/resource/generic/" + resource + "/history")).toString();
        for (Who who : Who.values()) {
            if (List.of(writers).contains(who)) {
                assertThat(history).contains("written-by-" + who);
            } else {
                assertThat(history).doesNotContain("written-by-" + who);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expectations, as Gnocchi's policy gives them.
    // ---------------------------------------------------------------------------------------------------------

    /** No token needed at all. */
    private static Map<Who, Integer> open(int status) {
        return expect(status, status, status, status, status, status, status);
    }

    /** Any valid token ("" in policy.yaml); 401 without one. */
    private static Map<Who, Integer> everyone(int status) {
        return expect(status, status, status, status, 401, 401, 401);
    }

    /** admin_or_creator or the owner project: A's member and the admin; 403 to other projects. */
    private static Map<Who, Integer> ownerOrAdmin(int status) {
        return expect(status, 403, status, 403, 401, 401, 401);
    }

    /** A resource the service made for project A: the project reads (resource_owner, metric_owner). */
    private static Map<Who, Integer> projectOrCreator(int status) {
        return expect(status, 403, status, status, 401, 401, 401);
    }

    /** ...but writes are admin_or_creator: the service user, not A's members. */
    private static Map<Who, Integer> creatorOrAdmin(int status) {
        return expect(403, 403, status, status, 401, 401, 401);
    }

    /** role:admin. The service role is not admin in Gnocchi's policy. */
    private static Map<Who, Integer> adminOnly(int status) {
        return expect(403, 403, status, 403, 401, 401, 401);
    }

    private static Map<Who, Integer> expect(int... statuses) {
        Map<Who, Integer> m = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            m.put(who, statuses[who.ordinal()]);
        }
        return m;
    }

    private static Row row(String method, String path, String body, Map<Who, Integer> expected) {
        return new Row(method, path, body, expected);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rows and their placeholders.
    // ---------------------------------------------------------------------------------------------------------

    record Row(String method, String path, String body, Map<Who, Integer> expected) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(fresh_[a-z_]+|svc_resource|svc_metric|metric_b|metric|resource|value|new_uuid|"
                + "new|who|project_a)}");

        Request resolve(Who who) {
            Map<String, String> values = new java.util.HashMap<>();
            List<Fresh> fresh = new ArrayList<>();
            boolean allowed = expected.get(who) < 400;
            Request request = new Request(fill(path, who, allowed, values, fresh),
                    body == null ? null : fill(body, who, allowed, values, fresh), fresh, new HashSet<>(values.values()),
                    values.containsKey("new") ? Set.of(values.get("new")) : Set.of());
            return request;
        }

        private static String fill(String template, Who who, boolean allowed, Map<String, String> values,
                                   List<Fresh> fresh) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.computeIfAbsent(m.group(1), name -> valueOf(name, who, allowed, fresh));
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** @param allowed whether the caller may do what the row asks: a refused write carries 666 */
        private static String valueOf(String name, Who who, boolean allowed, List<Fresh> fresh) {
            return switch (name) {
                case "metric" -> metricA;
                case "metric_b" -> metricB;
                case "resource" -> resourceA;
                case "svc_resource" -> serviceResource;
                case "svc_metric" -> serviceMetric;
                case "project_a" -> projectA;
                case "who" -> who.name();
                case "value" -> allowed ? "1" : FOREIGN_VALUE;
                case "new" -> "iso-new-" + COUNTER.incrementAndGet();
                case "new_uuid" -> UUID.randomUUID().toString();
                case "fresh_metric" -> add(fresh, "/v1/metric/", ownedMetric(OWNER), OWNER);
                case "fresh_resource" -> add(fresh, "/v1/resource/generic/", ownedResource(OWNER, projectA), OWNER);
                case "fresh_svc_resource" -> add(fresh, "/v1/resource/generic/", ownedResource(SERVICE, projectA),
                        SERVICE);
                case "fresh_policy" -> add(fresh, "/v1/archive_policy/", adminCreated("/v1/archive_policy",
                        "{\"name\": \"%s\", \"definition\": [{\"granularity\": \"1s\", \"timespan\": \"1 hour\"}]}"),
                        ADMIN);
                case "fresh_rule" -> add(fresh, "/v1/archive_policy_rule/", adminCreated("/v1/archive_policy_rule",
                        "{\"name\": \"%1$s\", \"metric_pattern\": \"%1$s\", \"archive_policy_name\": \"iso\"}"), ADMIN);
                case "fresh_type" -> add(fresh, "/v1/resource_type/", adminCreated("/v1/resource_type",
                        "{\"name\": \"%s\"}"), ADMIN);
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static String add(List<Fresh> fresh, String prefix, String id, Who owner) {
            Http.Reply before = CLIENTS.get(ADMIN).get(prefix + id);
            assertThat(before.status()).as(before.toString()).isEqualTo(200);
            fresh.add(new Fresh(prefix + id, owner == ADMIN ? Set.of(ADMIN) : Set.of(owner, ADMIN), before.body()));
            return id;
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    /** A row filled for one caller: what is sent, the objects made for it, every value it names itself. */
    record Request(String path, String body, List<Fresh> fresh, Set<String> named, Set<String> newNames) {
        boolean names(String id) {
            return named.contains(id) || path.contains(id) || (body != null && body.contains(id));
        }
    }

    /** An object made for one request, as the admin saw it then; only its owners may change it. */
    record Fresh(String url, Set<Who> owners, String before) {
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String projectOf(Who who) {
        return switch (who) {
            case OWNER -> projectA;
            case OTHER_PROJECT -> projectB;
            case SERVICE -> projectService;
            default -> null;
        };
    }

    /** The ids the caller may not see: all of them without a valid token, none for the admin. */
    private static Set<String> foreignIds(Who who) {
        if (who == ADMIN) {
            return Set.of();
        }
        String own = projectOf(who);
        Set<String> foreign = new HashSet<>();
        VISIBLE_TO.forEach((id, projects) -> {
            if (own == null || !projects.contains(own)) {
                foreign.add(id);
            }
        });
        return foreign;
    }

    private static String ownedMetric(Who who) {
        String id = created(CLIENTS.get(who).post("/v1/metric", "{\"archive_policy_name\": \"iso\"}"))
                .path("id").asText();
        VISIBLE_TO.put(id, Set.of(projectOf(who)));
        return id;
    }

    /** A resource of a project, made by a caller (of that project or not) with a metric "cpu". */
    private static String ownedResource(Who who, String project) {
        JsonNode r = created(CLIENTS.get(who).post("/v1/resource/generic", "{\"id\": \"" + UUID.randomUUID()
                + "\", \"project_id\": \"" + project + "\", \"metrics\": {\"cpu\": {\"archive_policy_name\": \"iso\"}}}"));
        Set<String> visible = new HashSet<>(List.of(project, projectOf(who)));
        VISIBLE_TO.put(r.path("id").asText(), visible);
        VISIBLE_TO.put(r.path("metrics").path("cpu").asText(), visible);
        return r.path("id").asText();
    }

    private static String adminCreated(String collection, String bodyFormat) {
        String name = "iso-fresh-" + COUNTER.incrementAndGet();
        created(CLIENTS.get(ADMIN).post(collection, bodyFormat.formatted(name)));
        return name;
    }

    private static JsonNode created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }
}
