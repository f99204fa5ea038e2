package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code check-config} asks the hrpc transport about its ORKs' options without starting its bridge. */
class HrpcConfigCheckTest {

    @TempDir
    Path dir;

    @Test
    void hrpcOptionsAreCheckedWithoutABridgeOrAKey() throws IOException {
        Files.writeString(dir.resolve("common.json"), """
                {"orks": {"cluster-1": {"rpcPublicKey": "abc"},
                          "cluster-2": {"transport": "hrpc", "rpcPublicKey": "%s", "bootstrap": []},
                          "cluster-3": {"rpcPublicKey": "%s"}}}
                """.formatted("a".repeat(64), "b".repeat(64)));
        long children = ProcessHandle.current().children().count();

        List<String> problems = ConfigCheck.problems(dir);

        assertEquals(List.of(
                "common.json: orks.cluster-1.rpcPublicKey: must be the ORK's RPC public key, 64 hex characters",
                "common.json: orks.cluster-2.bootstrap: must be a non-empty list of \"host:port\" strings (leave it"
                        + " out to use the public HyperDHT)"), problems);
        assertEquals(children, ProcessHandle.current().children().count(), "no bridge process was started");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("common.json")), files.toList(), "no key file was made");
        }
    }
}
