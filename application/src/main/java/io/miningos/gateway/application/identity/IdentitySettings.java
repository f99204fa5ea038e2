package io.miningos.gateway.application.identity;

import io.miningos.gateway.domain.token.TokenPolicy;

import java.util.Objects;

/**
 * Configured token lifetimes and the bounds on issuing and checking tokens.
 *
 * @param signInTtlSeconds      tokens handed to a user by e-mail (sign-in, command line)
 * @param refreshTtlSeconds     default for {@code POST /auth/token} when the body names no {@code ttl}
 * @param maxLiveTokens         tokens one user may hold; issuing one more revokes that user's oldest
 * @param tokenIssues           how often one user may get a token from {@code POST /auth/token}
 * @param failedAuthentications how many refused tokens one client address may present before tokens from it that
 *                              are not already known are refused without being looked up (429)
 */
public record IdentitySettings(long signInTtlSeconds, long refreshTtlSeconds, int maxLiveTokens,
                               RateLimiter.Limit tokenIssues, RateLimiter.Limit failedAuthentications) {

    public static final int DEFAULT_MAX_LIVE_TOKENS = 100;
    /**
     * Thirty at once (tabs opened together), then twenty a minute: the UI takes a new token on every page load
     * ({@code useTokenPolling}'s first query) besides every 250 s, so an operator reloading page after page takes
     * one every few seconds; a runaway client is still held to one every 3 s.
     */
    public static final RateLimiter.Limit DEFAULT_TOKEN_ISSUES = new RateLimiter.Limit(30, 20);
    /** A mistyped or expired token now and then, never a guessing run. */
    public static final RateLimiter.Limit DEFAULT_FAILED_AUTHENTICATIONS = new RateLimiter.Limit(30, 30);

    public IdentitySettings {
        TokenPolicy.checkTtl(signInTtlSeconds);
        TokenPolicy.checkTtl(refreshTtlSeconds);
        if (maxLiveTokens < 1) {
            throw new IllegalArgumentException("maxLiveTokens must be at least 1");
        }
        Objects.requireNonNull(tokenIssues, "tokenIssues");
        Objects.requireNonNull(failedAuthentications, "failedAuthentications");
    }

    /** With the default bounds. */
    public IdentitySettings(long signInTtlSeconds, long refreshTtlSeconds) {
        this(signInTtlSeconds, refreshTtlSeconds, DEFAULT_MAX_LIVE_TOKENS, DEFAULT_TOKEN_ISSUES,
                DEFAULT_FAILED_AUTHENTICATIONS);
    }
}
