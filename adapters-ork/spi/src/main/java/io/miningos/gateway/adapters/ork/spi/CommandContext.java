package io.miningos.gateway.adapters.ork.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TransportCommand} runs with.
 *
 * @param dataDir the gateway's data directory, absolute: {@code --data-dir} or the default {@code ./miningos-data}
 * @param args    the command's arguments after its name, without {@code --data-dir DIR}
 * @param out     standard output: a command's result, e.g. a key as the last line
 * @param err     standard error: messages for the operator
 */
public record CommandContext(Path dataDir, List<String> args, PrintStream out, PrintStream err) {
    public CommandContext {
        Objects.requireNonNull(dataDir, "dataDir");
        args = List.copyOf(args);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
