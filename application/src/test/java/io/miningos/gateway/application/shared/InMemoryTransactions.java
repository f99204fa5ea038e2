package io.miningos.gateway.application.shared;

import io.miningos.gateway.application.shared.port.out.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Transactions for in-memory stores: runs the work, then the after-commit actions unless it threw. */
public final class InMemoryTransactions implements Transactions {

    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        pending.set(actions);
        T result;
        try {
            result = work.get();
        } finally {
            pending.remove();
        }
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = pending.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
