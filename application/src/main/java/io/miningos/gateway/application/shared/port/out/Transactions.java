package io.miningos.gateway.application.shared.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one storage transaction: everything it writes commits together, or nothing does when it
 * throws. Calls nest: an inner call joins the outer transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the current transaction has committed (never if it rolls back), or at once when no
     * transaction is active. For effects outside storage that must not be seen before the data is, such as
     * dropping cached sessions of a revoked user.
     */
    void afterCommit(Runnable action);
}
