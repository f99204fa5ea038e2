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
 *       {@code createdAt}/{@code uuid} while they last and history can be re-enumerated without storing it. Each
 *       worker family writes its snapshots ({@code MinerSnapshot} and subclasses, {@code ContainerSnapshot}...).
 *       </li>
 *   <li>{@code stats}: rack stat entries at any tick from those same values (so live reads and series agree),
 *       each rack's stats spec as data ({@code StatTable} of {@code StatDef}s), the ORK aggregation spec and ops,
 *       {@code groupRange} bucketing, and the day sums ({@code Rollups}) that weeks and months of entries are read
 *       from.</li>
 *   <li>{@code rpc}: what a call answers with besides data: {@code OrkError} and its codes ({@code OrkErrors}),
 *       and the call's {@code Deadline}, which every long loop checks so abandoned work stops.</li>
 *   <li>{@code actions}: the approver's stores, votes and an executor that runs lazily on the clock, and what
 *       executing each action does to the devices.</li>
 *   <li>{@code pools}: the pool workers' extended data (account stats, workers, transactions).</li>
 *   <li>{@code ext}: the external-data workers: the public Bitcoin network ({@code mempool}: price, hashrate,
 *       blocks; the same for every ORK) and the site's electricity supply.</li>
 *   <li>this package: the ORK methods ({@link io.miningos.gateway.adapters.ork.sim.SimOrk}), the transport with
 *       its own platform threads, deadlines and fault knobs
 *       ({@link io.miningos.gateway.adapters.ork.sim.SimTransport}), options and persistence (a write is saved or
 *       changes nothing).</li>
 * </ul>
 * Filters, projections and sorts go through the shared query engine in {@code io.miningos.gateway.query}.
 */
package io.miningos.gateway.adapters.ork.sim;
