package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.FinanceQuery;
import io.miningos.gateway.application.analytics.port.in.FinanceReport;
import io.miningos.gateway.application.analytics.port.in.FinanceUseCase;
import io.miningos.gateway.domain.analytics.TimeRange;

/**
 * {@code /auth/finance/*}: the finance reports ({@link FinanceReport}), each {@code ?start=&end=} (epoch ms, both
 * included) {@code &period=} {@code &overwriteCache=}; the revenue report also {@code &pool=}. A token is enough.
 * A {@code start}/{@code end} that is missing or not a whole number is {@code ERR_MISSING_START_END}.
 */
public final class FinanceRoutes implements RouteGroup {

    private final FinanceUseCase finance;

    public FinanceRoutes(FinanceUseCase finance) {
        this.finance = finance;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (FinanceReport report : FinanceReport.values()) {
            routes.get(report.route(), ctx -> OrkResponses.send(ctx,
                    finance.report(query(ctx, report), QueryParams.refresh(ctx))));
        }
    }

    private static FinanceQuery query(Context ctx, FinanceReport report) {
        return FinanceQuery.of(report, QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END),
                QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END), QueryParams.given(ctx, "period"),
                report == FinanceReport.REVENUE ? QueryParams.given(ctx, "pool") : null);
    }
}
