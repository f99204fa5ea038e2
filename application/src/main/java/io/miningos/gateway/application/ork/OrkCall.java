package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;
import java.util.Objects;

/**
 * One ORK read of a computed route: asked of every ORK.
 *
 * @param paged a {@code listThings} read page by page until every thing is read ({@link #pagedThings})
 */
public record OrkCall(OrkMethod method, Map<String, Object> payload, boolean paged) {

    /** Things per rack and page of a paged read (the ORK's default {@code limit}). */
    public static final int PAGE_SIZE = 100;
    /** Pages of a paged read at most: 20,000 things of a rack; more are reported as truncated. */
    public static final int MAX_PAGES = 200;

    public OrkCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payload, "payload");
        if (paged && (method != OrkMethod.LIST_THINGS || payload.containsKey("offset")
                || payload.containsKey("limit"))) {
            throw new IllegalArgumentException("a paged read is a listThings without offset and limit");
        }
    }

    public OrkCall(OrkMethod method, Map<String, Object> payload) {
        this(method, payload, false);
    }

    /**
     * Every thing {@code listThings {payload}} matches, however many: the ORKs are asked page after page
     * ({@code offset}, {@code limit} {@value #PAGE_SIZE}, per rack as the ORK applies them).
     */
    public static OrkCall pagedThings(Map<String, Object> payload) {
        return new OrkCall(OrkMethod.LIST_THINGS, payload, true);
    }
}
