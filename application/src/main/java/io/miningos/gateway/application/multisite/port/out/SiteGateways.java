package io.miningos.gateway.application.multisite.port.out;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The site gateways of multi-site mode, reached over their HTTP API with this gateway's service token (never their
 * ORKs). Every call ends by its timeout; the future never fails: a site that is down, slow, refuses the token or
 * answers something that is not a bounded JSON document gives a {@link SiteReply} with its failure.
 */
public interface SiteGateways {

    /** {@code GET} of {@code pathAndQuery} (e.g. {@code /auth/global-config}) on the site with this id. */
    CompletableFuture<SiteReply> get(String siteId, String pathAndQuery, Duration timeout);

    /** {@code POST} of a JSON body (plain Java values) to {@code pathAndQuery} on the site. */
    CompletableFuture<SiteReply> post(String siteId, String pathAndQuery, Object body, Duration timeout);
}
