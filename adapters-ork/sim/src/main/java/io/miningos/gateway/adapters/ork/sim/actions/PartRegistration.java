package io.miningos.gateway.adapters.ork.sim.actions;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.SpareParts;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code registerThing} on a spare-part rack ({@code inventory-miner_part-*}), as the inventory worker does it: the
 * part needs the miner brand it fits ({@code info.parentDeviceModel}) and its model ({@code info.subType}), from
 * which the rack makes the code {@code <PS|HB|CB>-<BRAND>-<SUBTYPE>-<NN>} (the next number of that stem); serial
 * numbers and MAC addresses are unique per rack; a fitted part names its miner by id and code together
 * (docs/ORK.md §8.4; API-NEXT-operations 3.8). The new part gets a UUID and the rack's tags.
 */
final class PartRegistration {

    private PartRegistration() {
    }

    /** The part {@code req} registers on {@code rack}, validated against the rack's parts; not yet added. */
    @SuppressWarnings("unchecked")
    static SimThing part(Site site, SimRack rack, Map<String, Object> req, long actionId, long at) {
        SpareParts.PartType type = SpareParts.PartType.ofType(rack.type());
        if (type == null) {
            throw new OrkError(OrkErrors.NO_IMPL);
        }
        if (!(req.get("info") instanceof Map<?, ?> given)) {
            throw new OrkError(OrkErrors.THING_INFO_INVALID);
        }
        if (req.get("tags") != null && !(req.get("tags") instanceof List<?>)) {
            throw new OrkError(OrkErrors.THING_TAGS_INVALID);
        }
        Map<String, Object> info = new LinkedHashMap<>((Map<String, Object>) given);
        if (!(info.get("parentDeviceModel") instanceof String brand) || brand.isBlank()) {
            throw new OrkError(OrkErrors.PART_MINER_MODEL_INFO_INVALID);
        }
        if (!(info.get("subType") instanceof String subType) || subType.isBlank()) {
            throw new OrkError(OrkErrors.PART_SUBTYPE_INFO_INVALID);
        }
        if (info.get("parentDeviceId") == null != (info.get("parentDeviceCode") == null)) {
            throw new OrkError(OrkErrors.PARENT_DEVICE_INFO_INVALID);
        }
        Object mac = info.get("macAddress");
        if (mac != null) {
            ActionEffects.checkMac(mac);
        }
        String id = req.get("id") instanceof String wanted && !wanted.isEmpty() ? wanted
                : Noise.uuid(Noise.hash(site.seed(), actionId, 0x9A27L), Noise.hash(site.seed(), actionId, 0x9A28L));
        if (site.thing(id) != null) {
            throw new OrkError(OrkErrors.THING_WITH_ID_ALREADY_EXISTS);
        }
        String stem = type.codePrefix() + "-" + brand.toUpperCase(Locale.ROOT) + "-" + subType + "-";
        int last = 0;
        for (SimThing t : rack.things()) {
            if (info.get("serialNum") != null && info.get("serialNum").equals(t.info().get("serialNum"))) {
                throw new OrkError(OrkErrors.THING_SERIALNUM_EXISTS);
            }
            if (mac != null && String.valueOf(mac).equalsIgnoreCase(String.valueOf(t.info().get("macAddress")))) {
                throw new OrkError(OrkErrors.THING_MACADDRESS_EXISTS);
            }
            if (t.code().startsWith(stem)) {
                try {
                    last = Math.max(last, Integer.parseInt(t.code().substring(stem.length())));
                } catch (NumberFormatException notNumbered) {
                    // a code given at registration may end otherwise; it takes no number of the sequence
                }
            }
        }
        String code = req.get("code") instanceof String c && !c.isEmpty() ? c : stem + String.format("%02d", last + 1);
        if (rack.things().stream().anyMatch(t -> t.code().equals(code))) {
            throw new OrkError(OrkErrors.THING_WITH_CODE_ALREADY_EXISTS);
        }
        info.put("createdAt", at);
        info.put("updatedAt", at);
        info.put("lastActionId", actionId);
        List<String> tags = new ArrayList<>();
        if (req.get("tags") instanceof List<?> l) {
            l.forEach(t -> tags.add(String.valueOf(t)));
        }
        return new SimThing(site.nextIndex(), ThingKind.INVENTORY, id, code, rack.type(), rack.id(),
                new ThingRole.Part(type.partName(), brand), info, Map.of(), tags);
    }
}
