package org.polenta.core.aggregates;

import org.polenta.core.contract.AggregateStoreContract;
import org.polenta.core.testing.InMemoryAggregateStore;

/** The in-memory twin honours the same contract as the Cassandra store. */
class InMemoryAggregateStoreContractTest extends AggregateStoreContract {

    @Override
    protected AggregateStore aggregates() {
        return new InMemoryAggregateStore();
    }
}
