package io.miningos.gateway.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Thing documents shaped like the ORK's {@code listThings} records (id, code, type, tags, info, rack, comments,
 * connection fields, last.snap/alerts/err/ts), with made-up values. Used by the tests and by the benchmark.
 */
final class SampleThings {

    private SampleThings() {
    }

    /** An Antminer S21 mining normally inside a Bitdeer container, with a comment. */
    static Map<String, Object> antminerS21() {
        return Json.object("""
                {
                  "id": "Rb8nQ2xTz5KcW1m", "code": "AM-S21-0118", "type": "miner-am-s21",
                  "tags": ["t-miner-am-s21", "t-miner-am", "t-miner", "antminer", "site-north-field",
                           "id-Rb8nQ2xTz5KcW1m", "code-AM-S21-0118", "pos-2-3_b2", "container-bitdeer-7b"],
                  "info": { "site": "north-field", "location": "site.container", "container": "bitdeer-7b",
                            "pos": "2-3_b2", "serialNum": "JYZZB4KBCJHJG0412", "macAddress": "d4:a8:1e:33:90:5c",
                            "nominalHashrateMhs": 200000000, "createdAt": 1712311200000, "updatedAt": 1716800020000 },
                  "rack": "miner-am-s21-shelf-1",
                  "comments": [ { "id": "c-1", "ts": 1716800000000, "user": "ops.lead@example.com",
                                  "comment": "fan replaced" } ],
                  "address": "10.7.23.102", "port": 80,
                  "opts": { "address": "10.7.23.102", "port": 80, "password": "not-returned" },
                  "last": {
                    "ts": 1718035260113, "err": null, "alerts": null,
                    "snap": {
                      "success": true, "raw_errors": [],
                      "stats": {
                        "status": "mining", "uptime_ms": 1284560000, "power_w": 3492, "nominal_efficiency_w_ths": 17.5,
                        "hashrate_mhs": { "avg": 199844120.5, "t_5s": 202117000, "t_5m": 200533671.28, "t_30m": 200533671.28 },
                        "temperature_c": { "ambient": 50.66, "max": 73, "avg": 70.33,
                          "chips": [ { "index": 0, "max": 70, "avg": 70 }, { "index": 1, "max": 73, "avg": 73 } ] }
                      },
                      "config": { "power_mode": "normal", "suspended": false, "led_status": false,
                                  "firmware_ver": "Mon Apr 22 11:08:41 CST 2024",
                                  "pool_config": [ { "url": "stratum+tcp://btc.pool-a.example:3333", "username": "nf.Rb8n" } ] }
                    }
                  }
                }""");
    }

    /** A Whatsminer M56S in error with one critical and one medium alert. */
    static Map<String, Object> whatsminerWithAlerts() {
        return Json.object("""
                {
                  "id": "P3x9Lm2Qa7Vb1Nc", "code": "WM-M56S-0007", "type": "miner-wm-m56s",
                  "tags": ["t-miner-wm-m56s", "t-miner-wm", "t-miner", "whatsminer",
                           "id-P3x9Lm2Qa7Vb1Nc", "code-WM-M56S-0007", "pos-2-1_7", "container-bitdeer-2a"],
                  "info": { "container": "bitdeer-2a", "pos": "2-1_7", "createdAt": 1709280000000 },
                  "rack": "miner-wm-m56s-shelf-2",
                  "address": "10.14.3.41", "port": 4028,
                  "last": {
                    "ts": 1718035262000, "err": null,
                    "alerts": [
                      { "name": "power_input_voltage_low", "code": "206", "description": "Input voltage low",
                        "severity": "critical", "createdAt": 1718030000000, "uuid": "0b6c3c1e-4a7f-4d2e-9a51-1f2e3d4c5b6a",
                        "message": "Error code 206" },
                      { "name": "hashrate_low", "code": "hashrate_low", "description": "Hashrate below nominal",
                        "severity": "medium", "createdAt": 1718031000000, "uuid": "7d2e1f0a-3b4c-4d5e-8f90-a1b2c3d4e5f6" }
                    ],
                    "snap": {
                      "success": true,
                      "raw_errors": [ { "name": "power_input_voltage_low", "message": "Error code 206", "code": "206" } ],
                      "stats": { "status": "error", "power_w": 5512, "efficiency_w_ths": 26.18,
                                 "hashrate_mhs": { "avg": 210533100.27, "t_5m": 210990344.1 } },
                      "config": { "power_mode": "normal", "firmware_ver": "20240315.22.REL" }
                    }
                  }
                }""");
    }

    /** An Antminer S19 XP in maintenance, offline, with only a medium alert carried over. */
    static Map<String, Object> offlineMinerWithMediumAlert() {
        return Json.object("""
                {
                  "id": "Zz1Yy2Xx3Ww4Vv5", "code": "AM-S19XP-0003", "type": "miner-am-s19xp",
                  "tags": ["t-miner-am-s19xp", "t-miner-am", "t-miner", "antminer", "container-maintenance"],
                  "info": { "container": "maintenance", "location": "workshop.lab" },
                  "rack": "miner-am-s19xp-shelf-1",
                  "last": {
                    "ts": 1718035200000, "err": null,
                    "alerts": [ { "name": "error_snap", "code": "error_snap", "description": "No snap", "severity": "medium",
                                  "createdAt": 1718000000000, "uuid": "11111111-2222-4333-8444-555555555555" } ],
                    "snap": { "success": false, "stats": { "status": "offline" } }
                  }
                }""");
    }

    /** A miner right after a rack restart: no {@code last.alerts} at all yet. */
    static Map<String, Object> minerWithoutAlertsField() {
        return Json.object("""
                {
                  "id": "Aa9Bb8Cc7Dd6Ee5", "code": "AM-S21-0002", "type": "miner-am-s21",
                  "tags": ["t-miner-am-s21", "t-miner-am", "t-miner", "antminer"],
                  "info": { "container": "bitdeer-7b", "pos": "1-1_a1" },
                  "rack": "miner-am-s21-shelf-1",
                  "last": { "ts": 1718035100000, "err": "ERR_THING_CONNECTION_FAILURE", "snap": null }
                }""");
    }

    /** The site-level ABB power meter. */
    static Map<String, Object> siteMeter() {
        return Json.object("""
                {
                  "id": "4f1d2c3b-5a6e-4f70-8a91-b2c3d4e5f607", "code": "ABB-REU615-0001", "type": "powermeter-abb-reu615",
                  "tags": ["t-powermeter-abb-reu615", "t-powermeter-abb", "t-powermeter", "abb", "pos-site"],
                  "info": { "pos": "site" }, "rack": "powermeter-abb-reu615-site1",
                  "address": "10.60.0.5", "port": 502, "unitId": 1,
                  "last": { "ts": 1718035265000, "err": null, "alerts": null,
                            "snap": { "success": true, "raw_errors": [], "stats": { "power_w": 21384000, "voltage_v": 33120 },
                                      "config": {} } }
                }""");
    }

    /** A transformer temperature sensor. */
    static Map<String, Object> transformerSensor() {
        return Json.object("""
                {
                  "id": "c7d1e2f3-a4b5-4c6d-8e7f-901234567890", "code": "TEMP-SENECA-0004", "type": "sensor-temp-seneca",
                  "tags": ["t-sensor-temp-seneca", "t-sensor-temp", "t-sensor", "temp", "seneca", "pos-tr2"],
                  "info": { "pos": "tr2" }, "rack": "sensor-temp-seneca-site1",
                  "address": "10.60.0.21", "port": 502, "unitId": 3,
                  "last": { "ts": 1718035265000, "err": null, "alerts": null,
                            "snap": { "success": true, "raw_errors": [], "stats": { "status": "ok", "temp_c": 61.4 }, "config": {} } }
                }""");
    }

    /** A MicroBT container (trimmed). */
    static Map<String, Object> microbtContainer() {
        return Json.object("""
                {
                  "id": "5b0e2c1a-7d4e-4f0b-9a51-3c2f8e6d9b10", "code": "MBT-WONDERINT-0002", "type": "container-mbt-wonderint",
                  "tags": ["t-container-mbt-wonderint", "t-container-mbt", "t-container", "microbt", "container-microbt-2"],
                  "info": { "container": "microbt-2", "nominalMinerCapacity": 240 },
                  "rack": "container-mbt-wonderint-site1", "address": "10.50.2.10", "port": 502,
                  "last": { "ts": 1718035262004, "err": null, "alerts": null,
                            "snap": { "success": true, "raw_errors": [],
                                      "stats": { "status": "running", "power_w": 1184300, "ambient_temp_c": 27.4,
                                                 "container_specific": { "pdu_data": [ { "pdu": "1", "sockets": [ { "socket": "1", "enabled": true } ] } ] } },
                                      "config": {} } }
                }""");
    }

    static List<Map<String, Object>> all() {
        return List.of(antminerS21(), whatsminerWithAlerts(), offlineMinerWithMediumAlert(), minerWithoutAlertsField(),
                siteMeter(), transformerSensor(), microbtContainer());
    }

    /**
     * A site of {@code count} things built in code: about 96% miners of several models spread over containers,
     * a few with alerts, the rest containers, sensors and power meters (one of them the site meter).
     */
    static List<Object> site(int count, long seed) {
        Random random = new Random(seed);
        String[][] models = {
            {"miner-am-s21", "antminer", "AM-S21"}, {"miner-am-s19xp", "antminer", "AM-S19XP"},
            {"miner-wm-m56s", "whatsminer", "WM-M56S"}, {"miner-wm-m30sp", "whatsminer", "WM-M30SP"},
        };
        List<Object> things = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (i == 0) {
                things.add(siteMeter());
            } else if (kind < 96) {
                things.add(miner(i, models[random.nextInt(models.length)], random));
            } else if (kind < 98) {
                things.add(transformerSensor());
            } else {
                things.add(microbtContainer());
            }
        }
        return things;
    }

    private static Map<String, Object> miner(int n, String[] model, Random random) {
        String id = "M" + Long.toString(0x10000000000L + n * 7919L, 36) + "x" + n;
        String code = model[2] + "-" + String.format("%04d", n % 10_000);
        String container = "bitdeer-" + (n % 40);
        String pos = (1 + n % 2) + "-" + (1 + n % 4) + "_" + (char) ('a' + n % 3) + (1 + n % 5);
        String type = model[0];
        String[] typeParts = type.split("-");

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("site", "north-field");
        info.put("location", "site.container");
        info.put("container", container);
        info.put("pos", pos);
        info.put("serialNum", "SN" + (1_000_000 + n));
        info.put("nominalHashrateMhs", 200_000_000);
        info.put("createdAt", 1_712_311_200_000L + n * 1000L);

        boolean mining = random.nextInt(100) < 90;
        Map<String, Object> hashrate = new LinkedHashMap<>();
        double t5m = mining ? 1.9e8 + random.nextInt(15_000_000) : 0.0;
        hashrate.put("avg", t5m);
        hashrate.put("t_5m", t5m);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("status", mining ? "mining" : "sleeping");
        stats.put("uptime_ms", 1_284_560_000L + n);
        stats.put("power_w", mining ? 3300 + random.nextInt(400) : 20 + random.nextInt(30));
        stats.put("hashrate_mhs", hashrate);
        stats.put("temperature_c", new LinkedHashMap<>(Map.of("max", 60 + random.nextInt(20), "avg", 55.5)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("power_mode", mining ? "normal" : "sleep");
        config.put("firmware_ver", "20240315.22.REL");
        Map<String, Object> snap = new LinkedHashMap<>();
        snap.put("success", true);
        snap.put("raw_errors", new ArrayList<>());
        snap.put("stats", stats);
        snap.put("config", config);

        Object alerts = null;
        if (random.nextInt(100) < 5) {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("name", "hashrate_low");
            alert.put("code", "R:1");
            alert.put("description", "Hashrate below nominal");
            alert.put("severity", random.nextBoolean() ? "critical" : "medium");
            alert.put("createdAt", 1_718_030_000_000L);
            alert.put("uuid", "uuid-" + n);
            alerts = new ArrayList<>(List.of(alert));
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("ts", 1_718_035_260_000L);
        last.put("err", null);
        last.put("alerts", alerts);
        last.put("snap", snap);

        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("id", id);
        thing.put("code", code);
        thing.put("type", type);
        thing.put("tags", new ArrayList<>(List.of("t-" + type, "t-" + typeParts[0] + "-" + typeParts[1], "t-miner",
                model[1], "site-north-field", "id-" + id, "code-" + code, "pos-" + pos, "container-" + container)));
        thing.put("info", info);
        thing.put("rack", type + "-shelf-" + (n % 25));
        thing.put("comments", new ArrayList<>());
        thing.put("address", "10.7." + (n / 250 % 250) + "." + (n % 250));
        thing.put("port", 80);
        thing.put("last", last);
        return thing;
    }
}
