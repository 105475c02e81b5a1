package org.polenta.core.aggregates;

import org.polenta.core.contract.RawPointStoreContract;
import org.polenta.core.testing.InMemoryRawPointStore;

/** The in-memory twin honours the same contract as the Cassandra store. */
class InMemoryRawPointStoreContractTest extends RawPointStoreContract {

    @Override
    protected RawPointStore rawPoints() {
        return new InMemoryRawPointStore();
    }
}
