package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.SignInCallback;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.application.identity.port.in.TokenUseCase;
import io.miningos.gateway.application.identity.port.out.IdentityProvider;
import io.miningos.gateway.application.identity.port.out.SignInStates;
import io.miningos.gateway.application.identity.port.out.VerifiedIdentity;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.ProviderProfile;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInServiceTest {

    private static final ClientIp FROM = ClientIp.parse("192.0.2.10");
    private static final long SIGN_IN_TTL = 3600;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final InMemoryUserProfileStore profiles = new InMemoryUserProfileStore();
    private final OneTimeStates states = new OneTimeStates();
    private final Map<Long, Instant> stored = new HashMap<>();
    private final UserActivity activity = new UserActivity(stored::putAll, clock);
    private IdentityService identity;
    private SignInService signIn;
    private User operator;

    @BeforeEach
    void setUp() {
        users.ensureSuperAdmin(new Email("admin@example.com"), clock.instant());
        operator = users.insert(new NewUser(new Email("op@example.com"), "Op", "site_operator"), clock.instant());
        identity = new IdentityService(users, tokenStore, RoleCatalog.defaults(),
                new IdentitySettings(SIGN_IN_TTL, 300), transactions, clock);
        signIn = new SignInService(provider, profiles, states, identity, activity, audit, transactions, clock);
    }

    @Test
    void beginSendsTheBrowserToTheProviderWithAFreshState() {
        URI first = signIn.begin();
        URI second = signIn.begin();
        assertTrue(first.toString().startsWith("https://provider.test/authorize?state="));
        assertEquals(2, states.issued.size());
        assertTrue(first.toString().endsWith(states.issued.get(0)));
        assertTrue(second.toString().endsWith(states.issued.get(1)));
    }

    @Test
    void aVerifiedEmailOfAUserGetsATokenBoundToTheCallerForTheSignInLifetime() {
        provider.codes.put("code-1", "op@example.com");
        IssuedToken issued = signIn.complete(callback(states.issue(), "code-1", null));

        assertEquals(operator.id(), issued.grant().userId());
        assertEquals(Set.of(FROM), issued.grant().ips());
        assertEquals(SIGN_IN_TTL, issued.grant().ttlSeconds());
        assertEquals(List.of("site_operator"), issued.grant().roles());
        Caller caller = identity.authenticate(issued.text(), "192.0.2.10");
        assertEquals(operator.id(), caller.userId());
        DomainException elsewhere = assertThrows(DomainException.class,
                () -> identity.authenticate(issued.text(), "192.0.2.99"));
        assertEquals("ERR_AUTH_FAIL", elsewhere.code());

        AuditEntry entry = audit.latest(1).getFirst();
        assertEquals("SIGN_IN", entry.action());
        assertEquals("success", entry.outcome());
        assertEquals(operator.id(), entry.actorId());
        assertEquals(1, activity.flush());
        assertEquals(Map.of(operator.id(), clock.instant()), stored);
    }

    @Test
    void theProvidersProfileOfTheLatestSignInIsKeptForTheUser() {
        UserProfiles read = new UserProfiles(profiles);
        assertEquals(ProviderProfile.NONE, read.profileOf(operator.id()));
        provider.codes.put("code-1", "op@example.com");
        signIn.complete(callback(states.issue(), "code-1", null));
        assertEquals(new ProviderProfile("Op Erator", "Op", "https://pics.example/code-1.png"),
                read.profileOf(operator.id()));
        provider.codes.put("code-9", "op@example.com");
        signIn.complete(callback(states.issue(), "code-9", null));
        assertEquals("https://pics.example/code-9.png", read.profileOf(operator.id()).picture());
    }

    @Test
    void anUnknownEmailGetsNoTokenAndIsAudited() {
        provider.codes.put("code-2", "stranger@example.com");
        DomainException e = assertThrows(DomainException.class,
                () -> signIn.complete(callback(states.issue(), "code-2", null)));

        assertEquals(TokenUseCase.USER_INVALID, e.code());
        assertTrue((tokenStore.size() == 0));
        assertTrue(profiles.find(99).isEmpty());
        AuditEntry entry = audit.latest(1).getFirst();
        assertEquals("denied", entry.outcome());
        assertEquals("stranger@example.com", entry.target());
        assertEquals(0, activity.flush());
    }

    @Test
    void aStateNotIssuedHereStopsTheSignInBeforeTheProviderIsAsked() {
        provider.codes.put("code-3", "op@example.com");
        DomainException e = assertThrows(DomainException.class,
                () -> signIn.complete(callback("made-up", "code-3", null)));

        assertEquals(SignInUseCase.INVALID_STATE, e.code());
        assertEquals(0, provider.exchanges);
        assertTrue((tokenStore.size() == 0));
    }

    @Test
    void aStateWorksOnlyOnce() {
        provider.codes.put("code-4", "op@example.com");
        String state = states.issue();
        signIn.complete(callback(state, "code-4", null));
        DomainException e = assertThrows(DomainException.class, () -> signIn.complete(callback(state, "code-4", null)));
        assertEquals(SignInUseCase.INVALID_STATE, e.code());
        assertEquals(1, tokenStore.size());
    }

    @Test
    void aRefusalReportedByTheProviderIsAuthFailWithoutAnExchange() {
        DomainException e = assertThrows(DomainException.class,
                () -> signIn.complete(callback(states.issue(), null, "access_denied")));
        assertEquals("ERR_AUTH_FAIL", e.code());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
        assertEquals(0, provider.exchanges);
    }

    @Test
    void aCallbackWithNeitherCodeNorErrorIsAuthFail() {
        DomainException e = assertThrows(DomainException.class,
                () -> signIn.complete(callback(states.issue(), " ", null)));
        assertEquals("ERR_AUTH_FAIL", e.code());
        assertEquals(0, provider.exchanges);
    }

    @Test
    void aProviderFailureIssuesNothing() {
        DomainException e = assertThrows(DomainException.class,
                () -> signIn.complete(callback(states.issue(), "unknown-code", null)));
        assertEquals(SignInUseCase.PROVIDER_FAILED, e.code());
        assertTrue((tokenStore.size() == 0));
        assertTrue(audit.latest(1).isEmpty());
    }

    @Test
    void theActivityOfASignInIsTheSignInTime() {
        provider.codes.put("code-5", "op@example.com");
        clock.advance(Duration.ofMinutes(3));
        signIn.complete(callback(states.issue(), "code-5", null));
        activity.flush();
        assertEquals(Instant.parse("2025-03-01T10:03:00Z"), stored.get(operator.id()));
    }

    private static SignInCallback callback(String state, String code, String error) {
        return new SignInCallback(Optional.ofNullable(state), Optional.ofNullable(code), Optional.ofNullable(error),
                FROM);
    }

    /** Knows some codes; any other code is a provider failure. */
    private static final class ScriptedProvider implements IdentityProvider {
        final Map<String, String> codes = new HashMap<>();
        int exchanges;

        @Override
        public URI authorizationUrl(String state) {
            return URI.create("https://provider.test/authorize?state=" + state);
        }

        @Override
        public VerifiedIdentity verify(String authorizationCode) {
            exchanges++;
            String email = codes.get(authorizationCode);
            if (email == null) {
                throw new DomainException(ErrorKind.UPSTREAM_FAILED, SignInUseCase.PROVIDER_FAILED);
            }
            return new VerifiedIdentity(new Email(email), new ProviderProfile("Op Erator", "Op",
                    "https://pics.example/" + authorizationCode + ".png"));
        }
    }

    /** States remembered until redeemed once. */
    private static final class OneTimeStates implements SignInStates {
        final List<String> issued = new ArrayList<>();
        private final Set<String> open = new HashSet<>();

        @Override
        public String issue() {
            String state = "state-" + issued.size();
            issued.add(state);
            open.add(state);
            return state;
        }

        @Override
        public void redeem(String state) {
            if (state == null || !open.remove(state)) {
                throw DomainException.invalid(SignInUseCase.INVALID_STATE);
            }
        }
    }
}
