package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;

class InMemoryGlobalDataStoreTest extends GlobalDataStoreContract {

    private final InMemoryGlobalDataStore store = new InMemoryGlobalDataStore();

    @Override
    protected GlobalDataStore store() {
        return store;
    }
}
