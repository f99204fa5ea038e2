package io.miningos.gateway.domain.analytics;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.NOW;
import static io.miningos.gateway.domain.analytics.FixedSite.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueTypesTest {

    private static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    void aRangeNeedsBothPositiveBoundsInOrderAndWithinItsSpan() {
        Duration week = Duration.ofDays(7);
        assertEquals("ERR_MISSING_START_END", code(() -> TimeRange.of(null, DAY2, week)));
        assertEquals("ERR_MISSING_START_END", code(() -> TimeRange.of(0L, DAY2, week)));
        assertEquals("ERR_MISSING_START_END", code(() -> TimeRange.of(-5L, DAY2, week)));
        assertEquals("ERR_MISSING_START_END", code(() -> TimeRange.of(DAY1, TimeRange.LATEST + 1, week)));
        assertEquals("ERR_INVALID_DATE_RANGE", code(() -> TimeRange.of(DAY2, DAY1, week)));
        assertEquals("ERR_INVALID_DATE_RANGE", code(() -> TimeRange.of(DAY1, DAY1, week)));
        // 7 days and one millisecond is too long for a 7-day bound; exactly 7 days is fine
        assertEquals("ERR_DATE_RANGE_TOO_LARGE", code(() -> TimeRange.of(DAY1, DAY1 + week.toMillis() + 1, week)));
        assertEquals(week, TimeRange.of(DAY1, DAY1 + week.toMillis(), week).span());
    }

    @Test
    void aRangeListsTheUtcDaysItTouchesUpToNow() {
        // 2026-06-01T12:00 .. 2026-06-03T23:59:59.999 touches the three days
        TimeRange range = TimeRange.of(DAY1 + 43_200_000L, DAY3 + UtcCalendar.DAY_MS - 1, TimeRange.MAX_DAYS_SPAN);
        assertEquals(List.of(DAY1, DAY2, DAY3), range.daysUntil(NOW));
        // seen at 2026-06-02T05:00 the third day has not begun
        assertEquals(List.of(DAY1, DAY2), range.daysUntil(DAY2 + 5 * 3_600_000L));
        assertEquals(List.of(), range.daysUntil(DAY1 - 1));
    }

    @Test
    void periodsBucketUtcDaysIntoSundayWeeksMonthsAndYears() {
        assertEquals(DAY3, Period.DAILY.bucketOf(DAY3));
        assertEquals(WEEK, Period.WEEKLY.bucketOf(DAY3)); // Wednesday → Sunday 2026-05-31
        assertEquals(WEEK, Period.WEEKLY.bucketOf(WEEK)); // a Sunday is its own week
        assertEquals(DAY1, Period.MONTHLY.bucketOf(DAY3));
        assertEquals(1_767_225_600_000L, Period.YEARLY.bucketOf(DAY3)); // 2026-01-01T00:00Z
        assertEquals("June", Period.monthName(DAY2));
    }

    @Test
    void aPeriodIsOneOfTheRoutesAllowedNames() {
        EnumSet<Period> noWeeks = EnumSet.of(Period.DAILY, Period.MONTHLY, Period.YEARLY);
        assertEquals(Period.MONTHLY, Period.parse(null, noWeeks, Period.MONTHLY));
        assertEquals(Period.MONTHLY, Period.parse("", noWeeks, Period.MONTHLY));
        assertEquals(Period.YEARLY, Period.parse("yearly", noWeeks, Period.MONTHLY));
        assertEquals("ERR_PERIOD_INVALID", code(() -> Period.parse("weekly", noWeeks, Period.DAILY)));
        assertEquals("ERR_PERIOD_INVALID", code(() -> Period.parse("Daily", noWeeks, Period.DAILY)));
    }

    @Test
    void satoshisAreExactAndRoundSubSatoshiAmountsHalfToEven() {
        assertEquals(6_120_000, Sats.ofBtc(new BigDecimal("0.0612")).value());
        // 0.1 + 0.2 in BTC is exactly 0.3 in satoshis, unlike doubles
        assertEquals(new BigDecimal("0.30000000"),
                Sats.ofBtc(new BigDecimal("0.1")).plus(Sats.ofBtc(new BigDecimal("0.2"))).toBtc());
        assertEquals(2, Sats.ofBtc(new BigDecimal("0.000000025")).value()); // 2.5 sats → 2 (even)
        assertEquals(4, Sats.ofBtc(new BigDecimal("0.000000035")).value()); // 3.5 sats → 4 (even)
        assertNull(Sats.ofBtc(new BigDecimal("30000000"))); // more than will ever exist
        assertEquals(312_500_000, Sats.ofSats(new BigDecimal("312500000")).value());
    }

    @Test
    void dollarsStayExactUntilShownInCentsHalfToEven() {
        // June's 30,000 USD over 30 days is 1,000 a day; over 31 days (July) 967.741935483871 a day
        assertEquals(new BigDecimal("1000.00"), Usd.of(30_000).dividedBy(30).toCents());
        Usd july = Usd.of(30_000).dividedBy(31);
        assertEquals(new BigDecimal("967.74"), july.toCents());
        // 31 exact shares add back to the month within the working scale, so the month shows 30,000.00
        Usd month = Usd.ZERO;
        for (int i = 0; i < 31; i++) {
            month = month.plus(july);
        }
        assertEquals(new BigDecimal("30000.00"), month.toCents());
        assertEquals(new BigDecimal("0.12"), Usd.of("0.125").toCents()); // half to even
        assertEquals(new BigDecimal("0.14"), Usd.of("0.135").toCents());
        // 0.0612 BTC at 104,250 USD is 6,380.10 USD exactly (6,120,000 sats × 104,250 / 10⁸)
        assertEquals(Usd.of("6380.1"), BtcPrice.of("104250").valueOf(Sats.ofBtc(new BigDecimal("0.0612"))));
        assertEquals(new BigDecimal("104.17"), Usd.of(3000).per(new BigDecimal("28.8"))); // 104.1666…
        assertNull(Usd.of(3000).per(BigDecimal.ZERO));
    }

    @Test
    void intervalSumsBecomeMeansAndEnergy() {
        // a day of 5-minute site power at 1.2 MW: 288 × 1,200,000 W
        IntervalSum day = new IntervalSum(345_600_000, 288);
        assertEquals(1_200_000, day.mean());
        // 345,600,000 W × 5 min = 28.8 MWh (= 1.2 MW × 24 h), exactly
        assertEquals(28.8, day.energyMWh(IntervalSum.STAT_5M));
        // 13 intervals of a day that has just begun: the mean of what exists, the energy so far (1.2 MW × 65 min)
        IntervalSum morning = new IntervalSum(13 * 1_200_000.0, 13);
        assertEquals(1_200_000, morning.mean());
        assertEquals(1.3, morning.energyMWh(IntervalSum.STAT_5M), 1e-12);
        assertNull(IntervalSum.ofNullable(345_600_000.0, 0L));
        assertNull(IntervalSum.ofNullable(null, 288L));
    }

    @Test
    void unitsConvertAndEfficiencyIsWattsPerTerahash() {
        Hashrate sixtyPh = new Hashrate(6e10);
        assertEquals(60, sixtyPh.phs());
        assertEquals(60_000, sixtyPh.ths());
        assertEquals(6e16, sixtyPh.hs());
        assertEquals(sixtyPh, Hashrate.ofHs(6e16));
        // 1.2 MW for 60,000 TH/s = 20 W/TH/s
        assertEquals(20.0, new Power(1_200_000).per(sixtyPh));
        assertNull(new Power(1_200_000).per(Hashrate.ZERO));
        assertEquals(1.2, Power.ofKw(1200).mw());
    }

    @Test
    void displayRoundingIsHalfUpLikeJavaScript() {
        assertEquals(2.5, Rounding.places(2.45, 1), 1e-12); // 24.5 → 25 (half up)
        assertEquals(-2.0, Rounding.places(-2.5, 0)); // Math.round(-2.5) = -2, as in JavaScript
        assertNull(Rounding.places((Double) Double.NaN, 1));
        assertEquals(Double.POSITIVE_INFINITY, Rounding.places(Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void pagesAreBoundedAndSliced() {
        assertEquals("ERR_LIMIT_INVALID", code(() -> Page.of(0L, 201L, 50, 200)));
        assertEquals("ERR_LIMIT_INVALID", code(() -> Page.of(0L, 0L, 50, 200)));
        assertEquals("ERR_OFFSET_INVALID", code(() -> Page.of(-1L, 10L, 50, 200)));
        Page page = Page.of(2L, 2L, 50, 200);
        assertEquals(List.of("c", "d"), page.slice(List.of("a", "b", "c", "d", "e")));
        assertEquals(true, page.hasMore(5));
        assertEquals(false, page.hasMore(4));
        assertEquals(List.of(), Page.of(10L, null, 50, 200).slice(List.of("a")));
    }
}
