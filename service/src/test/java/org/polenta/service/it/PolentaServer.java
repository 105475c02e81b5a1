package org.polenta.service.it;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polenta.service.PolentaApplication;
import org.polenta.service.PolentaConfiguration;

/** Starts the real service on a random port against the real Cassandra, in a keyspace of its own. */
public final class PolentaServer {

    private PolentaServer() {
    }

    public static String cassandraContact() {
        return System.getProperty("polenta.cassandra.contact", "127.0.0.1:9142");
    }

    /** A fresh keyspace name per test class (Cassandra allows 48 characters of [a-z0-9_]). */
    public static String keyspaceFor(Class<?> testClass) {
        String base = "svc_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String suffix = "_" + Long.toString(System.currentTimeMillis(), 36);
        return (base.length() > 40 ? base.substring(0, 40) : base) + suffix;
    }

    public static DropwizardAppExtension<PolentaConfiguration> extension(Class<?> testClass, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("cassandra.contactPoints[0]", cassandraContact()),
                ConfigOverride.config("cassandra.keyspace", keyspaceFor(testClass)),
                ConfigOverride.config("auth.policyFile",
                        Path.of("..", "config", "policy.yaml").toAbsolutePath().normalize().toString())));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(PolentaApplication.class, ResourceHelpers.resourceFilePath("it-polenta.yaml"),
                overrides.toArray(new ConfigOverride[0]));
    }

    public static String baseUrl(DropwizardAppExtension<PolentaConfiguration> app) {
        return "http://127.0.0.1:" + app.getLocalPort();
    }
}
