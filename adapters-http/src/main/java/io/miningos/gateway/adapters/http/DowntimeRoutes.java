package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.downtime.port.in.DowntimeQuery;
import io.miningos.gateway.application.downtime.port.in.DowntimeUseCase;

/**
 * {@code /auth/downtime/curtailment} and {@code /auth/downtime/operationalIssues}: the site's downtime with the
 * multi-site UI's standard parameters ({@code startDate}, {@code endDate}, {@code regions}, {@code period},
 * {@code groupByRegion}, {@code overwriteCache}). A token is enough. {@code groupByRegion} is checked and
 * otherwise ignored: every answer is the superset that both of the UI's readers understand.
 */
public final class DowntimeRoutes implements RouteGroup {

    static final String GROUP_BY_REGION_INVALID = "ERR_GROUPBYREGION_INVALID";

    private final DowntimeUseCase downtime;

    public DowntimeRoutes(DowntimeUseCase downtime) {
        this.downtime = downtime;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/downtime/curtailment", ctx -> OrkResponses.send(ctx,
                downtime.curtailment(query(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/downtime/operationalIssues", ctx -> OrkResponses.send(ctx,
                downtime.operationalIssues(query(ctx), QueryParams.refresh(ctx))));
    }

    private static DowntimeQuery query(Context ctx) {
        QueryParams.flag(ctx, "groupByRegion", GROUP_BY_REGION_INVALID);
        return DowntimeQuery.of(QueryParams.text(ctx, "startDate"), QueryParams.text(ctx, "endDate"),
                QueryParams.array(ctx, "regions"), QueryParams.text(ctx, "period"));
    }
}
