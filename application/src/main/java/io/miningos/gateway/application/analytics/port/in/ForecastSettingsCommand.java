package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/energy/forecast/settings}: the settings object the energy-forecast page keeps, stored as sent
 * (extra properties kept); each of {@link #REQUIRED} must be an object (their contents are the page's).
 */
public record ForecastSettingsCommand(Map<String, Object> settings) {

    public static final String BODY_INVALID = "ERR_BODY_INVALID";
    public static final List<String> REQUIRED = List.of("miningRevenueTaxFees", "sellingEnergyTaxFees",
            "buyingEnergyTaxFees", "lcoe", "siteEfficiency");

    public ForecastSettingsCommand {
        for (String name : REQUIRED) {
            if (!(settings.get(name) instanceof Map<?, ?>)) {
                throw DomainException.invalid(BODY_INVALID);
            }
        }
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
