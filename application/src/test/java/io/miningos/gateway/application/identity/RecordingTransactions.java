package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.shared.port.out.Transactions;

import java.util.function.Supplier;

/** Runs work directly (in-memory fakes have nothing to roll back) and counts transactions. */
final class RecordingTransactions implements Transactions {

    int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        return work.get();
    }

    @Override
    public void afterCommit(Runnable action) {
        action.run();
    }
}
