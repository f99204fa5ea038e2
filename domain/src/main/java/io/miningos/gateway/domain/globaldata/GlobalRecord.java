package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored piece of site-wide data: its type, the configured site it belongs to, its key within that type and
 * site, and the JSON document that reads return. Writing a record with the same type, site and key replaces it.
 *
 * @param site     the configured site (the document's own {@code site} field may differ in case only)
 * @param document the JSON object returned by reads; kept in the order its fields were written
 */
public record GlobalRecord(GlobalDataType type, String site, RecordKey key, Map<String, Object> document) {

    /** A number anywhere in written data that the UI would not read back as itself (see {@code decimal}). */
    public static final String INVALID_NUMBER = "ERR_INVALID_NUMBER";

    public GlobalRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(document, "document");
        document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
    }

    /**
     * Applies the write rules of {@code type} to the {@code data} object of a write request.
     *
     * @throws DomainException with the code of the first rule the data breaks ({@code ERR_INVALID_JSON} when it is
     *                         not an object at all, {@code ERR_INVALID_NUMBER} for a number outside what the UI
     *                         reads back exactly in a field without a rule of its own)
     */
    @SuppressWarnings("unchecked")
    public static GlobalRecord written(GlobalDataType type, SiteName site, Object data) {
        if (!(data instanceof Map<?, ?> map)) {
            throw DomainException.invalid(ErrorCodes.INVALID_JSON);
        }
        Map<String, Object> fields = (Map<String, Object>) map;
        GlobalRecord record = switch (type) {
            case PRODUCTION_COSTS -> ProductionCosts.record(site, fields);
            case CONTAINER_SETTINGS -> ContainerSettings.record(site, fields);
            case SITE_ENERGY -> SiteEnergy.record(site, fields);
            case FEATURES -> FeatureFlags.record(site, fields);
        };
        // The fields each type's rules name have their own codes; every other number is kept only if readable.
        DocumentFields.requireReadableNumbers(fields, INVALID_NUMBER);
        return record;
    }
}
