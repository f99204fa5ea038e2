package io.miningos.gateway.application.globaldata;

class InMemoryGlobalDataStoreTest extends GlobalDataStoreContract {

    private final InMemoryGlobalDataStore store = new InMemoryGlobalDataStore();

    @Override
    protected GlobalDataStore store() {
        return store;
    }
}
