package io.miningos.gateway.domain.token;

import io.miningos.gateway.domain.identity.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API token: {@code <pfx>:<scope>:<random>-<userId>-roles:<role>[:<role>...]}. The shipped UI
 * reads the roles out of it with {@code roles:([a-z_*:]*)}, so the shape is part of the contract. The random
 * part is 128 bits from {@link SecureRandom}, written as 32 lower-case hex digits (no dashes, so parsing is
 * unambiguous). Storage keeps only {@link #hash(String)}.
 */
public record TokenText(String pfx, String scope, String random, long userId, List<String> roles) {

    public static final String PFX = "pub";
    public static final String SCOPE = "api";
    /** Longer texts are not tokens (an issued one is about 80 characters). */
    public static final int MAX_LENGTH = 512;
    private static final int RANDOM_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile(
            "([a-z]+):([a-z]+):([0-9a-f]{32})-([1-9][0-9]{0,18})-roles:([a-z_*]+(?::[a-z_*]+)*)");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Copied for each hash: looking the algorithm up among the providers costs more than hashing a token. */
    private static final MessageDigest SHA_256 = sha256();

    public TokenText {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a token carries at least one role");
        }
        for (String role : roles) {
            if (!Role.SUPER_ADMIN.equals(role) && !Role.isValidName(role)) {
                throw new IllegalArgumentException("invalid role in token: " + role);
            }
        }
    }

    public static TokenText fresh(long userId, List<String> roles) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new TokenText(PFX, SCOPE, HexFormat.of().formatHex(bytes), userId, roles);
    }

    /** Parses a presented token; empty when it does not have the token shape at all. */
    public static Optional<TokenText> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long userId = Long.parseLong(m.group(4));
            return Optional.of(new TokenText(m.group(1), m.group(2), m.group(3), userId,
                    List.of(m.group(5).split(":"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String text() {
        return pfx + ":" + scope + ":" + random + "-" + userId + "-roles:" + String.join(":", roles);
    }

    /** SHA-256 of the token text, hex. Tokens carry 128 random bits, so a fast unsalted hash is enough. */
    public static String hash(String tokenText) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            sha = sha256(); // a provider whose digests cannot be copied
        }
        return HexFormat.of().formatHex(sha.digest(tokenText.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return pfx + ":" + scope + ":…-" + userId; // never print the secret part
    }
}
