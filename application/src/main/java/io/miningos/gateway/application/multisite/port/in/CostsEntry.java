package io.miningos.gateway.application.multisite.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * One month of one site's production costs as the Cost Input page posts it: {@code {region, month, year,
 * energyCostsUSD, operationalCostsUSD}} (USD for the whole month; missing costs are 0, as the UI sends empty ones).
 */
public record CostsEntry(String region, int year, int month, BigDecimal energyCostsUsd, BigDecimal operationalCostsUsd) {

    public static final String INVALID_YEAR = "ERR_INVALID_YEAR";
    public static final String INVALID_MONTH = "ERR_INVALID_MONTH";
    public static final String INVALID_COSTS = "ERR_INVALID_COSTS";
    private static final BigDecimal MAX_COST = BigDecimal.TEN.pow(12);

    public static CostsEntry of(Map<String, Object> body) {
        Object region = body.get("region");
        if (!(region instanceof String text) || text.isEmpty() || text.length() > 64) {
            throw DomainException.invalid(MultiSiteQuery.REGIONS_INVALID);
        }
        int year = whole(body.get("year"), 2000, 9999, INVALID_YEAR);
        int month = whole(body.get("month"), 1, 12, INVALID_MONTH);
        return new CostsEntry(text.toUpperCase(Locale.ROOT), year, month, cost(body.get("energyCostsUSD")),
                cost(body.get("operationalCostsUSD")));
    }

    /** A JSON number as an exact decimal; null for anything else (text, NaN, infinities). */
    private static BigDecimal decimal(Object value) {
        if (!(value instanceof Number n)) {
            return null;
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int whole(Object value, int min, int max, String code) {
        BigDecimal d = decimal(value);
        if (d != null) {
            if (d.stripTrailingZeros().scale() <= 0 && d.compareTo(BigDecimal.valueOf(min)) >= 0
                    && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return d.intValueExact();
            }
        }
        throw DomainException.invalid(code);
    }

    private static BigDecimal cost(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = decimal(value);
        if (d != null) {
            if (d.signum() >= 0 && d.compareTo(MAX_COST) <= 0 && d.scale() <= 20) {
                return d;
            }
        }
        throw DomainException.invalid(INVALID_COSTS);
    }
}
