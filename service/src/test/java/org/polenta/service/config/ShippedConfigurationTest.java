package org.polenta.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.service.PolentaConfiguration;
import org.polenta.service.auth.keystone.KeystoneConfig;

/** config/polenta.yaml as shipped parses, and so does its Keystone example once an operator uncomments it. */
class ShippedConfigurationTest {

    private static final Path SHIPPED = Path.of("..", "config", "polenta.yaml");

    private static PolentaConfiguration parse(String yaml) throws Exception {
        YamlConfigurationFactory<PolentaConfiguration> factory = new YamlConfigurationFactory<>(
                PolentaConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(new SubstitutingSourceProvider(
                path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                new EnvironmentVariableSubstitutor(false)), "polenta.yaml");
    }

    @Test
    void theShippedFileRunsBasicAuthWithGnocchisCorsDefaults() throws Exception {
        PolentaConfiguration c = parse(Files.readString(SHIPPED));
        assertThat(c.getAuth().getMode()).isEqualTo("basic");
        assertThat(c.getAuth().getKeystone()).isNull();
        assertThat(c.getCors().getAllowedOrigins()).isEmpty();
        assertThat(c.getCors().getAllowHeaders()).contains("X-Auth-Token", "X-Subject-Token");
    }

    @Test
    void theKeystoneExampleUncommentedIsAValidKeystoneConfiguration() throws Exception {
        List<String> lines = new ArrayList<>();
        boolean inExample = false;
        for (String line : Files.readAllLines(SHIPPED)) {
            if (line.equals("  # keystone:")) {
                inExample = true;
            } else if (inExample && !line.startsWith("  #   ")) {
                inExample = false;
            }
            // What an operator does: drop the first "# " of each line of the block (comments inside stay comments).
            String uncommented = inExample ? line.replaceFirst("^  # ", "  ") : line;
            // The shipped line is "mode: ${POLENTA_AUTH_MODE:-basic}"; the operator writes keystone there.
            lines.add(uncommented.startsWith("  mode: ") ? "  mode: keystone" : uncommented);
        }
        PolentaConfiguration c = parse(String.join("\n", lines));
        KeystoneConfig k = c.getAuth().getKeystone();
        assertThat(c.getAuth().getMode()).isEqualTo("keystone");
        assertThat(k.apiBase()).isEqualTo("http://controller:5000/v3");
        assertThat(k.getServiceUser()).isEqualTo("polenta");
        assertThat(k.getServiceProject()).isEqualTo("service");
        assertThat(k.getServicePassword()).isEqualTo(System.getenv().getOrDefault("POLENTA_KEYSTONE_PASSWORD",
                "secret"));
        assertThat(k.getCacheTtl().toSeconds()).isEqualTo(300);
        assertThat(k.getNegativeTtl().toSeconds()).isEqualTo(10);
        assertThat(k.getWwwAuthenticateUri()).isNull();
    }
}
