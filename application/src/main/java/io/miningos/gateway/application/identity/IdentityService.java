package io.miningos.gateway.application.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.miningos.gateway.application.identity.port.in.AuthenticateUseCase;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.RefreshTokenCommand;
import io.miningos.gateway.application.identity.port.in.TokenRevoker;
import io.miningos.gateway.application.identity.port.in.TokenUseCase;
import io.miningos.gateway.application.identity.port.out.RateBuckets;
import io.miningos.gateway.application.identity.port.out.TokenRevocationListener;
import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.application.shared.port.in.PeerChanges;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.application.shared.port.out.Telemetry.TokenIssue;
import io.miningos.gateway.application.shared.port.out.Telemetry.TokenRefusal;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.token.TokenPolicy;
import io.miningos.gateway.domain.token.TokenText;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves tokens on every request and issues new ones.
 *
 * <p>Resolution is cached by token hash so a request costs a hash and a map look-up, not a database read (nor a
 * parse: a cached session exists only for a token that parsed and was found). A
 * revocation must still bite at once: each cached session remembers the user's revocation epoch read
 * <em>before</em> it was loaded from storage; {@link #revokeAllOf} deletes from storage and bumps the epoch once
 * that deletion has committed, so a session loaded around a revocation can never be used after it.
 *
 * <p>With several instances on one storage, revocations are published ({@link ChangeNotifier}) with their
 * transaction, and the others bump the same epochs when told ({@link #userRevoked}); when told that notifications may
 * have been missed, every session is dropped and a global epoch bumped, so no load in flight is kept either.
 */
public final class IdentityService implements AuthenticateUseCase, TokenUseCase, TokenRevoker, PeerChanges {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);
    static final String AUTHENTICATION_FAILED = "Authentication failed";
    /**
     * Tokens whose resolution is kept: far more than the people and scripts of a site use at once; a token beyond
     * it costs a storage read again, and a flood of distinct tokens cannot grow the heap.
     */
    static final int MAX_SESSIONS = 10_000;

    /** A resolved token: its grant, and the caller it makes (built once, the role catalog being fixed). */
    private record Session(TokenGrant grant, Caller caller, long epoch) {
        User user() {
            return caller.user();
        }
    }

    private final UserRepository users;
    private final TokenStore tokens;
    private final RoleCatalog roles;
    private final IdentitySettings settings;
    private final Transactions transactions;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Cache<String, Session> sessions;
    private final RateLimiter tokenIssues;
    private final RateLimiter failedAuthentications;
    private final ConcurrentHashMap<Long, Long> revocationEpochs = new ConcurrentHashMap<>();
    /** Bumped when every session must go (notifications from other instances missed); part of every epoch. */
    private volatile long allSessionsEpoch;
    private final ChangeNotifier notifier;
    private final List<TokenRevocationListener> revocationListeners = new CopyOnWriteArrayList<>();

    public IdentityService(UserRepository users, TokenStore tokens, RoleCatalog roles, IdentitySettings settings,
                           Transactions transactions, Clock clock) {
        this(users, tokens, roles, settings, transactions, clock, Telemetry.NONE);
    }

    /** @param telemetry told of every token issued and every token refused */
    public IdentityService(UserRepository users, TokenStore tokens, RoleCatalog roles, IdentitySettings settings,
                           Transactions transactions, Clock clock, Telemetry telemetry) {
        this(users, tokens, roles, settings, transactions, clock, telemetry, ChangeNotifier.NONE);
    }

    /** @param notifier told of every revocation, for the other instances on the same storage */
    public IdentityService(UserRepository users, TokenStore tokens, RoleCatalog roles, IdentitySettings settings,
                           Transactions transactions, Clock clock, Telemetry telemetry, ChangeNotifier notifier) {
        this(users, tokens, roles, settings, transactions, clock, telemetry, notifier, null);
    }

    /**
     * @param notifier    told of every revocation, for the other instances on the same storage
     * @param rateBuckets where the rate limits count, shared by those instances; null: in this instance's memory
     */
    public IdentityService(UserRepository users, TokenStore tokens, RoleCatalog roles, IdentitySettings settings,
                           Transactions transactions, Clock clock, Telemetry telemetry, ChangeNotifier notifier,
                           RateBuckets rateBuckets) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.users = users;
        this.tokens = tokens;
        this.roles = roles;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.sessions = Caffeine.newBuilder()
                .maximumSize(MAX_SESSIONS)
                .expireAfterWrite(Duration.ofMinutes(5))
                .build();
        this.tokenIssues = new RateLimiter(settings.tokenIssues(), clock, "tokenIssues", rateBuckets);
        this.failedAuthentications = new RateLimiter(settings.failedAuthentications(), clock,
                "failedAuthentications", rateBuckets);
    }

    public void addRevocationListener(TokenRevocationListener listener) {
        revocationListeners.add(listener);
    }

    /**
     * The caller a token makes, from {@code clientIp}. A token resolved before is checked in memory. Every refusal
     * counts against the address; an address that used up its allowance of refusals
     * ({@link IdentitySettings#failedAuthentications()}) gets 429 {@code ERR_RATE_LIMITED} for tokens that would
     * need a look-up in storage, until the allowance refills: guessing costs neither storage nor time, while the
     * known tokens of other users behind the same address keep working.
     */
    @Override
    public Caller authenticate(String tokenText, String clientIp) {
        try {
            return resolve(tokenText, clientIp);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.UNAUTHENTICATED) {
                failedAuthentications.spend(addressKey(clientIp));
            }
            throw e;
        }
    }

    private Caller resolve(String tokenText, String clientIp) {
        if (tokenText == null || tokenText.length() > TokenText.MAX_LENGTH) {
            throw refused(TokenRefusal.MALFORMED);
        }
        String hash = TokenText.hash(tokenText);
        Session session = sessions.getIfPresent(hash);
        if (session != null && session.epoch() == epochOf(session.user().id())) {
            // Found by the hash of the whole text, so the text is the one issued: it parses, and its user id is
            // the grant's. The refusals keep the order of the full path below.
            return admit(session, hash, clientIp);
        }
        failedAuthentications.requireAllowance(addressKey(clientIp));
        TokenText parsed = TokenText.parse(tokenText).orElseThrow(() -> refused(TokenRefusal.MALFORMED));
        ClientIp ip = clientIp(clientIp);
        session = load(hash, parsed.userId());
        if (session == null) {
            sessions.invalidate(hash);
            throw refused(TokenRefusal.UNKNOWN);
        }
        sessions.put(hash, session);
        TokenGrant grant = session.grant();
        if (grant.isExpiredAt(clock.instant())) {
            sessions.invalidate(hash);
            throw refused(TokenRefusal.EXPIRED);
        }
        if (grant.userId() != parsed.userId()) {
            throw refused(TokenRefusal.UNKNOWN);
        }
        if (!grant.isBoundTo(ip)) {
            throw refused(TokenRefusal.WRONG_ADDRESS);
        }
        return session.caller();
    }

    /** A cached session's checks: the address (compared as text first, parsed only if that fails) and expiry. */
    private Caller admit(Session session, String hash, String clientIp) {
        TokenGrant grant = session.grant();
        ClientIp ip = grant.isBoundToLiteral(clientIp) ? null : clientIp(clientIp);
        if (grant.isExpiredAt(clock.instant())) {
            sessions.invalidate(hash);
            throw refused(TokenRefusal.EXPIRED);
        }
        if (ip != null && !grant.isBoundTo(ip)) {
            throw refused(TokenRefusal.WRONG_ADDRESS);
        }
        return session.caller();
    }

    private ClientIp clientIp(String text) {
        try {
            return ClientIp.parse(text);
        } catch (DomainException e) {
            throw refused(TokenRefusal.WRONG_ADDRESS);
        }
    }

    private Session load(String hash, long userIdInText) {
        long epoch = epochOf(userIdInText); // read before storage, see class comment
        Optional<TokenGrant> grant = tokens.findByHash(hash);
        if (grant.isEmpty() || grant.get().userId() != userIdInText) {
            return null;
        }
        return users.findById(userIdInText)
                .map(user -> new Session(grant.get(), new Caller(user, roles.permissionsOf(user.role()), grant.get()),
                        epoch))
                .orElse(null);
    }

    private static String addressKey(String clientIp) {
        return clientIp == null ? "address:" : "address:" + clientIp;
    }

    private long epochOf(long userId) {
        return revocationEpochs.getOrDefault(userId, 0L) + allSessionsEpoch;
    }

    @Override
    public IssuedToken issueFor(Email email, Set<ClientIp> ips, OptionalLong ttlSeconds) {
        User user = users.findByEmail(email).orElseThrow(() -> DomainException.notFound(USER_INVALID));
        long ttl = TokenPolicy.checkTtl(ttlSeconds.orElse(settings.signInTtlSeconds()));
        IssuedToken issued = issue(user.id(), List.of(user.role()), ips, ttl);
        telemetry.tokenIssued(TokenIssue.SIGN_IN);
        return issued;
    }

    @Override
    public IssuedToken issueServiceToken(Email email, Set<ClientIp> ips, long ttlSeconds) {
        User user = users.findByEmail(email).orElseThrow(() -> DomainException.notFound(USER_INVALID));
        if (!RoleCatalog.SERVICE_ROLES.contains(user.role())) {
            throw DomainException.invalid(TokenPolicy.ROLES_INVALID);
        }
        long ttl = TokenPolicy.checkServiceTtl(ttlSeconds);
        revokeAllOf(user.id());
        IssuedToken issued = issue(user.id(), List.of(user.role()), ips, ttl);
        telemetry.tokenIssued(TokenIssue.SIGN_IN);
        return issued;
    }

    @Override
    public IssuedToken refresh(Caller caller, RefreshTokenCommand command) {
        command.pfx().ifPresent(TokenPolicy::checkPfx);
        command.scope().ifPresent(TokenPolicy::checkScope);
        long ttl = TokenPolicy.checkTtl(command.ttlSeconds().orElse(settings.refreshTtlSeconds()));
        List<String> tokenRoles = command.roles()
                .map(requested -> TokenPolicy.checkRolesSubset(requested, caller.token().roles()))
                .orElse(caller.token().roles());
        Set<ClientIp> ips = command.ips().orElse(caller.token().ips());
        tokenIssues.acquire("user:" + caller.userId()); // after the checks: a refused request costs nothing
        IssuedToken issued = issue(caller.userId(), tokenRoles, ips, ttl);
        telemetry.tokenIssued(TokenIssue.REFRESH);
        return issued;
    }

    private IssuedToken issue(long userId, List<String> tokenRoles, Set<ClientIp> ips, long ttlSeconds) {
        TokenText text = TokenText.fresh(userId, tokenRoles);
        String rendered = text.text();
        Instant now = clock.instant();
        TokenGrant grant = new TokenGrant(TokenText.hash(rendered), userId, tokenRoles, ips, now,
                now.plusSeconds(ttlSeconds));
        // One transaction: with several gateways on one database, the store counts and cuts under a lock on the
        // user, seeing every other instance's committed tokens, so the cap holds across instances.
        transactions.run(() -> {
            tokens.save(grant);
            List<String> revoked = tokens.deleteOldest(userId, settings.maxLiveTokens());
            if (!revoked.isEmpty()) {
                // revoked tokens must stop working at once, not when their resolved session expires
                transactions.afterCommit(() -> sessions.invalidateAll(revoked));
                notifier.publish(Change.tokensRevoked(userId));
            }
        });
        return new IssuedToken(rendered, grant);
    }

    @Override
    public int revokeAllOf(long userId) {
        int removed = tokens.deleteByUser(userId);
        notifier.publish(Change.userRevoked(userId));
        transactions.afterCommit(() -> forgetUser(userId, true));
        return removed;
    }

    /** Drops the user's sessions (loads in flight too: the epoch moves) and, if asked, closes its sockets. */
    private void forgetUser(long userId, boolean tellListeners) {
        revocationEpochs.merge(userId, 1L, Long::sum);
        sessions.asMap().values().removeIf(s -> s.user().id() == userId);
        if (!tellListeners) {
            return;
        }
        for (TokenRevocationListener listener : revocationListeners) {
            try {
                listener.tokensRevoked(userId);
            } catch (RuntimeException e) {
                LOG.warn("token revocation listener failed for user {}", userId, e);
            }
        }
    }

    /** Another instance revoked every token of a user: its sessions here go, and its sockets close. */
    @Override
    public void userRevoked(long userId) {
        forgetUser(userId, true);
    }

    /** Another instance cut a user's tokens over the cap: its sessions here are loaded again. */
    @Override
    public void tokensRevoked(long userId) {
        forgetUser(userId, false);
    }

    @Override
    public void missedChanges() {
        allSessionsEpoch++; // single writer: the notification listener
        sessions.invalidateAll();
    }

    /** Deletes expired tokens from storage; run periodically. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = tokens.deleteExpired(now);
        sessions.asMap().values().removeIf(s -> s.grant().isExpiredAt(now));
        return purged;
    }

    /** Sessions held now, after pending evictions (for tests). */
    long sessionCount() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    private DomainException refused(TokenRefusal why) {
        telemetry.tokenRefused(why);
        return authFailed();
    }

    private static DomainException authFailed() {
        return DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, AUTHENTICATION_FAILED);
    }
}
