package io.miningos.gateway.application.globaldata.port.in;

import java.util.Map;

/**
 * Reads of this site's stored data ({@code GET /auth/global/data}, {@code GET /auth/features}), answered from the
 * response cache while fresh. {@code refresh} (the API's {@code overwriteCache=true}) reads storage again and
 * caches that. A write is visible to every read that starts after it returned.
 */
public interface QueryGlobalDataUseCase {

    /**
     * The matching records as a list of documents; for {@code features} the one flags object ({@code {}} when none
     * were saved).
     */
    Object query(GlobalDataQuery query, boolean refresh);

    /** The stored feature flags, {@code {}} when none were saved. */
    Map<String, Object> features(boolean refresh);
}
