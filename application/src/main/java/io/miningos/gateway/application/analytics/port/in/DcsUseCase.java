package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/**
 * The site's central DCS (distributed control system): its cooling circuits and its electrical system, as views
 * built from the DCS thing's snapshot ({@code last.snap}; the shapes read are the gateway's contract with the DCS
 * worker, README "DCS"). Only where the site has one ({@code featureConfig.centralDCSSetup.enabled}): else 501
 * {@code ERR_FEATURE_NOT_ENABLED}; no DCS thing on any ORK: 404 {@code ERR_DCS_DATA_NOT_FOUND}. A token is enough.
 */
public interface DcsUseCase {

    String FEATURE_NOT_ENABLED = "ERR_FEATURE_NOT_ENABLED";
    String DATA_NOT_FOUND = "ERR_DCS_DATA_NOT_FOUND";

    /** {@code {type, view, data}}. */
    CompletableFuture<GatheredAnswer> cooling(CoolingView view, boolean refresh);

    /** {@code {view, data}}. */
    CompletableFuture<GatheredAnswer> energy(EnergyView view, boolean refresh);
}
