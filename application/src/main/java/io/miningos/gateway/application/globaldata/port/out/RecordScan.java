package io.miningos.gateway.application.globaldata.port.out;

import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;

import java.util.Objects;
import java.util.Optional;

/**
 * Which stored records a read selects, as far as storage can select them itself: type and site, a numeric key
 * range, an exact key name, and a window of the result in key order.
 *
 * @param name  only the record with this key name (a container model), or any
 * @param skip  records to skip, in key order
 * @param limit records to return at most; {@link Long#MAX_VALUE} for all
 */
public record RecordScan(GlobalDataType type, String site, KeyRange range, Optional<String> name, long skip,
                         long limit) {

    public RecordScan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(name, "name");
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must not be negative");
        }
    }

    /** Every record of a type at a site. */
    public static RecordScan all(GlobalDataType type, String site) {
        return new RecordScan(type, site, KeyRange.ALL, Optional.empty(), 0, Long.MAX_VALUE);
    }
}
