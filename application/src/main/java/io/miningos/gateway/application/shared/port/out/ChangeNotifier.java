package io.miningos.gateway.application.shared.port.out;

/**
 * Tells the other gateway instances on the same storage what changed, so they drop what they hold of it in memory
 * (sessions, cached reads). With a storage only one instance uses (SQLite) there is nobody to tell: {@link #NONE}.
 */
@FunctionalInterface
public interface ChangeNotifier {

    ChangeNotifier NONE = change -> {
    };

    /**
     * Sends {@code change} with the current transaction: the others learn of it only once it has committed, and
     * never if it rolls back (at once when no transaction is open). Call it where the change is written.
     */
    void publish(Change change);
}
