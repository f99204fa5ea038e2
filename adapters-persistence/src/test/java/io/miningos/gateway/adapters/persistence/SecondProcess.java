package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A separate JVM writing to the same database file, as the {@code token} command does beside a running server. */
public final class SecondProcess {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            JooqTokenStore tokens = new JooqTokenStore(db);
            for (int i = 0; i < count; i++) {
                tokens.save(new TokenGrant("child-" + i, 3, List.of("dev"), Set.of(ClientIp.parse("::1")),
                        Instant.now(), Instant.now().plusSeconds(60)));
            }
        }
        System.out.println("wrote " + count);
    }

    static Process start(Path dir, int count) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SecondProcess.class.getName(), dir.toString(), Integer.toString(count))
                .directory(new File(System.getProperty("user.dir")))
                .start();
    }
}
