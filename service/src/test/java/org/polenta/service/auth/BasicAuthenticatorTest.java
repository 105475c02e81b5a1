package org.polenta.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheUserNameWhateverTheSchemeCase() {
        assertThat(BasicAuthenticator.userName("basic " + b64("admin:"))).isEqualTo("admin");
        assertThat(BasicAuthenticator.userName("Basic " + b64("foobar:secret"))).isEqualTo("foobar");
        assertThat(BasicAuthenticator.userName("BASIC " + b64("jd:"))).isEqualTo("jd");
    }

    @Test
    void refusesWhatIsNotBasicCredentials() {
        assertThat(BasicAuthenticator.userName(null)).isNull();
        assertThat(BasicAuthenticator.userName("")).isNull();
        assertThat(BasicAuthenticator.userName("Bearer abc")).isNull();
        assertThat(BasicAuthenticator.userName("basic !!!")).isNull();
        assertThat(BasicAuthenticator.userName("basic " + b64("nocolon"))).isNull();
    }

    @Test
    void onlyAdminIsAdminAndCreatorIsTheUserName() {
        Caller admin = Caller.basicUser("admin");
        Caller other = Caller.basicUser("administrator");
        assertThat(admin.isAdmin()).isTrue();
        assertThat(other.isAdmin()).isFalse();
        assertThat(other.creator()).isEqualTo("administrator");
        assertThat(other.hasProjectScope()).isFalse();
    }

    @Test
    void identityHeadersMakeTheCreatorUserColonProject() {
        Caller c = Caller.fromIdentity("u1", "p1", null, java.util.List.of("member"));
        assertThat(c.creator()).isEqualTo("u1:p1");
        assertThat(c.projectId()).isEqualTo("p1");
        assertThat(Caller.fromIdentity(null, null, null, java.util.List.of()).creator()).isEqualTo(":");
    }
}
