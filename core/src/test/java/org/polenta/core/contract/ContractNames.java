package org.polenta.core.contract;

import java.util.UUID;

/**
 * Unique names for contract tests: the suites run against stores that may be shared by all tests of a class
 * (one Cassandra keyspace per class), so every test works on its own names and ids.
 */
final class ContractNames {

    private ContractNames() {
    }

    static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
