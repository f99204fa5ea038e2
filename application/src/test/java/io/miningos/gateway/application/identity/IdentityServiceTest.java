package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.RefreshTokenCommand;
import io.miningos.gateway.application.shared.InMemoryTransactions;
import io.miningos.gateway.application.shared.RecordingTelemetry;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenPolicy;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityServiceTest {

    private static final Set<ClientIp> LOCAL = Set.of(ClientIp.parse("127.0.0.1"), ClientIp.parse("::1"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final IdentityService identity = new IdentityService(users, tokens, RoleCatalog.defaults(),
            new IdentitySettings(3600, 300), new InMemoryTransactions(), clock, telemetry);
    private final User operator;

    IdentityServiceTest() {
        users.ensureSuperAdmin(new Email("root@example.com"), clock.instant());
        operator = users.insert(new NewUser(new Email("op@example.com"), "Op", "site_operator"), clock.instant());
    }

    private static void assertAuthFails(Runnable call) {
        DomainException e = assertThrows(DomainException.class, call::run);
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
        assertEquals("ERR_AUTH_FAIL", e.code());
        assertEquals("Authentication failed", e.reason());
    }

    private IdentityService bounded(int maxTokens, RateLimiter.Limit issues, RateLimiter.Limit failures) {
        return new IdentityService(users, tokens, RoleCatalog.defaults(), new IdentitySettings(3600, 300, maxTokens,
                issues, failures), new InMemoryTransactions(), clock, telemetry);
    }

    private static final RateLimiter.Limit ROOMY = new RateLimiter.Limit(1_000, 1_000);

    @Test
    void aUserHoldsAtMostItsLiveTokensAndTheOldestGoesFirstAtOnce() {
        IdentityService capped = bounded(3, ROOMY, ROOMY);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(capped.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty()).text());
            capped.authenticate(issued.getLast(), "::1"); // resolved and kept in memory
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(3, tokens.size());
        assertAuthFails(() -> capped.authenticate(issued.get(0), "::1"));
        assertAuthFails(() -> capped.authenticate(issued.get(1), "::1"));
        for (String live : issued.subList(2, 5)) {
            assertEquals(operator, capped.authenticate(live, "::1").user());
        }
    }

    @Test
    void tokenRefreshesAreRateLimitedPerUser() {
        IdentityService limited = bounded(1_000, new RateLimiter.Limit(2, 6), ROOMY);
        Caller op = limited.authenticate(limited.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty())
                .text(), "::1");
        RefreshTokenCommand plain = RefreshTokenCommand.defaults();
        limited.refresh(op, plain);
        limited.refresh(op, plain);
        DomainException refused = assertThrows(DomainException.class, () -> limited.refresh(op, plain));
        assertEquals(ErrorKind.RATE_LIMITED, refused.kind());
        assertEquals(10, refused.retryAfterSeconds());
        Caller root = limited.authenticate(limited.issueFor(new Email("root@example.com"), LOCAL,
                OptionalLong.empty()).text(), "::1");
        limited.refresh(root, plain); // another user's allowance
        clock.advance(Duration.ofSeconds(10));
        limited.refresh(op, plain);
    }

    @Test
    void anAddressThatKeepsPresentingBadTokensIsRefusedBeforeAnyLookUp() {
        IdentityService guarded = bounded(1_000, ROOMY, new RateLimiter.Limit(3, 6));
        String known = guarded.issueFor(new Email("op@example.com"), Set.of(ClientIp.parse("10.0.0.9")),
                OptionalLong.empty()).text();
        guarded.authenticate(known, "10.0.0.9");
        String guess = "pub:api:" + "0".repeat(32) + "-2-roles:site_operator";
        for (int i = 0; i < 3; i++) {
            assertAuthFails(() -> guarded.authenticate(guess, "10.0.0.9"));
        }
        int lookups = tokens.lookups();
        DomainException limited = assertThrows(DomainException.class, () -> guarded.authenticate(guess, "10.0.0.9"));
        assertEquals(ErrorKind.RATE_LIMITED, limited.kind());
        assertEquals(lookups, tokens.lookups(), "no look-up in storage");
        assertEquals(operator, guarded.authenticate(known, "10.0.0.9").user(), "a known token still works");
        assertAuthFails(() -> guarded.authenticate(guess, "10.0.0.10")); // another address: its own allowance
        clock.advance(Duration.ofSeconds(10));
        assertAuthFails(() -> guarded.authenticate(guess, "10.0.0.9"));
    }

    @Test
    void issuesATokenThatAuthenticatesFromItsAddresses() {
        IssuedToken issued = identity.issueFor(Email.parse("OP@example.com"), LOCAL, OptionalLong.empty());
        assertEquals(3600, issued.grant().ttlSeconds());
        Caller caller = identity.authenticate(issued.text(), "::1");
        assertEquals(operator, caller.user());
        assertTrue(caller.has("miner:w"));
        assertEquals(List.of("site_operator"), caller.token().roles());
        assertEquals(operator, identity.authenticate(issued.text(), "0:0:0:0:0:0:0:1").user());
    }

    @Test
    void refusesOtherAddressesUnknownMalformedAndExpiredTokens() {
        IssuedToken issued = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.of(60));
        assertAuthFails(() -> identity.authenticate(issued.text(), "10.0.0.9"));
        assertAuthFails(() -> identity.authenticate(issued.text(), "not-an-ip"));
        assertAuthFails(() -> identity.authenticate(issued.text().replace("roles:site_operator", "roles:admin"),
                "::1"));
        assertAuthFails(() -> identity.authenticate("pub:api:" + "0".repeat(32) + "-2-roles:site_operator", "::1"));
        assertAuthFails(() -> identity.authenticate("garbage", "::1"));
        identity.authenticate(issued.text(), "::1");
        clock.advance(Duration.ofSeconds(60));
        assertAuthFails(() -> identity.authenticate(issued.text(), "::1"));
        // each refusal is reported with its reason (clients only ever see ERR_AUTH_FAIL)
        assertEquals(List.of("issued SIGN_IN", "refused WRONG_ADDRESS", "refused WRONG_ADDRESS", "refused UNKNOWN",
                "refused UNKNOWN", "refused MALFORMED", "refused EXPIRED"), telemetry.events());
    }

    @Test
    void resolvingATokenAgainDoesNotTouchStorage() {
        IssuedToken issued = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        identity.authenticate(issued.text(), "::1");
        int lookups = tokens.lookups();
        for (int i = 0; i < 100; i++) {
            identity.authenticate(issued.text(), "127.0.0.1");
        }
        assertEquals(lookups, tokens.lookups());
    }

    @Test
    void revocationBitesAtOnceAndTellsListeners() {
        IssuedToken issued = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        identity.authenticate(issued.text(), "::1"); // now cached
        List<Long> told = new ArrayList<>();
        identity.addRevocationListener(told::add);
        assertEquals(1, identity.revokeAllOf(operator.id()));
        assertAuthFails(() -> identity.authenticate(issued.text(), "::1"));
        assertEquals(List.of(operator.id()), told);
    }

    private IdentityService sharingStorage(ChangeNotifier notifier) {
        return new IdentityService(users, tokens, RoleCatalog.defaults(), new IdentitySettings(3600, 300),
                new InMemoryTransactions(), clock, telemetry, notifier);
    }

    @Test
    void anotherInstancesRevocationBitesHereWhenItsChangeArrives() {
        List<Change> published = new ArrayList<>();
        IdentityService a = sharingStorage(published::add);
        IdentityService b = sharingStorage(ChangeNotifier.NONE);
        IssuedToken issued = a.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        b.authenticate(issued.text(), "::1"); // cached on b
        List<Long> told = new ArrayList<>();
        b.addRevocationListener(told::add);

        a.revokeAllOf(operator.id());
        assertEquals(List.of(Change.userRevoked(operator.id())), published);
        b.userRevoked(operator.id());
        assertAuthFails(() -> b.authenticate(issued.text(), "::1"));
        assertEquals(List.of(operator.id()), told, "b closes the user's sockets too");
    }

    @Test
    void tokensCutOverTheCapOnAnotherInstanceStopWorkingHereWithoutClosingSockets() {
        List<Change> published = new ArrayList<>();
        IdentityService a = new IdentityService(users, tokens, RoleCatalog.defaults(),
                new IdentitySettings(3600, 300, 1, ROOMY, ROOMY), new InMemoryTransactions(), clock, telemetry,
                published::add);
        IdentityService b = sharingStorage(ChangeNotifier.NONE);
        IssuedToken first = a.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        b.authenticate(first.text(), "::1");
        List<Long> told = new ArrayList<>();
        b.addRevocationListener(told::add);
        clock.advance(Duration.ofSeconds(1));
        IssuedToken second = a.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        assertEquals(List.of(Change.tokensRevoked(operator.id())), published);
        b.tokensRevoked(operator.id());
        assertAuthFails(() -> b.authenticate(first.text(), "::1"));
        assertEquals(operator, b.authenticate(second.text(), "::1").user());
        assertEquals(List.of(), told);
    }

    @Test
    void missedChangesDropEverySessionSoStorageDecidesAgain() {
        IssuedToken issued = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty());
        identity.authenticate(issued.text(), "::1");
        tokens.deleteByUser(operator.id()); // by another instance whose notification was lost
        identity.missedChanges();
        assertAuthFails(() -> identity.authenticate(issued.text(), "::1"));
    }

    @Test
    void aServiceAccountGetsOneLongLivedReadOnlyTokenBoundToTheCentralGatewaysAddress() {
        User service = users.insert(new NewUser(new Email("central@federation.invalid"), "central",
                RoleCatalog.SITE_FEDERATION), clock.instant());
        Set<ClientIp> central = Set.of(ClientIp.parse("10.0.0.5"));
        IssuedToken first = identity.issueServiceToken(service.email(), central, 90L * 86_400);
        IssuedToken second = identity.issueServiceToken(service.email(), central, 90L * 86_400);
        assertAuthFails(() -> identity.authenticate(first.text(), "10.0.0.5")); // rotated: the old one is revoked
        Caller caller = identity.authenticate(second.text(), "10.0.0.5");
        assertTrue(caller.has("revenue:r"));
        assertEquals(false, caller.has("features:w"));
        assertAuthFails(() -> identity.authenticate(second.text(), "10.0.0.6"));
        clock.advance(Duration.ofDays(89));
        assertEquals(service, identity.authenticate(second.text(), "10.0.0.5").user());
        clock.advance(Duration.ofDays(1));
        assertAuthFails(() -> identity.authenticate(second.text(), "10.0.0.5"));
        assertCode("ERR_TTL_INVALID", () -> identity.issueServiceToken(service.email(), central, 401L * 86_400));
        // a person's account gets no long-lived token
        assertCode("ERR_ROLES_INVALID", () -> identity.issueServiceToken(operator.email(), central, 86_400));
    }

    @Test
    void unknownUsersGetNoToken() {
        DomainException e = assertThrows(DomainException.class,
                () -> identity.issueFor(new Email("ghost@example.com"), LOCAL, OptionalLong.empty()));
        assertEquals("ERR_USER_INVALID", e.code());
        assertEquals(0, tokens.size());
    }

    @Test
    void refreshDefaultsToThePresentedTokenAndTheRefreshTtl() {
        Caller caller = identity.authenticate(
                identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty()).text(), "::1");
        IssuedToken refreshed = identity.refresh(caller, RefreshTokenCommand.defaults());
        assertEquals(300, refreshed.grant().ttlSeconds());
        assertEquals(LOCAL, refreshed.grant().ips());
        assertEquals(List.of("site_operator"), refreshed.grant().roles());
        assertEquals(operator, identity.authenticate(refreshed.text(), "127.0.0.1").user());
        // the UI refreshes with {"roles": ["<its role>"]}
        IssuedToken sameRole = identity.refresh(caller, new RefreshTokenCommand(Optional.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of("site_operator"))));
        assertTrue(sameRole.text().endsWith("-roles:site_operator"));
    }

    @Test
    void refreshHonoursValidOptionsAndRefusesInvalidOnes() {
        Caller caller = identity.authenticate(
                identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty()).text(), "::1");
        IssuedToken custom = identity.refresh(caller, new RefreshTokenCommand(
                Optional.of(Set.of(ClientIp.parse("192.168.1.100"))), OptionalLong.of(7200), Optional.of("pub"),
                Optional.of("api"), Optional.empty()));
        assertEquals(7200, custom.grant().ttlSeconds());
        assertEquals(operator, identity.authenticate(custom.text(), "192.168.1.100").user());
        assertAuthFails(() -> identity.authenticate(custom.text(), "::1"));

        assertCode(TokenPolicy.TTL_INVALID, () -> identity.refresh(caller, withTtl(4)));
        assertCode(TokenPolicy.TTL_INVALID, () -> identity.refresh(caller, withTtl(86_401)));
        assertCode(TokenPolicy.PFX_INVALID, () -> identity.refresh(caller, new RefreshTokenCommand(Optional.empty(),
                OptionalLong.empty(), Optional.of("priv"), Optional.empty(), Optional.empty())));
        assertCode(TokenPolicy.SCOPE_INVALID, () -> identity.refresh(caller, new RefreshTokenCommand(
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.of("all"), Optional.empty())));
        assertCode(TokenPolicy.ROLES_INVALID, () -> identity.refresh(caller, new RefreshTokenCommand(
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of("admin")))));
    }

    @Test
    void purgeRemovesExpiredTokensFromStorage() {
        identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.of(10));
        identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.of(1000));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, identity.purgeExpired());
        assertEquals(1, tokens.size());
    }

    private static RefreshTokenCommand withTtl(long ttl) {
        return new RefreshTokenCommand(Optional.empty(), OptionalLong.of(ttl), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static void assertCode(String code, Runnable call) {
        DomainException e = assertThrows(DomainException.class, call::run);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(code, e.code());
    }

    @Test
    void sessionsAreBoundedAndATokenBeyondTheBoundIsReadFromStorageAgain() {
        // more live tokens than sessions, all of one user (whose tokens are otherwise capped far lower)
        IdentityService identity = bounded(IdentityService.MAX_SESSIONS + 100, ROOMY, ROOMY);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < IdentityService.MAX_SESSIONS + 50; i++) {
            String text = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.empty()).text();
            texts.add(text);
            identity.authenticate(text, "::1");
        }
        assertTrue(identity.sessionCount() <= IdentityService.MAX_SESSIONS, identity.sessionCount() + " sessions");
        int lookups = tokens.lookups();
        for (String text : texts) {
            assertEquals(operator, identity.authenticate(text, "127.0.0.1").user());
        }
        assertTrue(tokens.lookups() > lookups, "the evicted sessions were loaded again");
        assertTrue(identity.sessionCount() <= IdentityService.MAX_SESSIONS);
    }

    @Test
    void aResolvedTokenIsStillRefusedFromAnotherAddressOrOnceExpiredWithTheSameReasons() {
        IssuedToken issued = identity.issueFor(new Email("op@example.com"), LOCAL, OptionalLong.of(60));
        identity.authenticate(issued.text(), "127.0.0.1"); // resolved and kept
        int lookups = tokens.lookups();
        assertEquals(operator, identity.authenticate(issued.text(), "::ffff:127.0.0.1").user());
        assertAuthFails(() -> identity.authenticate(issued.text(), "10.0.0.9"));
        assertAuthFails(() -> identity.authenticate(issued.text(), "not-an-ip"));
        String text = issued.text(); // pub:api:<32 hex>-...: another well-formed token, never issued
        String altered = text.substring(0, 8) + (text.charAt(8) == '0' ? '1' : '0') + text.substring(9);
        assertAuthFails(() -> identity.authenticate(altered, "127.0.0.1"));
        assertAuthFails(() -> identity.authenticate("x".repeat(513), "127.0.0.1"));
        clock.advance(Duration.ofSeconds(60));
        assertAuthFails(() -> identity.authenticate(issued.text(), "not-an-ip"));
        assertAuthFails(() -> identity.authenticate(issued.text(), "127.0.0.1"));
        assertEquals(lookups + 1, tokens.lookups(), "only the altered text was looked up in storage");
        assertEquals(List.of("issued SIGN_IN", "refused WRONG_ADDRESS", "refused WRONG_ADDRESS", "refused UNKNOWN",
                "refused MALFORMED", "refused WRONG_ADDRESS", "refused EXPIRED"), telemetry.events());
    }
}
