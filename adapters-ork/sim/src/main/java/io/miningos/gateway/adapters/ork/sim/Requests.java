package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.RequestNumbers;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.Map;

/**
 * Reading request fields the way a Node worker does (numbers may arrive as numeric strings, anything non-empty is
 * truthy), and compiling Mongo-style filters, projections and sorts with the shared query engine. Compile errors
 * become the ORK's {@code ERR_*} answer.
 */
final class Requests {

    private Requests() {
    }

    static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
        }
        return !(v instanceof String s) || !s.isEmpty();
    }

    /** A whole number from a number or a numeric string, else null. */
    static Long asLong(Object v) {
        return RequestNumbers.asLong(v);
    }

    static String string(Map<String, Object> req, String key) {
        return req.get(key) instanceof String s ? s : null;
    }

    static MongoFilter filter(Object query, String code) {
        try {
            return MongoFilter.compile(query, code);
        } catch (QueryException e) {
            throw new OrkError(e.code());
        }
    }

    static Projection projection(Object fields, String code) {
        try {
            return Projection.compile(fields, code);
        } catch (QueryException e) {
            throw new OrkError(e.code());
        }
    }

    static SortSpec sort(Object sort, String code) {
        try {
            return SortSpec.compile(sort, SortSpec.Ordering.NATURAL, code);
        } catch (QueryException e) {
            throw new OrkError(e.code());
        }
    }
}
