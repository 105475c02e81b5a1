package org.polenta.core.testing;

import org.polenta.core.contract.ResourceRepositoryContract;
import org.polenta.core.resource.ResourceRepository;

class InMemoryResourceRepositoryContractTest extends ResourceRepositoryContract {

    @Override
    protected ResourceRepository resources() {
        return new InMemoryResourceRepository();
    }
}
