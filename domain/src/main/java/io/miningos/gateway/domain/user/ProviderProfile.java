package io.miningos.gateway.domain.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the identity provider said about a person at their last sign-in besides the e-mail: the display name, the
 * given name and the picture URL ({@code GET /auth/userinfo} shows them in {@code metadata}, as the Node gateway
 * did). Each is kept only when usable: names trimmed, 1..200 characters without control characters; the picture an
 * absolute {@code https} (or {@code http}) URL of at most 2,000 characters, since the UI puts it in an image tag.
 * Anything else is null.
 */
public record ProviderProfile(String name, String givenName, String picture) {

    static final int MAX_NAME = 200;
    static final int MAX_URL = 2_000;

    public static final ProviderProfile NONE = new ProviderProfile(null, null, null);

    public ProviderProfile {
        name = cleanName(name);
        givenName = cleanName(givenName);
        picture = cleanPicture(picture);
    }

    /** From the provider's raw values (any JSON value; non-strings are dropped). */
    public static ProviderProfile of(Object name, Object givenName, Object picture) {
        return new ProviderProfile(name instanceof String n ? n : null, givenName instanceof String g ? g : null,
                picture instanceof String p ? p : null);
    }

    public boolean isEmpty() {
        return name == null && givenName == null && picture == null;
    }

    private static String cleanName(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return trimmed;
    }

    private static String cleanPicture(String value) {
        if (value == null || value.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? value : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
