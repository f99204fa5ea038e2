package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.ListedUser;
import io.miningos.gateway.application.identity.port.in.MigrateUsersUseCase;
import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the listed users in one transaction, each with an audit entry, and logs every one. A listed e-mail that
 * is the super admin's, or appears twice, is skipped; so is a role the site's configuration does not have.
 */
public final class MigrateUsersService implements MigrateUsersUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateUsersService.class);
    static final String ACTOR = "config";

    private final UserRepository users;
    private final RoleCatalog roles;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public MigrateUsersService(UserRepository users, RoleCatalog roles, AuditLog audit, Transactions transactions,
                               Clock clock) {
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<User> migrate(List<ListedUser> listed) {
        if (listed.isEmpty()) {
            return List.of();
        }
        List<User> created = transactions.inTransaction(() -> {
            users.holdAccountSeeding(); // another gateway starting on the same database migrates before or after
            List<User> existing = users.findAll();
            if (existing.size() != 1 || !existing.getFirst().isSuperAdmin()) {
                return List.of();
            }
            Email superAdmin = existing.getFirst().email();
            Set<Email> seen = new HashSet<>();
            List<User> done = new ArrayList<>();
            for (ListedUser person : listed) {
                if (person.email().equals(superAdmin) || !seen.add(person.email())) {
                    continue;
                }
                String role = person.write() ? WRITER_ROLE : READER_ROLE;
                if (!roles.exists(role)) {
                    LOG.warn("user migration: {} not created, the configured roles have no {}", person.email(), role);
                    continue;
                }
                Instant now = clock.instant();
                User user = users.insert(new NewUser(person.email(), null, role), now);
                audit.record(new AuditEntry(now, null, ACTOR, "USER_CREATE", user.email().value(), "success",
                        Map.of("role", role, "userId", Long.toString(user.id()), "source", "sign-in users list")));
                done.add(user);
            }
            return done;
        });
        for (User user : created) {
            LOG.info("user migration: created user {} {} with role {}", user.id(), user.email(), user.role());
        }
        if (!created.isEmpty()) {
            LOG.info("user migration: {} user(s) created from the sign-in configuration's users list", created.size());
        }
        return created;
    }
}
