package org.polenta.core.testing;

import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.contract.ArchivePolicyRuleRepositoryContract;

class InMemoryArchivePolicyRuleRepositoryContractTest extends ArchivePolicyRuleRepositoryContract {

    @Override
    protected ArchivePolicyRuleRepository rules() {
        return new InMemoryArchivePolicyRuleRepository();
    }
}
