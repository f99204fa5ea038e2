package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.CommandContext;
import io.miningos.gateway.adapters.ork.spi.TransportCommand;

/**
 * {@code hrpc-key [--data-dir DIR]}: prints the gateway's hrpc client public key as the last stdout line, making the
 * key pair in the data dir on first use, so operators can have it allowed on their ORKs before the first start.
 */
final class HrpcKeyCommand implements TransportCommand {

    static final String NAME = "hrpc-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "[--data-dir DIR]";
    }

    @Override
    public String description() {
        return """
                prints the public key ORK operators must allow for this gateway to reach their ORKs
                over Hyperswarm RPC (made on first use and kept in the data dir)""";
    }

    @Override
    public int run(CommandContext context) {
        if (!context.args().isEmpty()) {
            String arg = context.args().getFirst();
            throw new IllegalArgumentException((arg.startsWith("--") ? "unknown option: " : "unexpected argument: ")
                    + arg);
        }
        GatewayKeys keys = GatewayKeys.loadOrCreate(context.dataDir());
        context.err().printf("hrpc client key of this gateway (kept in %s); ORK operators must allow it:%n",
                keys.file());
        context.out().println(keys.publicKeyHex());
        return 0;
    }
}
