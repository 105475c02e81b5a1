package org.polenta.core.aggregates;

import org.polenta.core.contract.RunOutputStoreContract;
import org.polenta.core.testing.InMemoryAggregateStore;
import org.polenta.core.testing.InMemoryRawPointStore;

/** The two-write store over the in-memory twins honours the contract the Cassandra one does. */
class SequentialRunOutputStoreContractTest extends RunOutputStoreContract {

    private final AggregateStore aggregates = new InMemoryAggregateStore();
    private final RawPointStore rawPoints = new InMemoryRawPointStore();

    @Override
    protected RunOutputStore runOutput() {
        return RunOutputStore.sequential(aggregates, rawPoints);
    }

    @Override
    protected AggregateStore aggregates() {
        return aggregates;
    }

    @Override
    protected RawPointStore rawPoints() {
        return rawPoints;
    }
}
