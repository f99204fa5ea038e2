package io.miningos.gateway.domain.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleCatalogTest {

    private final RoleCatalog defaults = RoleCatalog.defaults();

    @Test
    void shipsTheRolesTableOfTheContract() {
        assertEquals(Set.of("admin", "site_manager", "site_operator", "reporting_tool_manager", "field_operator",
                "repair_technician", "read_only_user", "dev", "site_federation", "site_federation_costs"),
                defaults.roles().keySet());
        PermissionSet field = defaults.permissionsOf("field_operator");
        assertTrue(field.allows("comments:w"));
        assertFalse(field.allows("miner:w"));
        assertTrue(field.allows("miner:r"));
        PermissionSet reporting = defaults.permissionsOf("reporting_tool_manager");
        assertTrue(reporting.allows("revenue:rw"));
        assertTrue(reporting.allows("settings:r"));
        assertFalse(reporting.allows("settings:w"));
        assertTrue(defaults.permissionsOf("repair_technician").allows("actions:w"));
        assertTrue(defaults.permissionsOf("admin").allows("users:w"));
        assertFalse(defaults.permissionsOf("site_manager").allows("users:w"));
        assertTrue(defaults.permissionsOf("nobody").isEmpty());
    }

    @Test
    void theFederationRolesReadAndOnlyTheCostWriterWritesAndNobodyManagesThem() {
        PermissionSet reader = defaults.permissionsOf(RoleCatalog.SITE_FEDERATION);
        assertTrue(reader.allows("revenue:r"));
        assertTrue(reader.allows("features:r"));
        for (String resource : RoleCatalog.RESOURCES) {
            assertFalse(reader.allows(resource + ":w"), resource);
        }
        PermissionSet writer = defaults.permissionsOf(RoleCatalog.SITE_FEDERATION_COSTS);
        assertTrue(writer.allows("features:w"));
        assertFalse(writer.allows("users:w"));
        assertFalse(writer.allows("miner:w"));
        assertFalse(defaults.mayManage("admin", RoleCatalog.SITE_FEDERATION));
        assertFalse(defaults.mayManage("admin", RoleCatalog.SITE_FEDERATION_COSTS));
    }

    @Test
    void adminHoldsPoolConfigsAsInTheNodeGatewaysLaterDefaults() {
        assertTrue(defaults.permissionsOf("admin").allows("pool_config:rw"));
        for (String role : List.of("site_manager", "site_operator", "reporting_tool_manager", "field_operator",
                "repair_technician", "read_only_user", "dev")) {
            assertFalse(defaults.permissionsOf(role).allows("pool_config:r"), role);
        }
    }

    @Test
    void defaultRolesNameOnlyKnownResources() {
        for (Role role : defaults.roles().values()) {
            for (String resource : role.permissions().capabilities()) {
                assertTrue(RoleCatalog.RESOURCES.contains(resource), role.name() + ": " + resource);
            }
        }
    }

    @Test
    void adminManagesTheListedRolesButNotAdminsOrTheSuperAdmin() {
        for (String role : List.of("site_manager", "site_operator", "reporting_tool_manager", "field_operator",
                "repair_technician", "read_only_user", "dev")) {
            assertTrue(defaults.mayManage("admin", role), role);
        }
        assertFalse(defaults.mayManage("admin", "admin"));
        assertFalse(defaults.mayManage("admin", Role.SUPER_ADMIN));
        assertFalse(defaults.mayManage("site_manager", "read_only_user"));
    }

    @Test
    void superAdminManagesEveryConfiguredRoleAndHoldsEverything() {
        for (String role : defaults.roles().keySet()) {
            assertTrue(defaults.mayManage(Role.SUPER_ADMIN, role), role);
        }
        assertFalse(defaults.mayManage(Role.SUPER_ADMIN, Role.SUPER_ADMIN));
        assertFalse(defaults.mayManage(Role.SUPER_ADMIN, "unknown_role"));
        PermissionSet all = defaults.permissionsOf(Role.SUPER_ADMIN);
        for (Role role : defaults.roles().values()) {
            for (String resource : role.permissions().capabilities()) {
                assertTrue(all.allows(resource + ":rw"), resource);
            }
        }
    }

    @Test
    void configuredSuperAdminPermissionsWin() {
        RoleCatalog catalog = new RoleCatalog(defaults.roles(), Map.of(), PermissionSet.parse(List.of("miner:r")));
        assertEquals(List.of("miner:r"), catalog.permissionsOf(Role.SUPER_ADMIN).asLevelStrings());
    }

    @Test
    void roleManagementMustNameConfiguredRoles() {
        Map<String, Role> roles = Map.of("admin", new Role("admin", PermissionSet.parse(List.of("users:rw"))));
        IllegalArgumentException unknownTarget = assertThrows(IllegalArgumentException.class,
                () -> new RoleCatalog(roles, Map.of("admin", Set.of("ghost")), null));
        assertTrue(unknownTarget.getMessage().contains("ghost"));
        assertThrows(IllegalArgumentException.class,
                () -> new RoleCatalog(roles, Map.of("ghost", Set.of("admin")), null));
        assertThrows(IllegalArgumentException.class, () -> new RoleCatalog(Map.of(), Map.of(), null));
    }

    @Test
    void roleNamesMustFitTheTokenPattern() {
        assertThrows(IllegalArgumentException.class, () -> new Role("Admin", PermissionSet.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new Role("site-manager", PermissionSet.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new Role("*", PermissionSet.EMPTY));
        assertTrue(Role.isValidName("read_only_user"));
    }
}
