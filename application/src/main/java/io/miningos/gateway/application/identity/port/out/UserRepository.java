package io.miningos.gateway.application.identity.port.out;

import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users live. Implementations map a user to storage in one place and rebuild it with {@link User}'s rules. */
public interface UserRepository {

    Optional<User> findById(long id);

    Optional<User> findByEmail(Email email);

    /** Every user, ordered by id. */
    List<User> findAll();

    /** Stores a new user and returns it with its assigned id. The e-mail must not be taken (check first). */
    User insert(NewUser user, Instant now);

    /** Replaces e-mail, name and role of an existing user. */
    void update(User user, Instant now);

    /** Removes a user; returns false when there was none with that id. */
    boolean delete(long id);

    /**
     * Makes user 1 the super admin with the given e-mail: creates it on first start, updates its e-mail when the
     * configuration changed. Returns true when the e-mail changed (so its tokens must go).
     */
    boolean ensureSuperAdmin(Email email, Instant now);

    /**
     * Called inside a transaction that creates accounts at start (the super admin, the sign-in list's users): makes
     * any other gateway on the same storage doing the same wait until this transaction ends, so that what one found
     * missing the other is not creating at the same moment. Nothing to do where one gateway alone uses the storage.
     */
    void holdAccountSeeding();
}
