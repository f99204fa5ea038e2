package io.miningos.gateway.adapters.ork.sim.live;

import java.util.List;

/**
 * The values a miner reports at one poll. Offline and sleeping miners keep their fields so callers need no null
 * checks; what goes into JSON depends on {@link #status()}.
 *
 * @param hashrateMhs the {@code hashrate_mhs.t_5m} value every aggregation uses
 * @param alerts      current alerts, null when there are none (as {@code last.alerts})
 */
public record MinerSample(MinerStatus status, String powerMode, double hashrateMhs, double powerW,
                          double ambientC, double chipAvgC, double chipMaxC, double pcbMaxC, double frequencyMhz,
                          long bootTs, boolean ledOn, int upfreqSpeed, List<AlertCatalog.DeviceFault> faults,
                          List<Alert> alerts, long sharesAccepted, long sharesRejected, long sharesStale) {

    public enum MinerStatus {
        MINING("mining"), SLEEPING("sleeping"), ERROR("error"), OFFLINE("offline");

        private final String json;

        MinerStatus(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public boolean offline() {
        return status == MinerStatus.OFFLINE;
    }

    /** Watts per TH/s; 0 when not hashing. */
    public double efficiency() {
        return hashrateMhs > 0 ? powerW / (hashrateMhs / 1e6) : 0;
    }
}
