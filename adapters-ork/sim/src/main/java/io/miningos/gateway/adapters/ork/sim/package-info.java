/**
 * The {@code sim} ORK transport: an embedded, simulated mining site that answers the ORK's RPC methods the way a
 * real ORK and its rack workers do, so the gateway runs (and the MiningOS UI draws) with no external service.
 *
 * <p>How it hangs together:
 * <ul>
 *   <li>{@code site}: the site generated from a seed and a size (containers filled with miners, meters, sensors,
 *       pool accounts, racks owning them) and the timelines actions write (power mode, reboots, switches...).</li>
 *   <li>{@code live}: every value a device reports is a pure function of (seed, thing, time, timelines), computed
 *       when read; trouble (offline spells, faults, overheating) comes from seeded episodes, so alerts keep their
 *       {@code createdAt}/{@code uuid} while they last and history can be re-enumerated without storing it.</li>
 *   <li>{@code stats}: rack stat entries at any tick from those same values (so live reads and series agree), the
 *       ORK aggregation spec and ops, {@code groupRange} bucketing.</li>
 *   <li>{@code actions}: the approver's stores, votes and an executor that runs lazily on the clock, and what
 *       executing each action does to the devices.</li>
 *   <li>{@code pools}: the pool workers' extended data (account stats, workers, transactions).</li>
 *   <li>{@code ext}: the external-data workers: the public Bitcoin network ({@code mempool}: price, hashrate,
 *       blocks; the same for every ORK) and the site's electricity supply.</li>
 *   <li>this package: the ORK methods ({@link io.miningos.gateway.adapters.ork.sim.SimOrk}), the transport with
 *       its fault knobs, options and persistence.</li>
 * </ul>
 * Filters, projections and sorts go through the shared query engine in {@code io.miningos.gateway.query}.
 */
package io.miningos.gateway.adapters.ork.sim;
