/**
 * The one MongoDB-style query engine of the gateway, over plain JSON values ({@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean}, {@code null}): a library of its own, plain Java that depends on
 * no other part of the gateway. The simulated ORK answers {@code listThings},
 * {@code queryActions} and {@code getHistoricalLogs} with it, and the global-data store filters its records with
 * it.
 *
 * <ul>
 *   <li>{@link io.miningos.gateway.query.MongoFilter}: the {@code query} filter.</li>
 *   <li>{@link io.miningos.gateway.query.Projection}: the {@code fields} projection.</li>
 *   <li>{@link io.miningos.gateway.query.SortSpec}: the {@code sort}, in MongoDB's or the ORK's natural
 *       order.</li>
 *   <li>{@link io.miningos.gateway.query.DocumentQuery}: filter, sort, offset, limit and projection in one
 *       pass, plus {@code groupBy}.</li>
 *   <li>{@link io.miningos.gateway.query.JsonPath}: a compiled dotted path, for callers that read fields
 *       themselves.</li>
 * </ul>
 *
 * Everything is compiled once from client input, refusing malformed input with a
 * {@link io.miningos.gateway.query.QueryException} carrying the caller's {@code ERR_*} code, and then evaluated
 * many times, from any thread, without reflection or string parsing. Documents are never modified.
 */
package io.miningos.gateway.query;
