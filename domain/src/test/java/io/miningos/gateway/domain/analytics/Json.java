package io.miningos.gateway.domain.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds decoded-JSON test values the way the codec delivers them (decimals as BigDecimal, nulls allowed). */
public final class Json {

    private Json() {
    }

    /** An object from alternating keys and values; numbers with a decimal point as text become BigDecimal. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public static List<Object> arr(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    public static JsonView view(Object value) {
        return JsonView.of(value);
    }

    public static List<JsonView> answers(Object... orkAnswers) {
        List<JsonView> out = new ArrayList<>();
        for (Object a : orkAnswers) {
            out.add(JsonView.of(a));
        }
        return out;
    }
}
