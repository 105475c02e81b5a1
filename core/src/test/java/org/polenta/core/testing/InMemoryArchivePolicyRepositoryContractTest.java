package org.polenta.core.testing;

import org.polenta.core.contract.ArchivePolicyRepositoryContract;

class InMemoryArchivePolicyRepositoryContractTest extends ArchivePolicyRepositoryContract {

    @Override
    protected Stores stores() {
        InMemoryMetricRepository metrics = new InMemoryMetricRepository();
        InMemoryArchivePolicyRuleRepository rules = new InMemoryArchivePolicyRuleRepository();
        return new Stores(new InMemoryArchivePolicyRepository(metrics, rules), rules, metrics);
    }
}
