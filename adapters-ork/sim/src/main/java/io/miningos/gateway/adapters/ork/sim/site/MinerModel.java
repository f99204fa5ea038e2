package io.miningos.gateway.adapters.ork.sim.site;

import java.util.List;

/**
 * Miner models the simulated site uses, with public nameplate figures (hashrate in TH/s, power in W) and the
 * efficiency default the real racks report as {@code nominal_efficiency_w_ths}.
 */
public enum MinerModel {
    AM_S19XP_H("miner-am-s19xp_h", Brand.ANTMINER, 255, 5300, 20.8, "hydro"),
    AM_S21("miner-am-s21", Brand.ANTMINER, 200, 3500, 17.5, "air"),
    AM_S21PRO("miner-am-s21pro", Brand.ANTMINER, 234, 3510, 17, "air"),
    WM_M30SPP("miner-wm-m30spp", Brand.WHATSMINER, 112, 3472, 33, "air"),
    WM_M53S("miner-wm-m53s", Brand.WHATSMINER, 226, 6550, 26, "hydro"),
    WM_M56S("miner-wm-m56s", Brand.WHATSMINER, 212, 5550, 26, "immersion"),
    WM_M63("miner-wm-m63", Brand.WHATSMINER, 334, 7200, 26, "hydro"),
    AV_A1346("miner-av-a1346", Brand.AVALON, 110, 3300, 30, "immersion");

    private final String type;
    private final Brand brand;
    private final double nominalThs;
    private final double nominalPowerW;
    private final double nominalEfficiency;
    private final String cooling;

    MinerModel(String type, Brand brand, double nominalThs, double nominalPowerW, double nominalEfficiency,
               String cooling) {
        this.type = type;
        this.brand = brand;
        this.nominalThs = nominalThs;
        this.nominalPowerW = nominalPowerW;
        this.nominalEfficiency = nominalEfficiency;
        this.cooling = cooling;
    }

    public String type() {
        return type;
    }

    public Brand brand() {
        return brand;
    }

    /** Nameplate hashrate in MH/s, the unit of every device stat. */
    public double nominalMhs() {
        return nominalThs * 1e6;
    }

    public double nominalPowerW() {
        return nominalPowerW;
    }

    public double nominalEfficiency() {
        return nominalEfficiency;
    }

    public String cooling() {
        return cooling;
    }

    /** Antminers report power only on the Hydro and S21 families (all of ours); efficiency only on the Hydro. */
    public boolean reportsEfficiency() {
        return brand != Brand.ANTMINER || this == AM_S19XP_H;
    }

    /** Antminer's efficiency is a string with two decimals. */
    public boolean efficiencyAsString() {
        return this == AM_S19XP_H;
    }

    /** The power modes {@code setPowerMode} accepts for this model. */
    public List<String> powerModes() {
        return brand == Brand.ANTMINER ? List.of("sleep", "normal") : List.of("low", "normal", "high", "sleep");
    }

    public String firmware() {
        return switch (brand) {
            case ANTMINER -> "Mon Apr 22 11:08:41 CST 2024";
            case WHATSMINER -> "20240315.22.REL";
            case AVALON -> "24071801_4ec6bb0_61407fa";
        };
    }

    public String serialPrefix() {
        return switch (brand) {
            case ANTMINER -> "JYZZ";
            case WHATSMINER -> "HTM";
            case AVALON -> "AV";
        };
    }

    /** The model with this thing type, or null. */
    public static MinerModel ofType(String type) {
        for (MinerModel m : values()) {
            if (m.type.equals(type)) {
                return m;
            }
        }
        return null;
    }
}
