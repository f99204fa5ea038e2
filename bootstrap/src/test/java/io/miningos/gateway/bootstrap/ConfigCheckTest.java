package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check-config} on good and broken folders: every problem with its file and key, exit 0 or 1. */
class ConfigCheckTest {

    @TempDir
    Path dir;

    private record Run(int exit, List<String> lines) {
    }

    private Run check() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"check-config", "--config", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                () -> TransportPlugins.installed(Optional.empty()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aGoodFolderIsOk() throws IOException {
        Files.createDirectories(dir.resolve("ui"));
        Files.writeString(dir.resolve("ui/index.html"), "<html></html>");
        write("common.json", """
                {"site": "site-01", "orks": {"cluster-1": {"transport": "sim", "seed": 3, "miners": 40}},
                 "staticRootPath": "%s", "cacheTiming": {"/auth/list-things": "15s"},
                 "gateway": {"logFormat": "json", "metrics": {"allow": ["10.0.0.0/8"]}}}
                """.formatted(dir.resolve("ui")));
        write("facs/auth.config.json", "{\"a0\": {\"superAdmin\": \"boss@site.example\", \"roles\": {\"admin\":"
                + " [\"miner:rw\", \"users:rw\"], \"scraper\": [\"metrics:r\"]}}}");
        Run run = check();
        assertEquals(0, run.exit(), run.lines().toString());
        assertEquals(List.of(dir.toAbsolutePath() + ": configuration OK"), run.lines());
    }

    @Test
    void aBrokenFolderGetsEveryProblemWithItsFileAndKey() throws IOException {
        write("common.json", """
                {"site": "", "rpcTimeout": 5, "colour": "blue",
                 "orks": {"cluster-1": {"transport": "sim", "miners": -5, "sede": 1},
                          "cluster-2": {"transport": "carrier-pigeon"},
                          "cluster-3": {"note": "no transport"},
                          "cluster-4": "not an object"},
                 "cacheTiming": {"/auth/list-things": "soon", "/auth/tail-log": "25h"},
                 "staticRootPath": "%s",
                 "gateway": {"port": 70000, "logFormat": "xml", "metrics": {"allow": ["prometheus.local"]},
                             "alertsInterval": "1ms", "orkConcurency": 4}}
                """.formatted(dir.resolve("no-ui")));
        write("facs/auth.config.json", """
                {"a0": {"superAdmin": "not-an-email", "saltRounds": 10,
                        "roles": {"admin": ["miner:rw"], "scraper": ["metrcs:r"], "Bad-Name": ["miner:r"],
                                  "viewer": "miner:r"}}}
                """);
        write("facs/httpd-oauth2.config.json", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "abc"}},
                        "callbackUri": "not a url", "callbackUriUI": "ftp://ui.example/",
                        "gateway": {"stateSecret": "short"}, "tenant": "x"}}
                """);

        Run run = check();

        assertEquals(1, run.exit());
        List<String> expected = List.of(
                "common.json: site: must be a non-empty string",
                "common.json: rpcTimeout: must be an integer between 100 and 600000",
                "common.json: orks.cluster-4: must be a JSON object",
                "common.json: cacheTiming./auth/list-things: not a duration like \"15s\" or \"15m\": soon",
                "common.json: cacheTiming./auth/tail-log: longer than 24h: 25h",
                "common.json: gateway.port: must be an integer between 0 and 65535",
                "common.json: gateway.alertsInterval: ",
                "common.json: gateway.metrics.allow: not an address or CIDR range: prometheus.local",
                "common.json: gateway.logFormat: must be \"text\" or \"json\"",
                "common.json: gateway.orkConcurency: unknown key",
                "common.json: colour: unknown key",
                "facs/auth.config.json: a0.superAdmin: not a valid e-mail address: not-an-email",
                "facs/auth.config.json: a0.roles.scraper: unknown permission resource 'metrcs'",
                "facs/auth.config.json: a0.roles.Bad-Name: role names must be lower-case letters and _",
                "facs/auth.config.json: a0.roles.viewer: must be an array of strings",
                "facs/httpd-oauth2.config.json: h0.credentials.client.secret: missing",
                "facs/httpd-oauth2.config.json: h0.callbackUri: not a valid URL: not a url",
                "facs/httpd-oauth2.config.json: h0.callbackUriUI: must be an absolute http(s) URL: ftp://ui.example/",
                "facs/httpd-oauth2.config.json: h0.gateway.stateSecret: must be at least 32 characters",
                "facs/httpd-oauth2.config.json: h0.tenant: unknown key",
                "common.json: orks.cluster-1.miners: ",
                "common.json: orks.cluster-2.transport: unknown transport 'carrier-pigeon'",
                "common.json: orks.cluster-3.transport: missing",
                "common.json: staticRootPath: UI folder not found: ");
        for (String problem : expected) {
            assertTrue(run.lines().stream().anyMatch(line -> line.startsWith(problem)),
                    "missing: " + problem + "\nin:\n" + String.join("\n", run.lines()));
        }
        List<String> problems = run.lines().subList(0, run.lines().size() - 1);
        assertTrue(problems.stream().allMatch(line -> line.matches("(common\\.json|facs/[a-z0-9.-]+\\.json): \\S.*")),
                "every line names its file and key: " + problems);
        assertEquals(dir.toAbsolutePath() + ": " + problems.size() + " problems", run.lines().getLast());
    }

    @Test
    void aMultiSiteConfigurationNeedsReadableTokenFiles() throws IOException {
        write("tokens/north.token", "pub:api:" + "a".repeat(32) + "-5-roles:site_federation\n");
        write("tokens/south.token", "");
        write("common.json", """
                {"multiSite": {"sites": [
                  {"id": "north", "name": "North", "url": "https://north:3000", "tokenFile": "tokens/north.token"},
                  {"id": "south", "name": "South", "url": "https://south:3000", "tokenFile": "tokens/south.token"},
                  {"id": "east", "name": "East", "url": "https://east:3000", "tokenFile": "tokens/east.token",
                   "tls": {"trustStore": "nowhere.p12"}}]}}
                """);
        Run run = check();
        assertEquals(1, run.exit(), run.lines().toString());
        assertEquals(4, run.lines().size(), run.lines().toString());
        assertTrue(run.lines().get(0).startsWith("common.json: multiSite: site south: "), run.lines().toString());
        assertTrue(run.lines().get(1).startsWith("common.json: multiSite: site east: cannot read the token file"),
                run.lines().toString());
        assertTrue(run.lines().get(2).startsWith("common.json: multiSite: site east: tls.trustStore: cannot read"),
                run.lines().toString());
    }

    @Test
    void aMissingFolderOrCommonFileIsOneProblem() {
        Run missing = check();
        assertEquals(1, missing.exit());
        assertTrue(missing.lines().getFirst().contains("common.json: missing"), missing.lines().toString());
    }

    @Test
    void serveRefusesTheSameFolderNamingEveryProblemOfItsFiles() throws IOException {
        write("common.json", "{\"rpcTimeout\": 5, \"colour\": \"blue\"}");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.of(dir)));
        assertEquals("common.json: rpcTimeout: must be an integer between 100 and 600000\n"
                + "common.json: colour: unknown key", e.getMessage());
    }
}
