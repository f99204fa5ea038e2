package io.miningos.gateway.application.users;

import io.miningos.gateway.application.identity.port.in.TokenRevoker;
import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.application.users.port.in.CreateUserCommand;
import io.miningos.gateway.application.users.port.in.ManageUsersUseCase;
import io.miningos.gateway.application.users.port.in.UpdateUserCommand;
import io.miningos.gateway.application.users.port.in.UserIds;
import io.miningos.gateway.application.users.port.in.UserSettingsUseCase;
import io.miningos.gateway.application.users.port.in.UserView;
import io.miningos.gateway.application.users.port.out.UserSettingsStore;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * User administration. Each change runs in one transaction together with its audit entry and token revocation;
 * a refused attempt is audited after the transaction rolled back, so the refusal itself is never lost.
 */
public final class UsersService implements ManageUsersUseCase, UserSettingsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(UsersService.class);
    private static final String CONSOLE = "console";

    private final UserRepository users;
    private final UserSettingsStore settings;
    private final TokenRevoker revoker;
    private final AuditLog audit;
    private final RoleCatalog roles;
    private final Transactions transactions;
    private final Clock clock;

    public UsersService(UserRepository users, UserSettingsStore settings, TokenRevoker revoker, AuditLog audit,
                        RoleCatalog roles, Transactions transactions, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.revoker = revoker;
        this.audit = audit;
        this.roles = roles;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void create(Caller caller, CreateUserCommand command) {
        String target = command.email().value();
        audited(caller, "USER_CREATE", target, Map.of("role", command.role()), () -> {
            requireConfiguredRole(command.role());
            requireManageable(caller, command.role());
            if (users.findByEmail(command.email()).isPresent()) {
                throw DomainException.conflict(USER_EXISTS);
            }
            User created = users.insert(new NewUser(command.email(), command.name(), command.role()), clock.instant());
            return Map.of("userId", Long.toString(created.id()));
        });
    }

    @Override
    public List<UserView> list(Caller caller) {
        return users.findAll().stream()
                .filter(user -> !user.isSuperAdmin())
                .filter(user -> roles.mayManage(caller.role(), user.role()))
                .map(UserView::of)
                .toList();
    }

    @Override
    public void update(Caller caller, UpdateUserCommand command) {
        String target = "user:" + command.id();
        if (User.isSuperAdminId(command.id())) {
            refuseSuperAdminChange(caller, "SUPER_ADMIN_MODIFICATION_ATTEMPT", target,
                    Map.of("email", command.email().value(), "role", command.role()));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("email", command.email().value());
        details.put("newRole", command.role());
        audited(caller, "USER_UPDATE", target, details, () -> {
            requireConfiguredRole(command.role());
            User current = users.findById(command.id())
                    .orElseThrow(() -> DomainException.notFound(USER_NOT_FOUND));
            requireManageable(caller, current.role());
            requireManageable(caller, command.role());
            users.findByEmail(command.email())
                    .filter(other -> other.id() != current.id())
                    .ifPresent(other -> {
                        throw DomainException.conflict(USER_EXISTS);
                    });
            users.update(current.withDetails(command.email(), command.name(), command.role()), clock.instant());
            int revoked = revoker.revokeAllOf(current.id());
            return Map.of("oldRole", current.role(), "oldEmail", current.email().value(),
                    "tokensRevoked", Integer.toString(revoked));
        });
    }

    @Override
    public void delete(Caller caller, long userId) {
        UserIds.check(userId);
        String target = "user:" + userId;
        if (userId == caller.userId()) {
            audit(caller, "USER_DELETE", target, "denied", Map.of("reason", "self"));
            throw DomainException.forbidden(ErrorCodes.AUTH_FAIL_NO_PERMS);
        }
        if (User.isSuperAdminId(userId)) {
            refuseSuperAdminChange(caller, "SUPER_ADMIN_DELETE_ATTEMPT", target, Map.of());
        }
        audited(caller, "USER_DELETE", target, Map.of(), () -> {
            User current = users.findById(userId).orElseThrow(() -> DomainException.notFound(USER_NOT_FOUND));
            requireManageable(caller, current.role());
            int revoked = revoker.revokeAllOf(userId);
            users.delete(userId);
            return Map.of("email", current.email().value(), "role", current.role(),
                    "tokensRevoked", Integer.toString(revoked));
        });
    }

    @Override
    public User createFromConsole(NewUser user) {
        requireConfiguredRole(user.role());
        return transactions.inTransaction(() -> {
            if (users.findByEmail(user.email()).isPresent()) {
                throw DomainException.conflict(USER_EXISTS);
            }
            User created = users.insert(user, clock.instant());
            audit.record(new AuditEntry(clock.instant(), null, CONSOLE, "USER_CREATE", user.email().value(),
                    "success", Map.of("role", user.role(), "userId", Long.toString(created.id()))));
            return created;
        });
    }

    @Override
    public User ensureServiceAccount(Email email, String name, String role) {
        if (!RoleCatalog.SERVICE_ROLES.contains(role)) {
            throw DomainException.invalid("ERR_INVALID_ROLE");
        }
        requireConfiguredRole(role);
        return transactions.inTransaction(() -> {
            java.util.Optional<User> existing = users.findByEmail(email);
            if (existing.isEmpty()) {
                User created = users.insert(new NewUser(email, name, role), clock.instant());
                audit.record(new AuditEntry(clock.instant(), null, CONSOLE, "USER_CREATE", email.value(), "success",
                        Map.of("role", role, "userId", Long.toString(created.id()))));
                return created;
            }
            User user = existing.get();
            if (!RoleCatalog.SERVICE_ROLES.contains(user.role())) {
                throw DomainException.conflict(USER_EXISTS);
            }
            if (user.role().equals(role)) {
                return user;
            }
            User changed = new User(user.id(), user.email(), user.name(), role, user.createdAt());
            users.update(changed, clock.instant());
            audit.record(new AuditEntry(clock.instant(), null, CONSOLE, "USER_UPDATE", email.value(), "success",
                    Map.of("role", role, "userId", Long.toString(user.id()))));
            return changed;
        });
    }

    @Override
    public java.util.Optional<User> findByEmail(Email email) {
        return users.findByEmail(email);
    }

    @Override
    public Map<String, Object> settingsOf(Caller caller) {
        return settings.find(caller.userId()).orElseGet(Map::of);
    }

    @Override
    public void save(Caller caller, Map<String, Object> newSettings) {
        settings.save(caller.userId(), newSettings, clock.instant());
    }

    private void requireConfiguredRole(String role) {
        if (!roles.exists(role)) {
            throw DomainException.invalid(INVALID_ROLE);
        }
    }

    private void requireManageable(Caller caller, String role) {
        if (!roles.mayManage(caller.role(), role)) {
            throw DomainException.forbidden(ErrorCodes.AUTH_FAIL_NO_PERMS);
        }
    }

    private void refuseSuperAdminChange(Caller caller, String action, String target, Map<String, String> details) {
        audit(caller, action, target, "denied", details);
        LOG.warn("security: {} by user {} refused", action, caller.userId());
        throw DomainException.forbidden(ErrorCodes.NOT_ALLOWED);
    }

    /**
     * Runs a change and its success audit entry in one transaction. When the change is refused, the transaction
     * rolls back and the refusal is audited on its own.
     */
    private void audited(Caller caller, String action, String target, Map<String, String> details,
                         Supplier<Map<String, String>> change) {
        try {
            transactions.run(() -> {
                Map<String, String> outcomeDetails = new LinkedHashMap<>(details);
                outcomeDetails.putAll(change.get());
                audit(caller, action, target, "success", outcomeDetails);
            });
        } catch (DomainException e) {
            Map<String, String> refused = new LinkedHashMap<>(details);
            refused.put("code", e.code());
            audit(caller, action, target, outcomeOf(e), refused);
            throw e;
        }
    }

    private void audit(Caller caller, String action, String target, String outcome, Map<String, String> details) {
        Instant now = clock.instant();
        audit.record(new AuditEntry(now, caller.userId(), caller.email(), action, target, outcome, details));
    }

    private static String outcomeOf(DomainException e) {
        return switch (e.kind()) {
            case FORBIDDEN, UNAUTHENTICATED -> "denied";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            default -> "invalid";
        };
    }
}
