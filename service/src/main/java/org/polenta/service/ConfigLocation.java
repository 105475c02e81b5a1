package org.polenta.service;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Remembers where the service YAML was read from, so that files it names with relative paths (the policy
 * file) are found next to it whatever the working directory.
 */
public final class ConfigLocation implements ConfigurationSourceProvider {

    private final ConfigurationSourceProvider delegate;
    private volatile Path directory;

    public ConfigLocation(ConfigurationSourceProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path p = Path.of(path).toAbsolutePath();
        directory = p.getParent();
        return delegate.open(path);
    }

    /** The path resolved against the YAML's directory (or the working directory when no YAML was read). */
    public Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || directory == null) {
            return p.toAbsolutePath();
        }
        return directory.resolve(p).normalize();
    }
}
