package io.miningos.gateway.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway remembers about an issued token: its hash (never the text), whose it is, which roles it
 * carries, which client addresses may present it and when it expires.
 */
public record TokenGrant(String hash, long userId, List<String> roles, Set<ClientIp> ips, Instant createdAt,
                         Instant expiresAt) {

    public TokenGrant {
        Objects.requireNonNull(hash, "hash");
        roles = List.copyOf(roles);
        ips = Set.copyOf(ips);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (ips.isEmpty()) {
            throw new IllegalArgumentException("a token is bound to at least one client address");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isBoundTo(ClientIp ip) {
        return ips.contains(ip);
    }

    /**
     * Whether {@code text} is, character for character, one of the bound addresses in canonical form: a cheap test
     * before parsing the text ({@link ClientIp#parse}); false says nothing, the parsed address decides then.
     */
    public boolean isBoundToLiteral(String text) {
        return text != null && ips.contains(new ClientIp(text));
    }

    public long ttlSeconds() {
        return Duration.between(createdAt, expiresAt).toSeconds();
    }
}
