package org.polenta.core.processor;

import org.polenta.core.contract.IncomingMeasuresContract;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.testing.InMemoryIncomingMeasures;

/** The in-memory twin honours the same contract as the Cassandra backlog. */
class InMemoryIncomingMeasuresContractTest extends IncomingMeasuresContract {

    @Override
    protected IncomingMeasures incoming() {
        return new InMemoryIncomingMeasures(16);
    }
}
