package io.miningos.gateway.domain.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured roles, which roles each role may manage ({@code roleManagement}), and what the super admin
 * holds. Built once from configuration and validated as a whole: a role-management entry naming an unknown
 * role is a configuration error, not something discovered at request time.
 */
public final class RoleCatalog {

    /**
     * Every resource a permission may name: those of the API contract's roles, those the Node gateway added later
     * ({@code pool_config}, {@code pool_config_approve}, {@code work_order}), and {@code metrics} ({@code metrics:r}
     * reads {@code GET /metrics} from an address not allowed without a token).
     */
    public static final Set<String> RESOURCES = Set.of("miner", "container", "minerpool", "powermeter", "temp",
            "electricity", "features", "revenue", "users", "actions", "production", "alerts", "cabinets", "comments",
            "explorer", "inventory", "reporting", "settings", "ticket", "power_spot_forecast", "pool_config",
            "pool_config_approve", "work_order", "metrics");

    /**
     * The role of a central gateway's service account on a site gateway (multi-site mode): the reads the central
     * gateway makes (finance, downtime, global config, production costs, ext-data), nothing it could change.
     */
    public static final String SITE_FEDERATION = "site_federation";
    /** As {@link #SITE_FEDERATION}, and may write the site's production costs (global data: {@code features:w}). */
    public static final String SITE_FEDERATION_COSTS = "site_federation_costs";
    /** The roles a long-lived service token may be issued for. */
    public static final Set<String> SERVICE_ROLES = Set.of(SITE_FEDERATION, SITE_FEDERATION_COSTS);

    private final Map<String, Role> roles;
    private final Map<String, Set<String>> manageable;
    private final PermissionSet superAdminPermissions;

    public RoleCatalog(Map<String, Role> roles, Map<String, ? extends Set<String>> roleManagement,
                       PermissionSet superAdminPermissions) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role must be configured");
        }
        roles.forEach((name, role) -> {
            if (!name.equals(role.name())) {
                throw new IllegalArgumentException("role key " + name + " does not match role " + role.name());
            }
        });
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        roleManagement.forEach((manager, targets) -> {
            if (!roles.containsKey(manager)) {
                throw new IllegalArgumentException("roleManagement names unknown role " + manager);
            }
            for (String target : targets) {
                if (!roles.containsKey(target)) {
                    throw new IllegalArgumentException("roleManagement." + manager + " names unknown role " + target);
                }
            }
            copy.put(manager, Collections.unmodifiableSet(new LinkedHashSet<>(targets)));
        });
        this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        this.manageable = Collections.unmodifiableMap(copy);
        this.superAdminPermissions = superAdminPermissions == null || superAdminPermissions.isEmpty()
                ? unionOfAll(roles.values()) : superAdminPermissions;
    }

    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public boolean exists(String name) {
        return roles.containsKey(name);
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public Map<String, Set<String>> roleManagement() {
        return manageable;
    }

    /** Permissions of a role; the super admin role maps to {@link #superAdminPermissions()}. */
    public PermissionSet permissionsOf(String roleName) {
        if (Role.SUPER_ADMIN.equals(roleName)) {
            return superAdminPermissions;
        }
        Role role = roles.get(roleName);
        return role == null ? PermissionSet.EMPTY : role.permissions();
    }

    public PermissionSet superAdminPermissions() {
        return superAdminPermissions;
    }

    /**
     * Whether a user holding {@code managerRole} may create, list, update or delete users holding
     * {@code targetRole}. The super admin may manage every configured role; nobody manages the super admin.
     */
    public boolean mayManage(String managerRole, String targetRole) {
        if (Role.SUPER_ADMIN.equals(targetRole) || !roles.containsKey(targetRole)) {
            return false;
        }
        if (Role.SUPER_ADMIN.equals(managerRole)) {
            return true;
        }
        return manageable.getOrDefault(managerRole, Set.of()).contains(targetRole);
    }

    private static PermissionSet unionOfAll(Iterable<Role> roles) {
        List<Permission> all = new ArrayList<>();
        for (Role role : roles) {
            for (String resource : role.permissions().capabilities()) {
                all.add(new Permission(resource, new Access(true, true)));
            }
        }
        return PermissionSet.of(all);
    }

    /**
     * The roles table of the API contract, shipped as the default configuration, with {@code pool_config:rw} for
     * {@code admin} (as the Node gateway's later default roles give it), so the pool-config list
     * ({@code /auth/configs/pool}) is not the super admin's alone; and the two service roles of multi-site mode
     * ({@link #SITE_FEDERATION}, {@link #SITE_FEDERATION_COSTS}), which no role manages (only the
     * {@code service-token} command creates their users).
     */
    public static RoleCatalog defaults() {
        Map<String, Role> roles = new LinkedHashMap<>();
        add(roles, "admin", rw("miner", "container", "minerpool", "powermeter", "temp", "electricity", "features",
                "revenue", "users", "actions", "production", "alerts", "cabinets", "comments", "explorer", "inventory",
                "reporting", "settings", "ticket", "power_spot_forecast", "pool_config"));
        add(roles, "site_manager", rw("miner", "container", "minerpool", "powermeter", "temp", "electricity", "actions",
                "alerts", "cabinets", "comments", "explorer", "inventory", "reporting", "settings", "ticket"));
        add(roles, "site_operator", rw("miner", "container", "minerpool", "powermeter", "temp", "actions",
                "electricity", "explorer", "inventory", "reporting", "cabinets", "comments", "settings", "ticket",
                "alerts"));
        add(roles, "reporting_tool_manager", concat(rw("revenue", "production", "reporting"),
                r("settings", "power_spot_forecast")));
        add(roles, "field_operator", concat(r("miner", "container", "minerpool", "powermeter", "temp", "electricity",
                "explorer", "inventory", "reporting", "cabinets", "settings", "ticket", "alerts"), rw("comments")));
        add(roles, "repair_technician", concat(r("miner", "container", "minerpool", "powermeter", "temp",
                "electricity", "explorer", "cabinets", "settings", "ticket", "alerts"),
                rw("actions", "inventory", "comments")));
        add(roles, "read_only_user", r("miner", "container", "minerpool", "powermeter", "temp", "electricity",
                "explorer", "inventory", "reporting", "cabinets", "comments", "settings", "ticket", "alerts"));
        add(roles, "dev", concat(r("miner", "container", "minerpool", "powermeter", "temp", "electricity"),
                rw("explorer", "inventory", "reporting", "cabinets", "comments", "settings", "ticket", "alerts")));
        List<String> federationReads = r("revenue", "production", "reporting", "features", "miner", "minerpool",
                "powermeter", "electricity", "container");
        add(roles, SITE_FEDERATION, federationReads);
        add(roles, SITE_FEDERATION_COSTS, concat(federationReads, List.of("features:w")));
        Map<String, Set<String>> management = Map.of("admin", new LinkedHashSet<>(List.of("site_manager",
                "site_operator", "reporting_tool_manager", "field_operator", "repair_technician", "read_only_user",
                "dev")));
        return new RoleCatalog(roles, management, null);
    }

    private static void add(Map<String, Role> roles, String name, List<String> permissions) {
        roles.put(name, new Role(name, PermissionSet.parse(permissions)));
    }

    private static List<String> rw(String... resources) {
        return level("rw", resources);
    }

    private static List<String> r(String... resources) {
        return level("r", resources);
    }

    private static List<String> level(String level, String... resources) {
        List<String> out = new ArrayList<>();
        for (String resource : resources) {
            out.add(resource + ":" + level);
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
