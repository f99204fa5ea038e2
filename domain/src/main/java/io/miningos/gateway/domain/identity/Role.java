package io.miningos.gateway.domain.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named role and its permissions. Names are lower-case words with underscores because the shipped UI reads
 * roles out of the token text with the pattern {@code roles:([a-z_*:]*)}.
 */
public record Role(String name, PermissionSet permissions) {

    /** The super admin's role name. It is not a configurable role and never assignable through the API. */
    public static final String SUPER_ADMIN = "*";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*");

    public Role {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("role name must be lower-case letters and _: " + name);
        }
        Objects.requireNonNull(permissions, "permissions");
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
