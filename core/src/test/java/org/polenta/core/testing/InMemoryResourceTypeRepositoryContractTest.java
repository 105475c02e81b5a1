package org.polenta.core.testing;

import org.polenta.core.contract.ResourceTypeRepositoryContract;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;

class InMemoryResourceTypeRepositoryContractTest extends ResourceTypeRepositoryContract {

    private final InMemoryResourceRepository resources = new InMemoryResourceRepository();
    private final InMemoryResourceTypeRepository types = new InMemoryResourceTypeRepository(resources);

    @Override
    protected ResourceTypeRepository types() {
        return types;
    }

    @Override
    protected ResourceRepository resources() {
        return resources;
    }

    @Override
    protected void forceState(String name, ResourceTypeState state) {
        types.forceState(name, state);
    }
}
