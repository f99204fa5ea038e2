package io.miningos.gateway.adapters.http.sites;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the central gateway reaches one site gateway.
 *
 * @param id                 the site's id
 * @param baseUrl            the site gateway's URL (no trailing {@code /})
 * @param token              the service token the site issued for this gateway
 * @param verifyTls          check the site's certificate and host name (https)
 * @param trustStore         the CAs to trust for this site instead of the JVM's (PKCS#12 or JKS)
 * @param trustStorePassword its password
 */
public record SiteEndpoint(String id, URI baseUrl, String token, boolean verifyTls, Optional<Path> trustStore,
                           Optional<String> trustStorePassword) {

    public SiteEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    @Override
    public String toString() {
        return "SiteEndpoint[" + id + " " + baseUrl + "]"; // never the token
    }
}
