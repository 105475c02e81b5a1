package org.polenta.listener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.mapping.MeterMappingReader;

/** Test data: captured bus messages, fixtures computed by the real Ceilometer code, and the shipped mapping. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured AMQP body from examples/bus. */
    public static byte[] bus(String name) {
        return resource("bus/" + name + ".body.json");
    }

    public static Path shippedMappingFile() {
        return Path.of("..", "config", "ceilometer-resources.yaml");
    }

    public static MeterMapping shippedMapping() {
        try {
            return MeterMappingReader.read(shippedMappingFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
