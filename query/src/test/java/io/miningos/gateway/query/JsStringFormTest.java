package io.miningos.gateway.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class JsStringFormTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void rendersValuesAsJavaScriptsStringDoes(Object value, String expected) {
        assertEquals(expected, JsStringForm.of(value));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(JsonPath.MISSING, "undefined"),
                arguments(null, "null"),
                arguments("text", "text"),
                arguments(true, "true"),
                arguments(202410, "202410"),
                arguments(-7L, "-7"),
                arguments(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
                arguments(5.0, "5"),
                arguments(-0.0, "0"),
                arguments(0.1, "0.1"),
                arguments(0.1f, "0.1"),
                arguments(1.5e-7, "1.5e-7"),
                arguments(1e-7, "1e-7"),
                arguments(0.000001, "0.000001"),
                arguments(123456789012.5, "123456789012.5"),
                arguments(1e21, "1e+21"),
                arguments(1.2345e22, "1.2345e+22"),
                arguments(999999999999999900000.0, "999999999999999900000"),
                arguments(-2.5e-9, "-2.5e-9"),
                arguments(Double.NaN, "NaN"),
                arguments(Double.NEGATIVE_INFINITY, "-Infinity"),
                arguments(new BigDecimal("5.00"), "5"),
                arguments(new BigDecimal("1E+3"), "1000"),
                arguments(new BigDecimal("0.0"), "0"),
                arguments(Map.of("a", 1), "[object Object]"),
                arguments(Arrays.asList(1, null, "a", List.of(2, 3), Map.of()), "1,,a,2,3,[object Object]"),
                arguments(List.of(), ""));
    }
}
