package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.actions.ActionBook;
import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;

import java.util.List;
import java.util.Map;

/**
 * A fresh simulated ORK is not a fresh site: it starts with a few days of operator activity (completed reboots,
 * a repair batch, a denied rack reboot, one rack reboot still waiting for a second approval), pushed and run
 * through the normal action path at their past instants, so the actions views have something to show and the
 * devices' history agrees with it. The operators hold the permissions a MiningOS gateway hands out (its
 * vocabulary calls sensors {@code temp}, so nobody writes to sensor racks), so the pending action is one a site
 * admin can vote on; where the ORK needs more than one approval, a colleague gives the second one.
 */
final class ActionHistorySeed {

    private static final String LEAD = "ops.lead@example.com";
    private static final String TECH = "tech.ana@example.com";
    private static final List<String> PERMS = List.of("miner:rw", "container:rw", "minerpool:rw", "powermeter:rw",
            "temp:rw", "electricity:rw", "actions:rw");
    private static final List<String> CAPS = List.of("miner", "container", "minerpool", "powermeter", "temp",
            "electricity", "actions");
    private static final long HOUR = 3_600_000L;

    private ActionHistorySeed() {
    }

    static void seed(LiveSite live, ActionDesk desk, ActionBook book, ActionBook.Executor executor, long now) {
        Site site = live.site();
        List<SimThing> miners = site.things().values().stream()
                .filter(t -> t.kind() == ThingKind.MINER && !t.inMaintenance()).toList();
        if (miners.size() < 3) {
            return;
        }
        // miners that answer throughout the seeded days, so the seeded calls succeed
        List<SimThing> steady = miners.stream().filter(m -> {
            for (long at = now - 73 * HOUR; at <= now; at += HOUR / 2) {
                if (live.miner(m, Math.floorDiv(at, 60_000L) * 60_000L).offline()) {
                    return false;
                }
            }
            return true;
        }).limit(3).toList();
        List<SimThing> picks = steady.size() == 3 ? steady : miners.subList(0, 3);
        SimThing a = picks.get(0);
        SimThing b = picks.get(1);
        SimThing c = picks.get(2);
        long t = now - 72 * HOUR;
        push(desk, "reboot", List.of(), Map.of("id", Map.of("$in", List.of(a.id(), b.id()))), t);
        book.advance(t + 60_000, executor);

        t = now - 49 * HOUR;
        push(desk, "setLED", List.of(true), Map.of("id", c.id()), t);
        book.advance(t + 60_000, executor);

        t = now - 26 * HOUR;
        long denied = push(desk, "rackReboot", List.of(), Map.of(), t);
        desk.vote(JsonObjects.of("id", denied, "voter", TECH, "approve", false, "authPerms", CAPS), t + 20 * 60_000);

        t = now - 20 * HOUR;
        List<Object> batch = desk.pushBatch(JsonObjects.of("batchActionsPayload", List.of(
                        JsonObjects.of("query", Map.of("id", b.id()), "action", "setLED", "params", List.of(true)),
                        JsonObjects.of("query", Map.of("id", b.id()), "action", "reboot", "params", List.of())),
                "batchActionUID", b.id(), "suffix", "repair", "voter", TECH, "authPerms", PERMS), t);
        for (Object pushed : batch) {
            secondApproval(desk, (Map<?, ?>) pushed, LEAD, t);
        }
        book.advance(t + 60_000, executor);

        site.things().values().stream().filter(x -> x.kind() == ThingKind.MINER && x.inMaintenance()).findFirst()
                .ifPresent(m -> {
                    long at = now - 6 * HOUR;
                    push(desk, "updateThing", List.of(JsonObjects.of("rackId", m.rackId(), "id", m.id(),
                            "info", Map.of("status", "in_repair"), "comment", "PSU replaced, waiting for burn-in")),
                            Map.of(), at);
                    book.advance(at + 60_000, executor);
                });

        t = now - 2 * HOUR;
        push(desk, "rackReboot", List.of(), Map.of(), t);

        t = now - 40 * 60_000L;
        push(desk, "reboot", List.of(), Map.of("id", a.id()), t);
        book.advance(t + 60_000, executor);
    }

    /** Pushes as the lead; an action meant to run (not a rack reboot) gets its second approval when it needs one. */
    private static long push(ActionDesk desk, String action, List<Object> params, Map<String, Object> query, long at) {
        Map<String, Object> res = desk.push(JsonObjects.of("query", query, "action", action, "params", params,
                "voter", LEAD, "authPerms", PERMS), at);
        if (!action.equals("rackReboot")) {
            secondApproval(desk, res, TECH, at);
        }
        Object id = res.get("id");
        return id instanceof Number n ? n.longValue() : -1;
    }

    private static void secondApproval(ActionDesk desk, Map<?, ?> pushed, String voter, long at) {
        if (pushed.get("id") instanceof Number id && pushed.get("data") instanceof Map<?, ?> data
                && "VOTING".equals(data.get("status"))) {
            desk.vote(JsonObjects.of("id", id.longValue(), "voter", voter, "approve", true, "authPerms", CAPS),
                    at + 5 * 60_000);
        }
    }
}
