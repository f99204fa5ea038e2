package io.miningos.gateway.domain.analytics.energy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForecastAnswersTest {

    static final long H0 = 1_780_272_000_000L;
    static final long HOUR = 3_600_000L;

    @Test
    void twoSitesForecastingAnHourAddTheirPowerAndAverageTheirPrice() {
        // ORK 1: 1.5 MW at 40 USD/MWh, then 2 MW at 35; ORK 2 (issued an hour later): 0.5 MW at 44, price unknown after
        Object ork1 = arr(obj("ts", H0, "points", arr(obj("ts", H0, "availablePowerMW", 1.5, "priceUSDPerMWh", 40),
                obj("ts", H0 + HOUR, "availablePowerMW", 2, "priceUSDPerMWh", 35))));
        Object ork2 = arr(obj("ts", H0 + HOUR, "points", arr(obj("ts", H0, "availablePowerMW", 0.5,
                "priceUSDPerMWh", 44), obj("ts", H0 + HOUR, "availablePowerMW", "n/a"))));
        ForecastAnswers.Forecast f = ForecastAnswers.forecast(answers(ork1, ork2));
        assertEquals(H0 + HOUR, f.issuedAt(), "the newest forecast");
        assertEquals(List.of(new ForecastAnswers.Point(H0, 2.0, 42.0), new ForecastAnswers.Point(H0 + HOUR, 2.0, 35.0)),
                f.points());
    }

    @Test
    void anAnswerOfAnotherShapeIsNoPointsNotAnError() {
        ForecastAnswers.Forecast f = ForecastAnswers.forecast(answers(arr("ERR_X"), obj("points", "none"), arr()));
        assertNull(f.issuedAt());
        assertEquals(List.of(), f.points());
        assertEquals(List.of(), ForecastAnswers.history(answers(obj("error", "x"), arr(obj("ts", "soon")))));
        assertNull(ForecastAnswers.settings(answers(arr(), arr(1, 2))));
    }

    @Test
    void historyHoursOfTwoSitesAndTheFirstSettings() {
        Object ork1 = arr(obj("ts", H0, "forecastPowerMW", 1.2346, "actualPowerMW", 1.1, "forecastPriceUSDPerMWh", 40,
                "actualPriceUSDPerMWh", 41.005));
        Object ork2 = arr(obj("ts", H0, "forecastPowerMW", 1, "actualPowerMW", null, "forecastPriceUSDPerMWh", 42));
        assertEquals(List.of(new ForecastAnswers.HistoryPoint(H0, 2.235, 1.1, 41.0, 41.01)),
                ForecastAnswers.history(answers(ork1, ork2)));
        assertEquals(obj("lcoe", obj("value", 50)), ForecastAnswers.settings(answers(arr(),
                arr(obj("lcoe", obj("value", 50))), arr(obj("lcoe", obj())))).raw());
    }
}
