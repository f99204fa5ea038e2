package io.miningos.gateway.application.downtime.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/**
 * The site's downtime, derived from its data: how much of the energy available to it was curtailed, and how much
 * was lost to operational issues, per day, week or month of a range (the multi-site UI's {@code downtime/*}
 * endpoints, which the single-site Energy Revenue page calls too). Cached; a token is enough to read.
 */
public interface DowntimeUseCase {

    /** {@code {period, log:[{ts, curtailmentMWh, curtailmentRate}], summary:{sum, avg}, regions:[...], data}}. */
    CompletableFuture<GatheredAnswer> curtailment(DowntimeQuery query, boolean refresh);

    /** As {@link #curtailment}, with {@code operationalIssuesMWh} and {@code operationalIssues}. */
    CompletableFuture<GatheredAnswer> operationalIssues(DowntimeQuery query, boolean refresh);
}
