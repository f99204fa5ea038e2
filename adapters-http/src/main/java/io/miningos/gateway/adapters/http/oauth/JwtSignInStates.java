package io.miningos.gateway.adapters.http.oauth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.application.identity.port.out.SignInStates;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in states as compact JWTs (java-jwt, HMAC-SHA256 with a server-side key): issuer and audience fixed, a
 * random 128-bit nonce as {@code jti}, expiry a few minutes out. Nothing is stored at issue, so starting sign-ins
 * costs no memory; a redeemed nonce is remembered until its state expires, which makes each state single-use.
 */
public final class JwtSignInStates implements SignInStates {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSignInStates.class);
    static final String ISSUER = "miningos-gateway";
    static final String AUDIENCE = "sign-in-callback";
    static final int MAX_STATE_LENGTH = 1024;
    /** Bound on remembered nonces: each needs a state this gateway signed, redeemed within its lifetime. */
    static final int MAX_REMEMBERED = 100_000;
    private static final int PRUNE_ABOVE = 1_000;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    static final String MISSING = "Sign-in state missing";
    static final String FORGED = "Sign-in state not issued here";
    static final String EXPIRED = "Sign-in state expired";
    static final String REPLAYED = "Sign-in state already used";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> redeemed = new ConcurrentHashMap<>();

    public JwtSignInStates(StateSigningKey key, Duration ttl, Clock clock) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("state lifetime must be at least one second");
        }
        this.algorithm = Algorithm.HMAC256(key.bytes());
        this.ttl = ttl;
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("jti")
                .withClaimPresence("exp"))
                .build(clock);
    }

    @Override
    public String issue() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withJWTId(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
    }

    @Override
    public void redeem(String state) {
        if (state == null || state.isBlank()) {
            throw invalid(MISSING);
        }
        if (state.length() > MAX_STATE_LENGTH) {
            throw invalid(FORGED);
        }
        DecodedJWT decoded;
        try {
            decoded = verifier.verify(state);
        } catch (TokenExpiredException e) {
            throw invalid(EXPIRED);
        } catch (JWTVerificationException e) {
            throw invalid(FORGED);
        }
        Instant expiresAt = decoded.getExpiresAtAsInstant();
        if (redeemed.size() > PRUNE_ABOVE) {
            forgetExpired();
        }
        if (redeemed.size() >= MAX_REMEMBERED) {
            LOG.warn("too many sign-ins in flight ({}); refusing until some states expire", redeemed.size());
            throw invalid(REPLAYED);
        }
        if (redeemed.putIfAbsent(decoded.getId(), expiresAt) != null) {
            throw invalid(REPLAYED);
        }
    }

    /** Drops nonces whose state has expired: such a state is refused for its expiry anyway. */
    public void forgetExpired() {
        Instant now = clock.instant();
        redeemed.values().removeIf(expiry -> expiry.isBefore(now));
    }

    int remembered() {
        return redeemed.size();
    }

    private static DomainException invalid(String reason) {
        LOG.info("sign-in callback refused: {}", reason);
        return new DomainException(ErrorKind.INVALID_INPUT, SignInUseCase.INVALID_STATE, reason);
    }
}
