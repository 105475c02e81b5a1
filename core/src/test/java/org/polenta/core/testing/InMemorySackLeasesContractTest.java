package org.polenta.core.testing;

import org.polenta.core.contract.SackLeasesContract;
import org.polenta.core.processor.SackLeases;

class InMemorySackLeasesContractTest extends SackLeasesContract {

    @Override
    protected SackLeases leases() {
        return new InMemorySackLeases();
    }
}
