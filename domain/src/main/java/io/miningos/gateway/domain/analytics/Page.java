package io.miningos.gateway.domain.analytics;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;

/**
 * A page of a list the gateway itself sorts and slices: {@code offset} ≥ 0 ({@code ERR_OFFSET_INVALID}) and
 * {@code limit} in {@code 1..max} ({@code ERR_LIMIT_INVALID}; the Node gateway silently capped it instead).
 */
public record Page(int offset, int limit) {

    public static final String OFFSET_INVALID = "ERR_OFFSET_INVALID";
    public static final String LIMIT_INVALID = "ERR_LIMIT_INVALID";
    /** No list the gateway pages is longer than this; an offset beyond it can only be a mistake. */
    public static final int MAX_OFFSET = 1_000_000;

    public Page {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw DomainException.invalid(OFFSET_INVALID);
        }
        if (limit < 1) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
    }

    /** The page a request asks for, with defaults for absent values and {@code limit} at most {@code max}. */
    public static Page of(Long offset, Long limit, int defaultLimit, int max) {
        if (offset != null && (offset < 0 || offset > MAX_OFFSET)) {
            throw DomainException.invalid(OFFSET_INVALID);
        }
        if (limit != null && (limit < 1 || limit > max)) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
        return new Page(offset == null ? 0 : offset.intValue(), limit == null ? defaultLimit : limit.intValue());
    }

    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) offset + limit);
        return List.copyOf(all.subList(from, to));
    }

    /** More items follow this page in a list of {@code total}. */
    public boolean hasMore(int total) {
        return (long) offset + limit < total;
    }
}
