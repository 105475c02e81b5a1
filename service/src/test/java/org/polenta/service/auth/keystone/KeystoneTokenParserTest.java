package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.polenta.service.auth.Caller;

class KeystoneTokenParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // The shape of a Zed validation with ?nocatalog, implied roles after the granted one.
    private static final String PROJECT_SCOPED = """
            {"token": {"methods": ["password"],
              "user": {"domain": {"id": "default", "name": "Default"}, "id": "u1", "name": "alice",
                       "password_expires_at": null},
              "audit_ids": ["JyIXzxyaTNevdxefcJTgqw"],
              "expires_at": "2030-11-26T01:46:34.000000Z", "issued_at": "2030-11-26T00:46:34.000000Z",
              "project": {"domain": {"id": "default", "name": "Default"}, "id": "p1", "name": "polenta-a"},
              "is_domain": false,
              "roles": [{"id": "r2", "name": "reader"}, {"id": "r1", "name": "member"}]}}
            """;

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void aProjectScopedTokenGivesUserProjectRolesAndExpiry() throws Exception {
        KeystoneIdentity id = KeystoneTokenParser.identity(json(PROJECT_SCOPED));
        assertThat(id.userId()).isEqualTo("u1");
        assertThat(id.userDomainId()).isEqualTo("default");
        assertThat(id.projectId()).isEqualTo("p1");
        assertThat(id.projectDomainId()).isEqualTo("default");
        assertThat(id.domainId()).isNull();
        assertThat(id.roles()).containsExactlyInAnyOrder("member", "reader");
        assertThat(id.expiresAt()).isEqualTo(Instant.parse("2030-11-26T01:46:34Z"));
    }

    @Test
    void theCallerIsWhatGnocchiSeesBehindKeystonemiddleware() throws Exception {
        Caller member = KeystoneTokenParser.identity(json(PROJECT_SCOPED)).toCaller();
        assertThat(member.creator()).isEqualTo("u1:p1");
        assertThat(member.projectId()).isEqualTo("p1");
        assertThat(member.isAdmin()).isFalse();
        assertThat(member.credentials()).containsEntry("user_id", "u1").containsEntry("domain_id", null);

        Caller admin = KeystoneTokenParser.identity(json(PROJECT_SCOPED.replace("\"member\"", "\"admin\""))).toCaller();
        assertThat(admin.isAdmin()).isTrue();
        Caller service = KeystoneTokenParser.identity(json(PROJECT_SCOPED.replace("\"member\"", "\"service\""))).toCaller();
        assertThat(service.roles()).contains("service");
        assertThat(service.isAdmin()).isFalse();
    }

    @Test
    void aDomainScopedTokenHasADomainAndNoProject() throws Exception {
        KeystoneIdentity id = KeystoneTokenParser.identity(json("""
                {"token": {"user": {"id": "u1", "domain": {"id": "d0"}}, "domain": {"id": "d1", "name": "D"},
                  "roles": [{"name": "admin"}], "expires_at": "2030-01-01T00:00:00Z"}}"""));
        assertThat(id.projectId()).isNull();
        assertThat(id.domainId()).isEqualTo("d1");
        assertThat(id.toCaller().creator()).isEqualTo("u1:");
    }

    @Test
    void timestampsWithoutAZoneAreUtc() throws Exception {
        assertThat(KeystoneTokenParser.timestamp(json("\"2030-01-01T10:00:00.500000\"")))
                .isEqualTo(Instant.parse("2030-01-01T10:00:00.5Z"));
        assertThat(KeystoneTokenParser.timestamp(json("\"2030-01-01T10:00:00+02:00\"")))
                .isEqualTo(Instant.parse("2030-01-01T08:00:00Z"));
        assertThatThrownBy(() -> KeystoneTokenParser.timestamp(json("\"tomorrow\"")))
                .isInstanceOf(KeystoneUnavailableException.class);
    }

    @Test
    void aDocumentWithoutUserOrExpiryIsNotTrusted() throws Exception {
        assertThatThrownBy(() -> KeystoneTokenParser.identity(json("{\"token\": {\"expires_at\": \"2030-01-01T00:00:00Z\"}}")))
                .isInstanceOf(KeystoneUnavailableException.class);
        assertThatThrownBy(() -> KeystoneTokenParser.identity(json("{\"token\": {\"user\": {\"id\": \"u\"}}}")))
                .isInstanceOf(KeystoneUnavailableException.class);
        assertThatThrownBy(() -> KeystoneTokenParser.identity(json("{\"error\": {}}")))
                .isInstanceOf(KeystoneUnavailableException.class);
    }
}
