package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
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
 * change what the next one sees); {value} is the measure value the identity writes (666 for everyone who must
 * not write), {new} a never-used name.
 *
 * <p>On top of the statuses, every answer is searched for the ids of the projects the caller is not in, and any
 * fresh object a foreign caller aimed at must read the same afterwards as before; the last test checks that
 * nothing foreign callers sent reached A's metric, resource or measures, that nothing alice sent reached B's
 * metric, and that no name a refused request asked for exists anywhere.
 */
@ExtendWith({LocalKeystone.class, DropwizardExtensionsSupport.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(TenantIsolationIT.class,
            ConfigOverride.config("auth.mode", "keystone"),
            ConfigOverride.config("auth.keystone.url", () -> LocalKeystone.get("KEYSTONE_URL")),
            ConfigOverride.config("auth.keystone.serviceUser", () -> LocalKeystone.get("KEYSTONE_SERVICE_USER")),
            ConfigOverride.config("auth.keystone.servicePassword",
                    () -> LocalKeystone.get("KEYSTONE_SERVICE_PASSWORD")),
            ConfigOverride.config("auth.keystone.serviceProject",
                    () -> LocalKeystone.get("KEYSTONE_SERVICE_PROJECT")),
            // A revoked token must be refused once this has passed; kept short so that the test need not wait.
            ConfigOverride.config("auth.keystone.cacheTtl", "1 second"),
            // Listings in one page, so that a leaked id cannot hide on a page the test does not read.
            ConfigOverride.config("api.maxLimit", "10000"));

    /** The seven callers, in the order the expectations list them. */
    enum Who { OWNER, OTHER_PROJECT, ADMIN, SERVICE, NO_TOKEN, INVALID_TOKEN, REVOKED_TOKEN }

    private static final String FOREIGN_VALUE = "666";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The names of things that refused requests asked to create. */
    private static final Set<String> REFUSED_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Map<Who, Http> CLIENTS = new EnumMap<>(Who.class);
    /** The ids each project owns; a caller of one project must never see another's. */
    private static final Map<String, Set<String>> IDS_BY_PROJECT = new java.util.concurrent.ConcurrentHashMap<>();
    private static String projectA;
    private static String projectB;
    private static String projectService;
    private static String metricA;
    private static String metricB;
    private static String resourceA;

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

                row("GET", "/v1/aggregation/metric?metric={metric}", null, ownerOrAdmin(200)),
                row("POST", "/v1/aggregation/metric", "[\"{metric}\"]", ownerOrAdmin(200)),
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
                row("POST", "/v1/resource/generic", "{\"id\": \"{new_uuid}\"}", everyone(201)),
                row("GET", "/v1/resource/generic/{resource}", null, ownerOrAdmin(200)),
                row("PATCH", "/v1/resource/generic/{resource}", "{\"user_id\": \"written-by-{who}\"}",
                        ownerOrAdmin(200)),
                row("DELETE", "/v1/resource/generic/{fresh_resource}", null, ownerOrAdmin(204)),
                // A foreign caller's filter matches none of A's resources: 200 and nothing deleted.
                row("DELETE", "/v1/resource/generic", "{\"=\": {\"id\": \"{fresh_resource}\"}}", everyone(200)),
                row("GET", "/v1/resource/generic/{resource}/history", null, ownerOrAdmin(200)),
                row("POST", "/v1/search/resource/generic", "{}", everyone(200)),
                row("POST", "/v1/search/resource/generic", "{\"=\": {\"project_id\": \"{project_a}\"}}",
                        everyone(200)),
                // Gnocchi serves search by POST only; the token is checked first all the same.
                row("GET", "/v1/search/resource/generic", null, everyone(405)),

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

        // What each project owns: a metric of its own and a resource with a named metric.
        metricA = ownedMetric(OWNER, projectA);
        resourceA = ownedResource(OWNER, projectA);
        metricB = ownedMetric(OTHER_PROJECT, projectB);
        ownedResource(OTHER_PROJECT, projectB);
        ownedMetric(SERVICE, projectService);
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
    void nothingAForeignCallerSentReachedProjectA() {
        Http owner = CLIENTS.get(OWNER);
        JsonNode metricMeasures = ok(owner.get("/v1/metric/" + metricA + "/measures?refresh=true"));
        assertThat(metricMeasures).isNotEmpty();
        assertThat(metricMeasures.toString()).doesNotContain(FOREIGN_VALUE);
        JsonNode cpu = ok(owner.get("/v1/resource/generic/" + resourceA + "/metric/cpu/measures?refresh=true"));
        assertThat(cpu).isNotEmpty();
        assertThat(cpu.toString()).doesNotContain(FOREIGN_VALUE);
        // Project B's metric got bob's 2 and the admin's 2s only: a 1 from alice would show in the means.
        JsonNode metricBMeasures = ok(CLIENTS.get(OTHER_PROJECT).get("/v1/metric/" + metricB
                + "/measures?refresh=true"));
        assertThat(metricBMeasures).isNotEmpty();
        metricBMeasures.forEach(row -> assertThat(row.get(2).asDouble()).as(metricBMeasures.toString()).isEqualTo(2.0));
        assertThat(REFUSED_NAMES).isNotEmpty();
        for (String listing : List.of("/v1/archive_policy", "/v1/archive_policy_rule", "/v1/resource_type",
                "/v1/resource/generic/" + resourceA, "/v1/metric")) {
            String everything = ok(CLIENTS.get(ADMIN).get(listing)).toString();
            for (String name : REFUSED_NAMES) {
                assertThat(everything).as(listing).doesNotContain("\"" + name + "\"");
            }
        }
        String history = ok(owner.get("/v1/resource/generic/" + resourceA + "/history")).toString();
        assertThat(history).contains("written-by-OWNER", "written-by-ADMIN");
        for (Who foreign : List.of(OTHER_PROJECT, SERVICE, NO_TOKEN, INVALID_TOKEN, REVOKED_TOKEN)) {
            assertThat(history).doesNotContain("written-by-" + foreign);
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

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(fresh_[a-z]+|metric_b|metric|resource|value|new_uuid|"
                + "new|who|project_a)}");

        Request resolve(Who who) {
            Map<String, String> values = new java.util.HashMap<>();
            List<Fresh> fresh = new ArrayList<>();
            Request request = new Request(fill(path, who, values, fresh),
                    body == null ? null : fill(body, who, values, fresh), fresh, new HashSet<>(values.values()),
                    values.containsKey("new") ? Set.of(values.get("new")) : Set.of());
            return request;
        }

        private static String fill(String template, Who who, Map<String, String> values, List<Fresh> fresh) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.computeIfAbsent(m.group(1), name -> valueOf(name, who, fresh));
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String valueOf(String name, Who who, List<Fresh> fresh) {
            return switch (name) {
                case "metric" -> metricA;
                case "metric_b" -> metricB;
                case "resource" -> resourceA;
                case "project_a" -> projectA;
                case "who" -> who.name();
                case "value" -> who == OWNER ? "1" : who == ADMIN ? "2" : FOREIGN_VALUE;
                case "new" -> "iso-new-" + COUNTER.incrementAndGet();
                case "new_uuid" -> UUID.randomUUID().toString();
                case "fresh_metric" -> add(fresh, "/v1/metric/", ownedMetric(OWNER, projectA), OWNER);
                case "fresh_resource" -> add(fresh, "/v1/resource/generic/", ownedResource(OWNER, projectA), OWNER);
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
            fresh.add(new Fresh(prefix + id, owner == ADMIN ? Set.of(ADMIN) : Set.of(OWNER, ADMIN), before.body()));
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

    private static Set<String> foreignIds(Who who) {
        String own = switch (who) {
            case OWNER -> projectA;
            case OTHER_PROJECT -> projectB;
            case SERVICE -> projectService;
            case ADMIN -> null; // sees everything
            default -> "";      // sees nothing
        };
        Set<String> foreign = new HashSet<>();
        if (own != null) {
            IDS_BY_PROJECT.forEach((project, ids) -> {
                if (!project.equals(own)) {
                    foreign.addAll(ids);
                    foreign.add(project);
                }
            });
        }
        return foreign;
    }

    private static String ownedMetric(Who who, String project) {
        String id = created(CLIENTS.get(who).post("/v1/metric", "{\"archive_policy_name\": \"iso\"}"))
                .path("id").asText();
        IDS_BY_PROJECT.computeIfAbsent(project, p -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(id);
        return id;
    }

    private static String ownedResource(Who who, String project) {
        JsonNode r = created(CLIENTS.get(who).post("/v1/resource/generic", "{\"id\": \"" + UUID.randomUUID()
                + "\", \"project_id\": \"" + project + "\", \"metrics\": {\"cpu\": {\"archive_policy_name\": \"iso\"}}}"));
        Set<String> ids = IDS_BY_PROJECT.computeIfAbsent(project, p -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        ids.add(r.path("id").asText());
        ids.add(r.path("metrics").path("cpu").asText());
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

    private static JsonNode ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
