package io.miningos.gateway.domain.identity;

import java.util.regex.Pattern;

/** One {@code resource:level} permission string, e.g. {@code miner:rw} or {@code users:w}. */
public record Permission(String resource, Access access) {

    private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9_]*");

    public Permission {
        if (resource == null || !RESOURCE.matcher(resource).matches()) {
            throw new IllegalArgumentException("permission resource must be lower-case letters, digits and _: " + resource);
        }
        if (access == null || !access.any()) {
            throw new IllegalArgumentException("permission must grant r, w or rw: " + resource);
        }
    }

    public static Permission parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("permission must be a string like miner:rw");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':')) {
            throw new IllegalArgumentException("permission must look like resource:r, resource:w or resource:rw: " + text);
        }
        return new Permission(text.substring(0, colon), Access.parseLevel(text.substring(colon + 1)));
    }

    /**
     * A permission a route declares, e.g. {@code miner:r}: its resource must be one of
     * {@link RoleCatalog#RESOURCES}, since a misspelt declaration would refuse every caller but the super admin.
     * Routes hold theirs as constants, so a bad one fails the start (and every test of the route).
     *
     * @throws IllegalArgumentException for a malformed permission or an unknown resource
     */
    public static Permission declared(String text) {
        Permission permission = parse(text);
        if (!RoleCatalog.RESOURCES.contains(permission.resource())) {
            throw new IllegalArgumentException("a route declares unknown permission resource '"
                    + permission.resource() + "'");
        }
        return permission;
    }

    @Override
    public String toString() {
        return resource + ":" + (access.read() ? "r" : "") + (access.write() ? "w" : "");
    }
}
