package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Users in memory, for service tests; behaves like the SQLite repository (see {@link UserRepositoryContract}). */
public final class InMemoryUserRepository implements UserRepository {

    private final ConcurrentSkipListMap<Long, User> users = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(2);

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return users.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public List<User> findAll() {
        return List.copyOf(users.values());
    }

    @Override
    public synchronized User insert(NewUser user, Instant now) {
        if (findByEmail(user.email()).isPresent()) {
            throw new IllegalStateException("e-mail taken: " + user.email());
        }
        User created = new User(nextId.getAndIncrement(), user.email(), user.name(), user.role(), truncated(now));
        users.put(created.id(), created);
        return created;
    }

    @Override
    public void update(User user, Instant now) {
        users.computeIfPresent(user.id(), (id, old) -> user);
    }

    @Override
    public boolean delete(long id) {
        return users.remove(id) != null;
    }

    @Override
    public void holdAccountSeeding() {
        // one process: the methods are synchronized
    }

    @Override
    public synchronized boolean ensureSuperAdmin(Email email, Instant now) {
        Optional<User> holder = findByEmail(email);
        if (holder.isPresent() && !holder.get().isSuperAdmin()) {
            throw new IllegalStateException("the configured super admin e-mail " + email
                    + " already belongs to user " + holder.get().id());
        }
        User current = users.get(User.SUPER_ADMIN_ID);
        if (current == null) {
            users.put(User.SUPER_ADMIN_ID, new User(User.SUPER_ADMIN_ID, email, null, Role.SUPER_ADMIN,
                    truncated(now)));
            return false;
        }
        if (current.email().equals(email)) {
            return false;
        }
        users.put(User.SUPER_ADMIN_ID, current.withDetails(email, current.name(), current.role()));
        return true;
    }

    private static Instant truncated(Instant now) {
        return Instant.ofEpochMilli(now.toEpochMilli());
    }
}
