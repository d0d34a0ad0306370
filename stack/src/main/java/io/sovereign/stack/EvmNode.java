package io.sovereign.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Hardhat 2 node (chain id 31337) from the npm project in settlement/chain. */
final class EvmNode {

    static final String CHAIN_DIR = "settlement/chain";

    /**
     * Hardhat's account #0 (mnemonic "test test ... junk"): a publicly known development key,
     * the token agent of the local stack. Never a key of a real chain.
     */
    public static final String AGENT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private EvmNode() {
    }

    static Child start(StackConfig config) {
        Path dir = config.projectRoot().resolve(CHAIN_DIR);
        Path cli = dir.resolve("node_modules/hardhat/internal/cli/bootstrap.js");
        if (!Files.exists(cli)) {
            installPackages(config, dir);
        }
        List<String> cmd = List.of("node", cli.toString(), "node", "--hostname", "127.0.0.1", "--port",
                Integer.toString(config.ports().evm()));
        return Child.start(config, "evm-node", cmd, dir, Map.of("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true"),
                "hardhat");
    }

    static void awaitReady(StackConfig config, Child node) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
        Probe.await("EVM node", Duration.ofSeconds(60), node, () -> {
            try {
                return Probe.post(config.evmUrl(), "application/json", body).contains("0x7a69");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** npm ci from the lock file, when the chain project has not been installed yet. */
    private static void installPackages(StackConfig config, Path dir) {
        System.out.println("  installing the EVM node's npm packages (npm ci in " + CHAIN_DIR + ")");
        Child npm = Child.start(config, "npm-ci", List.of("npm", "ci", "--no-audit", "--no-fund"), dir, Map.of(),
                "npm");
        Probe.await("npm ci", Duration.ofMinutes(5), null, () -> !npm.isAlive());
        npm.stop(Duration.ofSeconds(1));
        if (npm.exitCode() != 0) {
            throw new UncheckedIOException(new IOException("npm ci failed in " + dir + "; see " + npm.log() + ":\n"
                    + Child.tail(npm.log(), 20)));
        }
    }
}
