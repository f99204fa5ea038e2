package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.globaldata.port.in.GlobalDataQuery;
import io.miningos.gateway.application.globaldata.port.in.QueryGlobalDataUseCase;
import io.miningos.gateway.application.globaldata.port.in.WriteGlobalDataUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.globaldata.ContainerSettings;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site-wide data: {@code /auth/global/data} (query and write), {@code /auth/featureConfig} (the static map from
 * configuration), {@code /auth/features} (the stored flags). Reads need a token, writes {@code features:w}.
 */
public final class GlobalDataRoutes implements RouteGroup {

    /** The parameters a global-data answer depends on, in the order they make up its cache key. */
    static final List<String> QUERY_PARAMETERS = List.of("type", "gt", "gte", "lt", "lte", "model", "query", "fields",
            "sort", "offset", "limit", "groupBy");
    private static final Map<String, Object> SUCCESS = Map.of("success", true);

    private final QueryGlobalDataUseCase queries;
    private final WriteGlobalDataUseCase writes;
    private final Map<String, Object> featureConfig;

    public GlobalDataRoutes(QueryGlobalDataUseCase queries, WriteGlobalDataUseCase writes,
                            Map<String, Object> featureConfig) {
        this.queries = queries;
        this.writes = writes;
        this.featureConfig = Collections.unmodifiableMap(new LinkedHashMap<>(featureConfig));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/global/data", this::query);
        routes.post("/auth/global/data", this::write);
        routes.get("/auth/featureConfig", ctx -> ResponseBodies.json(ctx, featureConfig));
        routes.get("/auth/features", ctx -> ResponseBodies.json(ctx, queries.features(QueryParams.refresh(ctx))));
        routes.post("/auth/features", ctx -> save(ctx, writer(ctx), GlobalDataType.FEATURES));
    }

    private void query(Context ctx) {
        ResponseBodies.json(ctx, queries.query(parseQuery(ctx), QueryParams.refresh(ctx)));
    }

    private static GlobalDataQuery parseQuery(Context ctx) {
        GlobalDataType type = GlobalDataType.parse(ctx.queryParam("type"));
        KeyRange range = KeyRange.of(bound(ctx, "gt"), bound(ctx, "gte"), bound(ctx, "lt"), bound(ctx, "lte"));
        String model = QueryParams.given(ctx, "model");
        if (model != null && (model.isBlank() || model.length() > ContainerSettings.MAX_MODEL_LENGTH)) {
            throw DomainException.invalid(QueryParams.invalid("model"));
        }
        Object query = QueryParams.json(ctx, "query");
        Object fields = QueryParams.json(ctx, "fields");
        Object sort = QueryParams.json(ctx, "sort");
        Long offset = QueryParams.integer(ctx, "offset", 0, Integer.MAX_VALUE);
        Long limit = QueryParams.integer(ctx, "limit", 1, GlobalDataQuery.MAX_LIMIT);
        String groupBy = QueryParams.given(ctx, "groupBy");
        List<String> identity = Arrays.asList(QUERY_PARAMETERS.stream()
                .map(name -> QueryParams.given(ctx, name)).toArray(String[]::new));
        return GlobalDataQuery.fromRequest(type, range, Optional.ofNullable(model), query, fields, sort,
                offset == null ? 0 : offset.intValue(), limit == null ? GlobalDataQuery.UNLIMITED : limit.intValue(),
                Optional.ofNullable(groupBy), identity);
    }

    private static Long bound(Context ctx, String name) {
        return QueryParams.integer(ctx, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private void write(Context ctx) {
        Caller caller = writer(ctx);
        save(ctx, caller, GlobalDataType.parse(ctx.queryParam("type")));
    }

    private void save(Context ctx, Caller caller, GlobalDataType type) {
        writes.write(caller, type, JsonBodies.object(ctx).get("data"));
        ResponseBodies.json(ctx, SUCCESS);
    }

    /** The caller, refused before anything of the request is read unless it may write. */
    private static Caller writer(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        caller.require(WriteGlobalDataUseCase.PERMISSION);
        return caller;
    }
}
