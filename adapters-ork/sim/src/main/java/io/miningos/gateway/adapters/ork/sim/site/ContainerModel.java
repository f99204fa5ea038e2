package io.miningos.gateway.adapters.ork.sim.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Container models, each with its PDU/socket layout (which fixes the miner positions {@code <pdu>_<socket>}),
 * the miner model it is built for and the share of its IT load that cooling adds.
 */
public enum ContainerModel {
    BD_D40_M56("container-bd-d40-m56", "bitdeer", MinerModel.WM_M56S, bitdeerPdus(), numbered(14), 0.035, 18_000),
    BD_D40_A1346("container-bd-d40-a1346", "bitdeer", MinerModel.AV_A1346, bitdeerPdus(), List.of(), 0.035, 18_000),
    MBT_KEHUA("container-mbt-kehua", "microbt", MinerModel.WM_M53S, numbered(12), numbered(20), 0.045, 22_000),
    MBT_WONDERINT("container-mbt-wonderint", "microbt", MinerModel.WM_M63, numbered(12), numbered(20), 0.045, 22_000),
    AS_HK3("container-as-hk3", "antspace", MinerModel.AM_S19XP_H, numbered(8), numbered(14), 0.04, 20_000),
    AS_IMMERSION("container-as-immersion", "antspace", MinerModel.AM_S21PRO, numbered(8), numbered(14), 0.03, 16_000),
    /**
     * A group of a DCS-run hall (sim option {@code dcsHall}): four racks of 20 S21 Pros, positions
     * {@code rack-<r>_<slot>}, so PDU-rack keys are {@code group-<n>_rack-<r>} as the DCS layout names them; cooled by
     * the hall's water circuits. Never one of a container site's models.
     */
    DCS_GROUP("container-as-dcs-group", "antspace", MinerModel.AM_S21PRO, racks(4), numbered(20), 0.05, 4_000);

    private final String type;
    private final String brand;
    private final MinerModel minerModel;
    private final List<String> pdus;
    private final List<String> sockets;
    private final double coolingShare;
    private final double auxiliaryW;
    /** {@link #positions()}, worked out on first use (sockets depend on the constant itself). */
    private volatile List<String> positions;

    ContainerModel(String type, String brand, MinerModel minerModel, List<String> pdus, List<String> sockets,
                   double coolingShare, double auxiliaryW) {
        this.type = type;
        this.brand = brand;
        this.minerModel = minerModel;
        this.pdus = pdus;
        this.sockets = sockets;
        this.coolingShare = coolingShare;
        this.auxiliaryW = auxiliaryW;
    }

    public String type() {
        return type;
    }

    /** The brand tag ({@code bitdeer}, {@code microbt}, {@code antspace}); also the container name prefix. */
    public String brand() {
        return brand;
    }

    public MinerModel minerModel() {
        return minerModel;
    }

    public List<String> pdus() {
        return pdus;
    }

    /** Socket names of one PDU; Bitdeer's A1346 variant lacks socket {@code a1} on PDUs x-3 and x-4. */
    public List<String> sockets(String pdu) {
        if (this == BD_D40_A1346) {
            List<String> names = new ArrayList<>();
            boolean withA1 = !(pdu.endsWith("-3") || pdu.endsWith("-4"));
            for (String row : List.of("a5", "b4", "c4")) {
                char letter = row.charAt(0);
                int count = row.charAt(1) - '0';
                for (int i = 1; i <= count; i++) {
                    if (letter == 'a' && i == 1 && !withA1) {
                        continue;
                    }
                    names.add(letter + Integer.toString(i));
                }
            }
            return names;
        }
        return sockets;
    }

    /** Every miner position in layout order. */
    public List<String> positions() {
        List<String> known = positions;
        if (known == null) {
            List<String> all = new ArrayList<>();
            for (String pdu : pdus) {
                for (String socket : sockets(pdu)) {
                    all.add(pdu + "_" + socket);
                }
            }
            known = List.copyOf(all);
            positions = known;
        }
        return known;
    }

    public int capacity() {
        return positions().size();
    }

    public boolean isBitdeer() {
        return brand.equals("bitdeer");
    }

    public boolean isMicroBt() {
        return brand.equals("microbt");
    }

    /** Cooling draw as a share of the miners' draw (pumps, dry coolers, fans). */
    public double coolingShare() {
        return coolingShare;
    }

    /** Fixed draw of controls, UPS and lighting, in W. */
    public double auxiliaryW() {
        return auxiliaryW;
    }

    private static List<String> bitdeerPdus() {
        return List.of("1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "2-4");
    }

    private static List<String> racks(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("rack-" + i);
        }
        return List.copyOf(names);
    }

    private static List<String> numbered(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(Integer.toString(i));
        }
        return List.copyOf(names);
    }
}
