package org.polenta.core.testing;

import java.time.Duration;
import org.polenta.core.contract.MetricRepositoryContract;
import org.polenta.core.metric.CachingMetricRepository;
import org.polenta.core.metric.MetricRepository;

/** Used alone, the cache is a repository like any other: what is written through it is read back at once. */
class CachingMetricRepositoryContractTest extends MetricRepositoryContract {

    @Override
    protected MetricRepository metrics() {
        return new CachingMetricRepository(new InMemoryMetricRepository(), Duration.ofHours(1));
    }
}
