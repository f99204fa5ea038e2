package io.miningos.gateway.adapters.ork.sim.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pool configs the ORK stores ({@code getConfigs {type:"pool"}}), made from the site's pool accounts: one per
 * account (what its containers use, {@code info.poolConfig}), an alternative F2Pool endpoint order a few miners
 * override theirs with, and a failover config still waiting for approval. Ids look like the ORK's
 * ({@code <ms>-<6 hex>}); everything is a function of the seed, so the generator and the ORK compute the same.
 */
public final class PoolConfigs {

    private static final long DAY = 86_400_000L;

    /** Share of the miners in a container on the first account that override the container's config. */
    static final int OVERRIDE_ONE_IN = 40;

    private final List<Map<String, Object>> configs = new ArrayList<>();
    private final String primary;
    private final String secondary;
    private final String alternative;

    private PoolConfigs(long seed, List<PoolAccount> pools, long commissionedAt) {
        PoolAccount first = pools.get(0);
        PoolAccount second = pools.get(1);
        primary = add(seed, 0, commissionedAt, name(first) + " main", "Site account on " + name(first)
                + ", regional endpoints in order", first, first.urls(), "approved");
        secondary = add(seed, 1, commissionedAt, name(second), "Site account on " + name(second), second,
                second.urls(), "approved");
        List<String> reordered = new ArrayList<>(first.urls());
        if (reordered.size() > 1) {
            reordered.add(0, reordered.remove(1));
        }
        alternative = add(seed, 2, commissionedAt, name(first) + " alternate endpoint", "Same account, second "
                + "endpoint first, for miners with a poor route to the main one", first, reordered, "approved");
        List<String> failover = new ArrayList<>(second.urls());
        failover.add(first.urls().get(0));
        add(seed, 3, commissionedAt, name(second) + " with " + name(first) + " failover", "Proposed: fall back to "
                + name(first) + " when " + name(second) + " is unreachable", second, failover, "pending");
    }

    public static PoolConfigs of(long seed, List<PoolAccount> pools, long commissionedAt) {
        return new PoolConfigs(seed, pools, commissionedAt);
    }

    private static String name(PoolAccount account) {
        String t = account.poolType();
        return t.equals("f2pool") ? "F2Pool" : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }

    private String add(long seed, int n, long commissionedAt, String name, String description, PoolAccount account,
                       List<String> urls, String status) {
        long created = commissionedAt + (2 + 9L * n) * DAY + Noise.below(Noise.hash(seed, 701, n), 40_000_000);
        String id = created + "-" + String.format("%06x", Noise.below(Noise.hash(seed, 702, n), 0x1000000));
        List<Object> poolUrls = new ArrayList<>();
        for (String url : urls) {
            if (url.isEmpty()) {
                continue;
            }
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("url", url);
            u.put("workerName", account.username());
            u.put("workerPassword", "x");
            u.put("pool", account.poolType());
            poolUrls.add(u);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", "pool");
        c.put("poolConfigName", name);
        c.put("description", description);
        c.put("poolUrls", poolUrls);
        c.put("status", status);
        c.put("createdAt", created);
        c.put("updatedAt", created + Noise.below(Noise.hash(seed, 703, n), 5) * DAY);
        configs.add(c);
        return id;
    }

    /** The stored configs, in creation order (callers copy before handing them out). */
    public List<Map<String, Object>> all() {
        return configs;
    }

    /** The config a container whose miners mine on {@code account} uses. */
    public String forAccount(PoolAccount account, List<PoolAccount> pools) {
        return account.equals(pools.get(0)) ? primary : secondary;
    }

    /**
     * The config a miner overrides its container's with, or null: about one in {@value #OVERRIDE_ONE_IN} miners in
     * the first account's containers take the alternate endpoint order.
     */
    public String minerOverride(long seed, int minerIndex, PoolAccount account, List<PoolAccount> pools) {
        if (!account.equals(pools.get(0))) {
            return null;
        }
        return Noise.below(Noise.hash(seed, 704, minerIndex), OVERRIDE_ONE_IN) == 0 ? alternative : null;
    }
}
