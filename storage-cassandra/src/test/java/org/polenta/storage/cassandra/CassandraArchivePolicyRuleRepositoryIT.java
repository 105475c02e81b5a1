package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.ArchivePolicyRuleRepositoryContract;

class CassandraArchivePolicyRuleRepositoryIT extends ArchivePolicyRuleRepositoryContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.archive.ArchivePolicyRuleRepository rules() {
        return KEYSPACE.storage().archivePolicyRules();
    }
}
