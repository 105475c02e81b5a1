package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.storage.cassandra.CassandraStorageConfig;

/**
 * The storage section of the service YAML. Kept apart from {@link CassandraStorageConfig} so that values
 * coming from unset environment variables (empty strings) are normalised before they reach the storage.
 */
public class CassandraConfig {

    @NotEmpty
    private List<String> contactPoints = new ArrayList<>(List.of("127.0.0.1:9042"));
    private String localDatacenter = "datacenter1";
    @NotEmpty
    private String keyspace = "polenta";
    private Map<String, String> replication = new LinkedHashMap<>();
    private String readConsistency;
    private String writeConsistency;
    private Integer sacks;
    private Long rawRetentionSeconds;
    private Long heldStateCacheBytes;
    private Integer schemaTimeoutSeconds;
    private Integer requestTimeoutSeconds;
    private String dropKeyspacesWithPrefix;

    public CassandraStorageConfig toStorageConfig() {
        CassandraStorageConfig c = new CassandraStorageConfig();
        c.setContactPoints(contactPoints.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        c.setLocalDatacenter(localDatacenter);
        c.setKeyspace(keyspace);
        if (!replication.isEmpty()) {
            c.setReplication(replication);
        }
        if (notBlank(readConsistency)) {
            c.setReadConsistency(readConsistency);
        }
        if (notBlank(writeConsistency)) {
            c.setWriteConsistency(writeConsistency);
        }
        if (sacks != null) {
            c.setSacks(sacks);
        }
        if (rawRetentionSeconds != null) {
            c.setRawRetentionSeconds(rawRetentionSeconds);
        }
        if (heldStateCacheBytes != null) {
            c.setHeldStateCacheBytes(heldStateCacheBytes);
        }
        if (schemaTimeoutSeconds != null) {
            c.setSchemaTimeoutSeconds(schemaTimeoutSeconds);
        }
        if (requestTimeoutSeconds != null) {
            c.setRequestTimeoutSeconds(requestTimeoutSeconds);
        }
        // An empty prefix would match every keyspace: only a real prefix may drop anything.
        c.setDropKeyspacesWithPrefix(notBlank(dropKeyspacesWithPrefix) ? dropKeyspacesWithPrefix.trim() : null);
        return c;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @JsonProperty
    public List<String> getContactPoints() {
        return contactPoints;
    }

    @JsonProperty
    public void setContactPoints(List<String> contactPoints) {
        this.contactPoints = contactPoints;
    }

    @JsonProperty
    public String getLocalDatacenter() {
        return localDatacenter;
    }

    @JsonProperty
    public void setLocalDatacenter(String localDatacenter) {
        this.localDatacenter = localDatacenter;
    }

    @JsonProperty
    public String getKeyspace() {
        return keyspace;
    }

    @JsonProperty
    public void setKeyspace(String keyspace) {
        this.keyspace = keyspace;
    }

    @JsonProperty
    public Map<String, String> getReplication() {
        return replication;
    }

    @JsonProperty
    public void setReplication(Map<String, String> replication) {
        this.replication = replication == null ? new LinkedHashMap<>() : replication;
    }

    @JsonProperty
    public String getReadConsistency() {
        return readConsistency;
    }

    @JsonProperty
    public void setReadConsistency(String readConsistency) {
        this.readConsistency = readConsistency;
    }

    @JsonProperty
    public String getWriteConsistency() {
        return writeConsistency;
    }

    @JsonProperty
    public void setWriteConsistency(String writeConsistency) {
        this.writeConsistency = writeConsistency;
    }

    @JsonProperty
    public Integer getSacks() {
        return sacks;
    }

    @JsonProperty
    public void setSacks(Integer sacks) {
        this.sacks = sacks;
    }

    @JsonProperty
    public Long getRawRetentionSeconds() {
        return rawRetentionSeconds;
    }

    @JsonProperty
    public void setRawRetentionSeconds(Long rawRetentionSeconds) {
        this.rawRetentionSeconds = rawRetentionSeconds;
    }

    /** Memory for what processing would otherwise read back from Cassandra before rewriting it; 0 turns it off. */
    @JsonProperty
    public Long getHeldStateCacheBytes() {
        return heldStateCacheBytes;
    }

    @JsonProperty
    public void setHeldStateCacheBytes(Long heldStateCacheBytes) {
        this.heldStateCacheBytes = heldStateCacheBytes;
    }

    @JsonProperty
    public Integer getSchemaTimeoutSeconds() {
        return schemaTimeoutSeconds;
    }

    @JsonProperty
    public void setSchemaTimeoutSeconds(Integer schemaTimeoutSeconds) {
        this.schemaTimeoutSeconds = schemaTimeoutSeconds;
    }

    @JsonProperty
    public Integer getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    @JsonProperty
    public void setRequestTimeoutSeconds(Integer requestTimeoutSeconds) {
        this.requestTimeoutSeconds = requestTimeoutSeconds;
    }

    @JsonProperty
    public String getDropKeyspacesWithPrefix() {
        return dropKeyspacesWithPrefix;
    }

    @JsonProperty
    public void setDropKeyspacesWithPrefix(String dropKeyspacesWithPrefix) {
        this.dropKeyspacesWithPrefix = dropKeyspacesWithPrefix;
    }
}
