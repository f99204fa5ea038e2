package io.miningos.gateway.application.multisite;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Sats;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteLedgerTest {

    private static final long D1 = 1_780_272_000_000L; // 2026-06-01 UTC
    private static final long DAY = 86_400_000L;

    private static Map<String, Object> day(long ts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ts", ts);
        row.put("revenueBTC", new BigDecimal("0.03000000"));
        row.put("revenueUsd", new BigDecimal("3000.00"));
        row.put("btcPriceUsd", new BigDecimal("100000.00"));
        row.put("sitePowerW", 1_200_000L);
        row.put("hashrateMhs", 40_000_000_000L);
        row.put("blockSubsidyBTC", new BigDecimal("3.12500000"));
        row.put("blockFeesBTC", new BigDecimal("0.12500000"));
        row.put("energyCostUsd", null);
        return row;
    }

    private static JsonView answer(Object... rows) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("log", new ArrayList<>(List.of(rows)));
        answer.put("summary", Map.of("currentBtcPriceUsd", new BigDecimal("90000.00")));
        return JsonView.of(answer);
    }

    @Test
    void readsTheSitesDaysExactly() {
        SiteLedger ledger = SiteLedger.read(answer(day(D1), day(D1 + DAY)), D1, D1 + 2 * DAY);
        assertEquals(2, ledger.days().size());
        SiteDay first = ledger.days().getFirst();
        assertEquals(new Sats(3_000_000), first.revenue());
        assertNull(first.energyCost());
        // fee share of the block: 0.125 / 3.25 of 3,000,000 sats, rounded down
        assertEquals(new Sats(115_384), first.txFees());
        assertEquals(new BigDecimal("90000.00"), ledger.currentPriceUsd());
    }

    @Test
    void anAnswerOfAnotherShapeIsRefusedWhole() {
        Map<String, Object> text = day(D1);
        text.put("revenueBTC", "lots");
        Map<String, Object> negative = day(D1);
        negative.put("sitePowerW", -5);
        Map<String, Object> notMidnight = day(D1 + 1);
        Map<String, Object> outside = day(D1 - DAY);
        for (JsonView bad : List.of(JsonView.of(List.of()), JsonView.of(Map.of("log", "x")), answer("row"),
                answer(text), answer(negative), answer(notMidnight), answer(outside), answer(day(D1), day(D1)),
                answer(day(D1 + DAY), day(D1)), answer(day(D1), day(D1 + DAY), day(D1 + 2 * DAY), day(D1 + 3 * DAY)))) {
            assertThrows(IllegalArgumentException.class, () -> SiteLedger.read(bad, D1, D1 + 2 * DAY), bad.toString());
        }
    }
}
