package io.sovereign.settlement.chain;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Hardhat node (chain id 31337) from {@code settlement/chain}, started the way the stack's
 * EvmNode starts it but on a free port of its own, once for the whole test run and stopped at
 * its end. Test classes get it with {@code @ExtendWith(HardhatNode.class)} and a parameter.
 */
public final class HardhatNode implements BeforeAllCallback, ParameterResolver {

    public static final long CHAIN_ID = 31337;

    /** Hardhat's default accounts (mnemonic "test test ... junk"), public test keys: #0 deploys and is agent. */
    public static final List<String> KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");

    /** The running node, in the root store so that every test class of the run shares it. */
    public record Node(String rpcUrl, Process process) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        /** A client signing with account {@code #index}. */
        public EvmClient client(int index) {
            return EvmClient.connect(rpcUrl, CHAIN_ID, KEYS.get(index), Duration.ofMillis(20));
        }

        @Override
        public void close() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(0, process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : tree) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception stillAlive) {
                    h.destroyForcibly();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Node.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node(context);
    }

    private static Node node(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(HardhatNode.class))
                .getOrComputeIfAbsent(Node.class, k -> start(), Node.class);
    }

    private static Node start() {
        Path chainDir = Path.of("chain").toAbsolutePath();
        Path cli = chainDir.resolve("node_modules/hardhat/internal/cli/bootstrap.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("No Hardhat in " + chainDir + ": run `npm ci` there first");
        }
        int port = freePort();
        Path log = Path.of("target", "hardhat-node-" + port + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder("node", cli.toString(), "node", "--hostname", "127.0.0.1",
                    "--port", Integer.toString(port)).directory(chainDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
            Node node = new Node("http://127.0.0.1:" + port, pb.start());
            try {
                await("Hardhat node on port " + port + " (log " + log + ")").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .failFast("Hardhat exited", () -> !node.process().isAlive())
                        .until(() -> answersChainId(node.rpcUrl()));
            } catch (RuntimeException notReady) {
                node.close();
                throw notReady;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Hardhat", e);
        }
    }

    private static boolean answersChainId(String url) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().contains("0x7a69");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
