package org.polenta.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.auth.policy.PolicyParser;
import org.polenta.service.auth.policy.PolicyRules;
import org.polenta.service.errors.ApiException;

/** The policy engine against the project's own config/policy.yaml, on the cases Gnocchi's rules decide. */
class PolicyRulesTest {

    private static final PolicyEnforcer POLICY = load();

    private static PolicyEnforcer load() {
        try {
            return new PolicyEnforcer(PolicyRules.load(Path.of("..", "config", "policy.yaml")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> metricCreatedBy(String creator) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("creator", creator);
        int colon = creator.indexOf(':');
        t.put("created_by_user_id", colon < 0 ? creator : creator.substring(0, colon));
        t.put("created_by_project_id", colon < 0 ? "" : creator.substring(colon + 1));
        t.put("resource", null);
        return t;
    }

    @Test
    void onlyTheAdminUserMayWriteArchivePolicies() {
        assertThat(POLICY.allows("create archive policy", Map.of(), Caller.basicUser("admin"))).isTrue();
        assertThat(POLICY.allows("create archive policy", Map.of(), Caller.basicUser("foobar"))).isFalse();
        assertThat(POLICY.allows("list archive policy", Map.of(), Caller.basicUser("foobar"))).isTrue();
    }

    @Test
    void basicUsersMayActOnTheMetricsTheyCreatedOnly() {
        Map<String, Object> ofFoobar = metricCreatedBy("foobar");
        assertThat(POLICY.allows("get metric", ofFoobar, Caller.basicUser("foobar"))).isTrue();
        assertThat(POLICY.allows("post measures", ofFoobar, Caller.basicUser("foobaz"))).isFalse();
        assertThat(POLICY.allows("delete metric", ofFoobar, Caller.basicUser("admin"))).isTrue();
    }

    @Test
    void identityHeaderUsersShareTheMetricsOfTheirProject() {
        Map<String, Object> ofProject = metricCreatedBy("alice:p1");
        Caller bobOfP1 = Caller.fromIdentity("bob", "p1", null, List.of("member"));
        Caller carolOfP2 = Caller.fromIdentity("carol", "p2", null, List.of("member"));
        assertThat(POLICY.allows("get measures", ofProject, bobOfP1)).isTrue();
        assertThat(POLICY.allows("get measures", ofProject, carolOfP2)).isFalse();
        assertThat(POLICY.allows("get status", Map.of(), Caller.fromIdentity("x", "p", null, List.of("Admin"))))
                .isTrue();
    }

    @Test
    void metricOwnerRuleReadsTheNestedResourceProject() {
        Map<String, Object> target = new LinkedHashMap<>(metricCreatedBy("alice:p1"));
        target.put("resource", Map.of("project_id", "p2"));
        Caller carolOfP2 = Caller.fromIdentity("carol", "p2", null, List.of());
        assertThat(POLICY.allows("get metric", target, carolOfP2)).isTrue();
        assertThat(POLICY.allows("delete metric", target, carolOfP2)).isFalse();
    }

    @Test
    void enforceAnswers403() {
        assertThatThrownBy(() -> POLICY.enforce("get status", Caller.basicUser("foobar")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        PolicyRules rules = PolicyRules.of(Map.of(
                "r", "role:a or role:b and not role:c",
                "grouped", "(role:a or role:b) and not role:c",
                "ref", "rule:r and @",
                "deny", "!"));
        Map<String, Object> ac = Map.of("roles", List.of("a", "c"));
        assertThat(rules.allows("r", Map.of(), ac)).isTrue();
        assertThat(rules.allows("grouped", Map.of(), ac)).isFalse();
        assertThat(rules.allows("ref", Map.of(), ac)).isTrue();
        assertThat(rules.allows("deny", Map.of(), ac)).isFalse();
        assertThat(rules.allows("undefined", Map.of(), ac)).isFalse();
    }

    @Test
    void missingTargetKeysAndMissingCredentialsFailTheCheck() {
        PolicyRules rules = PolicyRules.of(Map.of("p", "project_id:%(created_by_project_id)s"));
        assertThat(rules.allows("p", Map.of(), Map.of("project_id", "x"))).isFalse();
        assertThat(rules.allows("p", Map.of("created_by_project_id", "x"), Map.of("user", "u"))).isFalse();
        assertThat(rules.allows("p", Map.of("created_by_project_id", "x"), Map.of("project_id", "x"))).isTrue();
    }

    @Test
    void malformedRulesAreRefusedAtLoad() {
        assertThatThrownBy(() -> PolicyParser.parse("(role:a or role:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyParser.parse("role:a or")).isInstanceOf(IllegalArgumentException.class);
    }
}
