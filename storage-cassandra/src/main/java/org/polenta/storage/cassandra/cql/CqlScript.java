package org.polenta.storage.cassandra.cql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A .cql resource: statements ending with ';' at the end of a line, '--' comment lines, and optional
 * "-- name: x" lines that name the statement after them. Placeholders such as ${keyspace} are substituted.
 */
public final class CqlScript {

    private static final String ROOT = "/org/polenta/storage/cassandra/";
    private static final String NAME_MARKER = "-- name:";

    private final String resource;
    private final List<String> statements;
    private final Map<String, String> named;

    private CqlScript(String resource, List<String> statements, Map<String, String> named) {
        this.resource = resource;
        this.statements = statements;
        this.named = named;
    }

    /** @param path relative to org/polenta/storage/cassandra/, e.g. "queries/metrics.cql" */
    public static CqlScript load(String path, Map<String, String> placeholders) {
        return parse(path, read(path), placeholders);
    }

    public static String read(String path) {
        try (InputStream in = CqlScript.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CqlScript parse(String resource, String text, Map<String, String> placeholders) {
        List<String> statements = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        String pendingName = null;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME_MARKER)) {
                pendingName = trimmed.substring(NAME_MARKER.length()).strip();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
            if (trimmed.endsWith(";")) {
                String statement = substitute(current.substring(0, current.lastIndexOf(";")).strip(), placeholders);
                statements.add(statement);
                if (pendingName != null) {
                    named.put(pendingName, statement);
                    pendingName = null;
                }
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            throw new IllegalStateException(resource + ": statement without a final ';': " + current);
        }
        return new CqlScript(resource, List.copyOf(statements), named);
    }

    public List<String> statements() {
        return statements;
    }

    public String statement(String name) {
        String statement = named.get(name);
        if (statement == null) {
            throw new IllegalStateException(resource + " has no statement named " + name);
        }
        return statement;
    }

    private static String substitute(String statement, Map<String, String> placeholders) {
        String result = statement;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            result = result.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (result.contains("${")) {
            throw new IllegalStateException("unresolved placeholder in: " + result);
        }
        return result;
    }
}
