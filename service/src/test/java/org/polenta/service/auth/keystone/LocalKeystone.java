package org.polenta.service.auth.keystone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.dropwizard.testing.ConfigOverride;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Keystone the integration tests talk to. If the test command started one, its keystone.env is named by
 * -Dpolenta.keystone.env or $POLENTA_KEYSTONE_ENV (or a developer's bin/lib/keystone-local.sh start left one in
 * var/keystone); otherwise bin/lib/keystone-local.sh starts one for this test run (port -Dpolenta.keystone.port,
 * default 5011, beside a developer's 5010) and stops it when all tests are done.
 */
public final class LocalKeystone implements BeforeAllCallback {

    private static volatile Map<String, String> env;

    /** A service in keystone mode against this Keystone, with its service user, plus {@code more} overrides. */
    public static ConfigOverride[] keystoneMode(ConfigOverride... more) {
        return Stream.concat(Stream.of(
                ConfigOverride.config("auth.mode", "keystone"),
                ConfigOverride.config("auth.keystone.url", () -> get("KEYSTONE_URL")),
                ConfigOverride.config("auth.keystone.serviceUser", () -> get("KEYSTONE_SERVICE_USER")),
                ConfigOverride.config("auth.keystone.servicePassword", () -> get("KEYSTONE_SERVICE_PASSWORD")),
                ConfigOverride.config("auth.keystone.serviceProject", () -> get("KEYSTONE_SERVICE_PROJECT"))),
            Stream.of(more)).toArray(ConfigOverride[]::new);
    }

    /** The keystone.env of the running Keystone: KEYSTONE_URL, user names, ids and passwords. */
    public static Map<String, String> env() {
        if (env == null) {
            throw new IllegalStateException("LocalKeystone has not run; add @ExtendWith(LocalKeystone.class)");
        }
        return env;
    }

    public static String get(String key) {
        String v = env().get(key);
        if (v == null) {
            throw new IllegalStateException(key + " is not in keystone.env");
        }
        return v;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Once per test run, closed after the last test: the root store closes its resources at the very end.
        Started started = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalKeystone.class.getName(), k -> start(), Started.class);
        env = started.env;
    }

    /** A Keystone this run uses; stopped on close if this run started it. */
    record Started(Map<String, String> env, Path startedIn)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            if (startedIn != null) {
                script("stop", startedIn.toString());
            }
        }
    }

    /** For a main(): the Keystone to use, started here if none is running; close it when done. */
    static Started acquire() {
        Started started = start();
        env = started.env;
        return started;
    }

    private static Started start() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                Map<String, String> e = read(candidate);
                if (answers(e.get("KEYSTONE_URL"))) {
                    return new Started(e, null);
                }
            }
        }
        Path dir = Path.of("target", "keystone-it").toAbsolutePath();
        String port = System.getProperty("polenta.keystone.port", "5011");
        script("start", dir.toString(), port);
        return new Started(read(dir.resolve("keystone.env")), dir);
    }

    private static List<Path> candidates() {
        String prop = System.getProperty("polenta.keystone.env");
        String var = System.getenv("POLENTA_KEYSTONE_ENV");
        java.util.ArrayList<Path> c = new java.util.ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            c.add(Path.of(prop));
        }
        if (var != null && !var.isBlank()) {
            c.add(Path.of(var));
        }
        c.add(repositoryRoot().resolve("var/keystone/keystone.env"));
        return c;
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("bin/lib/keystone-local.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("bin/lib/keystone-local.sh not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static void script(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                repositoryRoot().resolve("bin/lib/keystone-local.sh").toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("keystone-local.sh " + String.join(" ", args) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(m);
    }

    private static boolean answers(String url) {
        if (url == null) {
            return false;
        }
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
