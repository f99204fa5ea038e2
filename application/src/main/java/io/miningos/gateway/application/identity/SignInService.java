package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.SignInCallback;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.application.identity.port.in.TokenUseCase;
import io.miningos.gateway.application.identity.port.out.IdentityProvider;
import io.miningos.gateway.application.identity.port.out.SignInStates;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.identity.port.out.VerifiedIdentity;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.user.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sign-in: the state is checked before anything else (so nothing reaches the provider for a callback this gateway
 * did not start), then the code is exchanged for the verified e-mail, then the matching user gets a token. A
 * granted sign-in and one refused for an unknown e-mail each leave an audit entry.
 */
public final class SignInService implements SignInUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);
    private static final Pattern PROVIDER_ERROR = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String ACTION = "SIGN_IN";

    private final IdentityProvider provider;
    private final UserProfileStore profiles;
    private final SignInStates states;
    private final TokenUseCase tokens;
    private final UserActivity activity;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public SignInService(IdentityProvider provider, UserProfileStore profiles, SignInStates states, TokenUseCase tokens,
                         UserActivity activity, AuditLog audit, Transactions transactions, Clock clock) {
        this.provider = provider;
        this.profiles = profiles;
        this.states = states;
        this.tokens = tokens;
        this.activity = activity;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public URI begin() {
        return provider.authorizationUrl(states.issue());
    }

    @Override
    public IssuedToken complete(SignInCallback callback) {
        states.redeem(callback.state().orElse(null));
        if (callback.providerError().isPresent()) {
            String error = callback.providerError().get();
            LOG.info("sign-in refused by the identity provider: {}",
                    PROVIDER_ERROR.matcher(error).matches() ? error : "(unreadable error)");
            throw refused();
        }
        String code = callback.code().filter(c -> !c.isBlank()).orElseThrow(() -> {
            LOG.info("sign-in callback without a code or an error");
            return refused();
        });
        VerifiedIdentity identity = provider.verify(code);
        Email email = identity.email();
        try {
            IssuedToken issued = transactions.inTransaction(() -> {
                IssuedToken token = tokens.issueFor(email, Set.of(callback.clientIp()), OptionalLong.empty());
                // The profile as the provider has it now (a changed picture replaces the old one).
                profiles.save(token.grant().userId(), identity.profile(), clock.instant());
                audit.record(new AuditEntry(clock.instant(), token.grant().userId(), email.value(), ACTION,
                        email.value(), "success", Map.of("ip", callback.clientIp().value())));
                return token;
            });
            activity.record(issued.grant().userId());
            LOG.info("user {} signed in from {}", issued.grant().userId(), callback.clientIp());
            return issued;
        } catch (DomainException e) {
            if (TokenUseCase.USER_INVALID.equals(e.code())) {
                audit.record(new AuditEntry(clock.instant(), null, email.value(), ACTION, email.value(), "denied",
                        Map.of("code", e.code(), "ip", callback.clientIp().value())));
                LOG.info("sign-in refused: {} is not a user of this site", email);
            }
            throw e;
        }
    }

    private static DomainException refused() {
        return DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, null);
    }
}
