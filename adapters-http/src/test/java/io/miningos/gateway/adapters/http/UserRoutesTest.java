package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.user.Email;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRoutesTest {

    private final TestServer http = new TestServer();
    private final String root = http.rootToken();
    private final String admin = http.tokenFor("admin@example.com", "admin");

    @AfterEach
    void stop() {
        http.close();
    }

    private long idOf(String email) {
        return http.userRepository.findByEmail(new Email(email)).orElseThrow().id();
    }

    @Test
    void createListUpdateDeleteRoundTrip() {
        TestServer.Reply created = http.post("/auth/users", admin,
                "{\"data\":{\"email\":\"NewUser@Company.com\",\"role\":\"dev\"}}");
        assertEquals(200, created.status(), created.raw().body());
        assertEquals("{\"success\":true}", created.raw().body());

        JsonNode list = http.get("/auth/users", admin).json().get("users");
        assertEquals(1, list.size());
        JsonNode user = list.get(0);
        assertEquals("newuser@company.com", user.get("email").asText());
        assertEquals("dev", user.get("role").asText());
        assertTrue(user.has("id") && user.has("name"));
        long id = user.get("id").asLong();

        assertEquals("{\"success\":true}", http.put("/auth/users", admin,
                "{\"data\":{\"id\":" + id + ",\"email\":\"viewer@company.com\",\"name\":\"Vi\",\"role\":\"read_only_user\"}}")
                .raw().body());
        JsonNode updated = http.get("/auth/users", admin).json().get("users").get(0);
        assertEquals("viewer@company.com", updated.get("email").asText());
        assertEquals("Vi", updated.get("name").asText());
        assertEquals("read_only_user", updated.get("role").asText());

        assertEquals("{\"success\":true}", http.post("/auth/users/delete", admin,
                "{\"data\":{\"id\":" + id + "}}").raw().body());
        assertEquals(0, http.get("/auth/users", admin).json().get("users").size());
        List<String> actions = http.audit.latest(10).stream().map(AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of("USER_CREATE", "USER_UPDATE", "USER_DELETE")), actions.toString());
    }

    @Test
    void superAdminListsEveryoneButItself() {
        http.tokenFor("dev@example.com", "dev");
        JsonNode users = http.get("/auth/users", root).json().get("users");
        List<String> emails = new ArrayList<>();
        users.forEach(u -> emails.add(u.get("email").asText()));
        assertEquals(List.of("admin@example.com", "dev@example.com"), emails);
    }

    @Test
    void everyUsersRouteNeedsUsersWrite() {
        String manager = http.tokenFor("manager@example.com", "site_manager");
        Expect.forbidden(http.get("/auth/users", manager), "ERR_AUTH_FAIL_NO_PERMS");
        Expect.forbidden(http.post("/auth/users", manager, "{\"data\":{\"email\":\"a@b.io\",\"role\":\"dev\"}}"),
                "ERR_AUTH_FAIL_NO_PERMS");
        Expect.forbidden(http.put("/auth/users", manager,
                "{\"data\":{\"id\":5,\"email\":\"a@b.io\",\"role\":\"dev\"}}"), "ERR_AUTH_FAIL_NO_PERMS");
        Expect.forbidden(http.post("/auth/users/delete", manager, "{\"data\":{\"id\":5}}"), "ERR_AUTH_FAIL_NO_PERMS");
    }

    @Test
    void createRefusesEachBadInput() {
        Expect.badRequest(http.post("/auth/users", admin, "{}"), "ERR_INVALID_JSON");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":[1]}"), "ERR_INVALID_JSON");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":\"x\"}"), "ERR_INVALID_JSON");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":"), "ERR_BODY_INVALID_JSON");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"role\":\"dev\"}}"), "ERR_INVALID_EMAIL");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"email\":\"nope\",\"role\":\"dev\"}}"),
                "ERR_INVALID_EMAIL");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"email\":7,\"role\":\"dev\"}}"),
                "ERR_INVALID_EMAIL");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"email\":\"a@b.io\"}}"), "ERR_INVALID_ROLE");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"email\":\"a@b.io\",\"role\":\"wizard\"}}"),
                "ERR_INVALID_ROLE");
        Expect.badRequest(http.post("/auth/users", admin, "{\"data\":{\"email\":\"a@b.io\",\"role\":[\"dev\"]}}"),
                "ERR_INVALID_ROLE");
        Expect.badRequest(http.post("/auth/users", admin,
                "{\"data\":{\"email\":\"a@b.io\",\"role\":\"dev\",\"name\":5}}"), "ERR_INVALID_NAME");
        Expect.forbidden(http.post("/auth/users", admin, "{\"data\":{\"email\":\"a@b.io\",\"role\":\"admin\"}}"),
                "ERR_AUTH_FAIL_NO_PERMS");
        Expect.error(http.post("/auth/users", admin, "{\"data\":{\"email\":\"ADMIN@example.com\",\"role\":\"dev\"}}"),
                409, "Conflict", "ERR_USER_EXISTS");
        assertTrue(http.userRepository.findByEmail(new Email("a@b.io")).isEmpty(), "nothing was created");
    }

    @Test
    void updateRefusesTheSuperAdminUnknownUsersAndBadIds() {
        Expect.forbidden(http.put("/auth/users", root,
                "{\"data\":{\"id\":1,\"email\":\"x@example.com\",\"role\":\"admin\"}}"), "ERR_NOT_ALLOWED");
        assertEquals("SUPER_ADMIN_MODIFICATION_ATTEMPT", http.audit.latest(1).getFirst().action());
        Expect.error(http.put("/auth/users", admin,
                "{\"data\":{\"id\":404,\"email\":\"x@example.com\",\"role\":\"dev\"}}"), 404, "Not Found",
                "ERR_USER_NOT_FOUND");
        Expect.badRequest(http.put("/auth/users", admin,
                "{\"data\":{\"id\":\"abc\",\"email\":\"x@example.com\",\"role\":\"dev\"}}"), "ERR_USER_ID_INVALID");
        Expect.badRequest(http.put("/auth/users", admin,
                "{\"data\":{\"id\":-3,\"email\":\"x@example.com\",\"role\":\"dev\"}}"), "ERR_USER_ID_INVALID");
        Expect.badRequest(http.put("/auth/users", admin,
                "{\"data\":{\"email\":\"x@example.com\",\"role\":\"dev\"}}"), "ERR_USER_ID_INVALID");
        Expect.forbidden(http.put("/auth/users", admin, "{\"data\":{\"id\":" + idOf("admin@example.com")
                + ",\"email\":\"admin@example.com\",\"role\":\"dev\"}}"), "ERR_AUTH_FAIL_NO_PERMS");
        assertEquals("root@example.com", http.userRepository.findById(1).orElseThrow().email().value());
    }

    @Test
    void updateAcceptsANumericStringIdAndRevokesTheUsersTokens() {
        String devToken = http.tokenFor("dev@example.com", "dev");
        long id = idOf("dev@example.com");
        assertEquals(200, http.get("/auth/userinfo", devToken).status());
        assertEquals(200, http.put("/auth/users", admin,
                "{\"data\":{\"id\":\"" + id + "\",\"email\":\"dev@example.com\",\"role\":\"field_operator\"}}").status());
        Expect.error(http.get("/auth/userinfo", devToken), 401, "Authentication failed", "ERR_AUTH_FAIL");
    }

    @Test
    void deleteRefusesSelfSuperAdminAndUnknown() {
        Expect.forbidden(http.post("/auth/users/delete", admin, "{\"data\":{\"id\":" + idOf("admin@example.com")
                + "}}"), "ERR_AUTH_FAIL_NO_PERMS");
        Expect.forbidden(http.post("/auth/users/delete", admin, "{\"data\":{\"id\":1}}"), "ERR_NOT_ALLOWED");
        Expect.error(http.post("/auth/users/delete", admin, "{\"data\":{\"id\":999}}"), 404, "Not Found",
                "ERR_USER_NOT_FOUND");
        Expect.badRequest(http.post("/auth/users/delete", admin, "{\"data\":{}}"), "ERR_USER_ID_INVALID");
        Expect.badRequest(http.post("/auth/users/delete", admin, "{\"data\":{\"id\":1.5}}"), "ERR_USER_ID_INVALID");
        Expect.badRequest(http.post("/auth/users/delete", admin, "{}"), "ERR_INVALID_JSON");
    }

    @Test
    void deletingAUserEndsItsSession() {
        String devToken = http.tokenFor("dev@example.com", "dev");
        assertEquals(200, http.post("/auth/users/delete", admin, "{\"data\":{\"id\":" + idOf("dev@example.com")
                + "}}").status());
        Expect.error(http.get("/auth/userinfo", devToken), 401, "Authentication failed", "ERR_AUTH_FAIL");
    }

    @Test
    void userSettingsAreTheCallersOwn() {
        String dev = http.tokenFor("dev@example.com", "dev");
        assertEquals("{}", http.get("/auth/user/settings", dev).raw().body());
        assertEquals("{\"success\":true}", http.post("/auth/user/settings", dev,
                "{\"settings\":{\"theme\":\"dark\",\"table\":{\"pageSize\":50,\"cols\":[\"id\"]},\"price\":1000.00}}")
                .raw().body());
        assertEquals("{\"theme\":\"dark\",\"table\":{\"pageSize\":50,\"cols\":[\"id\"]},\"price\":1000.00}",
                http.get("/auth/user/settings", dev).raw().body());
        assertEquals("{}", http.get("/auth/user/settings", admin).raw().body());
        Expect.badRequest(http.post("/auth/user/settings", dev, "{\"settings\":[1]}"), "ERR_SETTINGS_INVALID");
        Expect.badRequest(http.post("/auth/user/settings", dev, "{}"), "ERR_SETTINGS_INVALID");
        Expect.badRequest(http.post("/auth/user/settings", dev, "{\"settings\":"), "ERR_BODY_INVALID_JSON");
        assertTrue(http.get("/auth/user/settings", dev).raw().body().contains("dark"), "unchanged after refusals");
    }
}
