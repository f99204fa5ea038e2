/**
 * The analytics read models (finance, pools, site status and efficiency, metrics, alerts, devices): pure
 * computations over typed inputs, and the readers that make those inputs out of decoded ORK answers (plain Java
 * values) without trusting their shape ({@link io.miningos.gateway.domain.analytics.JsonView}).
 *
 * <p>This package holds the shared value types: {@link io.miningos.gateway.domain.analytics.TimeRange} (bounded,
 * validated ranges), {@link io.miningos.gateway.domain.analytics.Period} and
 * {@link io.miningos.gateway.domain.analytics.UtcCalendar} (every bucket is UTC),
 * {@link io.miningos.gateway.domain.analytics.Sats} and {@link io.miningos.gateway.domain.analytics.Usd} (exact
 * money, documented rounding), {@link io.miningos.gateway.domain.analytics.Hashrate} and
 * {@link io.miningos.gateway.domain.analytics.Power} (units), {@link io.miningos.gateway.domain.analytics.IntervalSum}
 * (per-interval means of summed stats). Sub-packages: {@code finance}, {@code pools}, {@code site},
 * {@code metrics}, {@code alerts}, {@code devices}. Which ORK calls feed which reader, and how the routes show the
 * results, is in {@code docs/analytics-design.md}.
 */
package io.miningos.gateway.domain.analytics;
