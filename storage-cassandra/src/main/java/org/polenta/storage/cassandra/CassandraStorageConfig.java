package org.polenta.storage.cassandra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How to reach Cassandra and shape the keyspace. A plain bean so that the service can bind it from YAML. */
public class CassandraStorageConfig {

    private List<String> contactPoints = List.of("127.0.0.1:9042");
    private String localDatacenter = "datacenter1";
    private String keyspace = "polenta";
    private Map<String, String> replication = defaultReplication();
    private String readConsistency = "LOCAL_QUORUM";
    private String writeConsistency = "LOCAL_QUORUM";
    private int schemaTimeoutSeconds = 30;
    private int requestTimeoutSeconds = 10;
    private int sacks = 128;
    private long rawRetentionSeconds = 7 * 24 * 3600L;
    private String dropKeyspacesWithPrefix;
    /**
     * Memory for the rows processing reads back before rewriting them (HeldStateCache); 0 turns it off. By
     * default 64 MiB, but no more than an eighth of the heap (a listener-only process runs in 128 MB).
     */
    private long heldStateCacheBytes = Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);

    public long getHeldStateCacheBytes() {
        return heldStateCacheBytes;
    }

    public void setHeldStateCacheBytes(long heldStateCacheBytes) {
        this.heldStateCacheBytes = heldStateCacheBytes;
    }

    private static Map<String, String> defaultReplication() {
        Map<String, String> replication = new LinkedHashMap<>();
        replication.put("class", "SimpleStrategy");
        replication.put("replication_factor", "1");
        return replication;
    }

    public List<String> getContactPoints() {
        return contactPoints;
    }

    public void setContactPoints(List<String> contactPoints) {
        this.contactPoints = List.copyOf(contactPoints);
    }

    public String getLocalDatacenter() {
        return localDatacenter;
    }

    public void setLocalDatacenter(String localDatacenter) {
        this.localDatacenter = localDatacenter;
    }

    public String getKeyspace() {
        return keyspace;
    }

    public void setKeyspace(String keyspace) {
        this.keyspace = keyspace;
    }

    public Map<String, String> getReplication() {
        return replication;
    }

    public void setReplication(Map<String, String> replication) {
        this.replication = new LinkedHashMap<>(replication);
    }

    public String getReadConsistency() {
        return readConsistency;
    }

    public void setReadConsistency(String readConsistency) {
        this.readConsistency = readConsistency;
    }

    public String getWriteConsistency() {
        return writeConsistency;
    }

    public void setWriteConsistency(String writeConsistency) {
        this.writeConsistency = writeConsistency;
    }

    public int getSchemaTimeoutSeconds() {
        return schemaTimeoutSeconds;
    }

    public void setSchemaTimeoutSeconds(int schemaTimeoutSeconds) {
        this.schemaTimeoutSeconds = schemaTimeoutSeconds;
    }

    public int getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    public void setRequestTimeoutSeconds(int requestTimeoutSeconds) {
        this.requestTimeoutSeconds = requestTimeoutSeconds;
    }

    public int getSacks() {
        return sacks;
    }

    public void setSacks(int sacks) {
        this.sacks = sacks;
    }

    public long getRawRetentionSeconds() {
        return rawRetentionSeconds;
    }

    public void setRawRetentionSeconds(long rawRetentionSeconds) {
        this.rawRetentionSeconds = rawRetentionSeconds;
    }

    public String getDropKeyspacesWithPrefix() {
        return dropKeyspacesWithPrefix;
    }

    public void setDropKeyspacesWithPrefix(String dropKeyspacesWithPrefix) {
        this.dropKeyspacesWithPrefix = dropKeyspacesWithPrefix;
    }
}
