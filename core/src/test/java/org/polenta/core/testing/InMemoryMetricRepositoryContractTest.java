package org.polenta.core.testing;

import org.polenta.core.contract.MetricRepositoryContract;
import org.polenta.core.metric.MetricRepository;

class InMemoryMetricRepositoryContractTest extends MetricRepositoryContract {

    @Override
    protected MetricRepository metrics() {
        return new InMemoryMetricRepository();
    }
}
