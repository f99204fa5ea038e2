package io.miningos.gateway.application.multisite;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One site of multi-site mode as the UI knows it: its id (lower-case letters and digits) and display name. The UI
 * calls it a region and names it by the upper-cased id ({@link #region()}).
 */
public record FederatedSite(String id, String name) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");

    public FederatedSite {
        Objects.requireNonNull(name, "name");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a site id is 1 to 32 lower-case letters and digits: " + id);
        }
    }

    /** The region name the UI sends and matches: the id upper-cased. */
    public String region() {
        return id.toUpperCase(Locale.ROOT);
    }
}
