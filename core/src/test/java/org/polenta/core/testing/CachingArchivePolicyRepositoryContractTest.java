package org.polenta.core.testing;

import java.time.Duration;
import org.polenta.core.archive.CachingArchivePolicyRepository;
import org.polenta.core.contract.ArchivePolicyRepositoryContract;

/** Used alone, the cache is a repository like any other: what is written through it is read back at once. */
class CachingArchivePolicyRepositoryContractTest extends ArchivePolicyRepositoryContract {

    @Override
    protected Stores stores() {
        InMemoryMetricRepository metrics = new InMemoryMetricRepository();
        InMemoryArchivePolicyRuleRepository rules = new InMemoryArchivePolicyRuleRepository();
        return new Stores(new CachingArchivePolicyRepository(new InMemoryArchivePolicyRepository(metrics, rules),
                Duration.ofHours(1)), rules, metrics);
    }
}
