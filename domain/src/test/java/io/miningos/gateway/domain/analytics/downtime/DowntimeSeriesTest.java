package io.miningos.gateway.domain.analytics.downtime;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DowntimeSeriesTest {

    private static final long JUN_1 = UtcCalendar.startOf(LocalDate.of(2026, 6, 1));
    private static final long DAY = UtcCalendar.DAY_MS;

    // day 1: 48 MWh available, 45 expected, 44 used → curtailed 3, operational issues 1
    // day 2: 50 available, 50 expected, 47 used → curtailed 0, operational issues 3
    // day 3: unknown (no meter data)
    // day 4: 40 available, 30 expected, 32 used (used more than expected) → curtailed 8, operational issues 0
    private static final List<EnergyDay> DAYS = List.of(
            new EnergyDay(JUN_1, 48.0, 45.0, 44.0),
            new EnergyDay(JUN_1 + DAY, 50.0, 50.0, 47.0),
            new EnergyDay(JUN_1 + 2 * DAY, 49.0, 47.0, null),
            new EnergyDay(JUN_1 + 3 * DAY, 40.0, 30.0, 32.0));

    @Test
    void eachDayIsSplitIntoUsedLostToOperationalIssuesAndCurtailed() {
        DowntimeSeries curtailment = DowntimeSeries.of(DAYS, Period.DAILY, DowntimeSeries.Loss.CURTAILMENT);
        List<DowntimeSeries.Bucket> days = curtailment.buckets();
        assertEquals(4, days.size(), "every day is listed");
        assertEquals(3.0, days.get(0).lostMWh());
        assertEquals(6.25, days.get(0).percent(), 1e-12); // 3 / 48
        assertEquals(0.0, days.get(1).lostMWh());
        assertNull(days.get(2).lostMWh());
        assertNull(days.get(2).percent());
        assertEquals(8.0, days.get(3).lostMWh());
        assertEquals(20.0, days.get(3).percent(), 1e-12);

        DowntimeSeries issues = DowntimeSeries.of(DAYS, Period.DAILY, DowntimeSeries.Loss.OPERATIONAL_ISSUES);
        assertEquals(1.0, issues.buckets().get(0).lostMWh());
        assertEquals(6.0, issues.buckets().get(1).percent(), 1e-12); // 3 / 50
        assertEquals(0.0, issues.buckets().get(3).lostMWh());
    }

    @Test
    void theRangeFigureIsAShareOfTheRangesEnergyNotASumOfPercentages() {
        DowntimeSeries curtailment = DowntimeSeries.of(DAYS, Period.DAILY, DowntimeSeries.Loss.CURTAILMENT);
        DowntimeSeries.Bucket total = curtailment.total();
        assertEquals(11.0, total.lostMWh());
        assertEquals(138.0, total.availableMWh());
        assertEquals(3, total.knownDays());
        assertEquals(100 * 11.0 / 138.0, total.percent(), 1e-12);
        assertEquals(11.0 / 3, curtailment.meanLostMWh(), 1e-12);
        assertEquals((6.25 + 0 + 20) / 3, curtailment.meanPercent(), 1e-12);
    }

    @Test
    void monthlyBucketsAddTheirDaysEnergies() {
        DowntimeSeries monthly = DowntimeSeries.of(DAYS, Period.MONTHLY, DowntimeSeries.Loss.OPERATIONAL_ISSUES);
        assertEquals(1, monthly.buckets().size());
        DowntimeSeries.Bucket june = monthly.buckets().getFirst();
        assertEquals(JUN_1, june.start());
        assertEquals(4.0, june.lostMWh());
        assertEquals(100 * 4.0 / 138.0, june.percent(), 1e-12);
    }

    @Test
    void withoutDataThereAreNullsNotZeros() {
        DowntimeSeries none = DowntimeSeries.of(List.of(new EnergyDay(JUN_1, null, null, 40.0),
                new EnergyDay(JUN_1 + DAY, 0.0, 0.0, 0.0)), Period.DAILY, DowntimeSeries.Loss.CURTAILMENT);
        assertNull(none.total().lostMWh());
        assertNull(none.total().percent());
        assertNull(none.meanPercent());
        assertNull(none.meanLostMWh());
        assertFalse(new EnergyDay(JUN_1, 0.0, 0.0, 0.0).known(), "nothing available: no share to speak of");
        assertEquals(List.of(), DowntimeSeries.of(List.of(), Period.DAILY, DowntimeSeries.Loss.CURTAILMENT).buckets());
    }
}
