package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class CassandraStorageConfigTest {

    @Test
    void defaultsAreTheAgreedOnes() {
        CassandraStorageConfig config = new CassandraStorageConfig();
        assertThat(config.getLocalDatacenter()).isEqualTo("datacenter1");
        assertThat(config.getReplication()).containsEntry("class", "SimpleStrategy").containsEntry("replication_factor", "1");
        assertThat(config.getWriteConsistency()).isEqualTo("LOCAL_QUORUM");
        assertThat(config.getSchemaTimeoutSeconds()).isEqualTo(30);
        assertThat(config.getRequestTimeoutSeconds()).isEqualTo(10);
        assertThat(config.getSacks()).isEqualTo(128);
        assertThat(config.getRawRetentionSeconds()).isEqualTo(7 * 24 * 3600L);
        assertThat(config.getDropKeyspacesWithPrefix()).isNull();
    }

    @Test
    void aKeyspaceNameThatIsNotAPlainIdentifierIsRefusedBeforeConnecting() {
        CassandraStorageConfig config = new CassandraStorageConfig();
        config.setKeyspace("x; DROP KEYSPACE system");
        assertThatThrownBy(() -> CassandraStorage.open(config)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("invalid keyspace name");
    }

    @Test
    void contactPointsParseHostAndPort() {
        assertThat(CassandraStorage.parseAddress("127.0.0.1:9142")).isEqualTo(new InetSocketAddress("127.0.0.1", 9142));
        assertThat(CassandraStorage.parseAddress("localhost")).isEqualTo(new InetSocketAddress("localhost", 9042));
    }
}
