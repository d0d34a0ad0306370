package io.sovereign.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven distribution ({@code kc.sh start-dev}), with identity's dev realm
 * imported at every start into an in-memory database: the realm is code, and every start begins
 * from it. The first start in a stack directory re-augments the distribution for these options
 * (about 40 s more, once).
 */
final class KeycloakServer {

    static final String REALM_FILE = "identity/src/main/resources/realm/sovereign-realm.json";
    /** The dev realm's browser flows: password only (default), and production's, with OTP for privileged roles. */
    static final String PASSWORD_ONLY_FLOW = "browser password only";
    static final String MFA_FLOW = "browser with role OTP";

    private KeycloakServer() {
    }

    static Child start(StackConfig config) {
        try {
            Path home = unpack(config);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            String realm = Files.readString(config.projectRoot().resolve(REALM_FILE), StandardCharsets.UTF_8);
            // the portal's redirect URIs follow its configured port
            realm = realm.replace("http://localhost:8080", "http://localhost:" + config.ports().portal())
                    .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + config.ports().portal());
            realm = bindBrowserFlow(realm, config.mfa());
            Files.writeString(importDir.resolve("sovereign-realm.json"), realm, StandardCharsets.UTF_8);
            List<String> cmd = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + config.ports().keycloak(),
                    "--http-management-port=" + config.ports().keycloakManagement(), "--health-enabled=true",
                    "--db=dev-mem", "--hostname=" + config.keycloakUrl());
            Map<String, String> env = Map.of(
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Dlocal.stack=" + config.stackDir());
            // kc.sh lives under the stack directory, so its path identifies it (and its java child) later
            return Child.start(config, "keycloak", cmd, home, env, home.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    /** The realm with the browser flow bound that MFA on or off asks for (the file binds the password-only one). */
    static String bindBrowserFlow(String realm, boolean mfa) {
        String passwordOnly = "\"browserFlow\": \"" + PASSWORD_ONLY_FLOW + "\"";
        if (!realm.contains(passwordOnly)) {
            throw new IllegalStateException(REALM_FILE + " does not bind the browser flow \"" + PASSWORD_ONLY_FLOW + "\"");
        }
        return mfa ? realm.replace(passwordOnly, "\"browserFlow\": \"" + MFA_FLOW + "\"") : realm;
    }

    static void awaitReady(StackConfig config, Child keycloak) {
        String ready = "http://127.0.0.1:" + config.ports().keycloakManagement() + "/health/ready";
        Probe.await("Keycloak", Duration.ofSeconds(180), keycloak,
                () -> Probe.httpOk(ready) && Probe.httpOk(config.issuer() + "/.well-known/openid-configuration"));
    }

    /** The distribution, unpacked once per stack directory from the stack module's build output. */
    private static Path unpack(StackConfig config) throws IOException {
        Path zip = config.projectRoot().resolve("stack/target/dist/keycloak-quarkus-dist.zip");
        Path target = config.stackDir().resolve("keycloak");
        Path marker = target.resolve(".unpacked-" + Files.size(zip));
        if (Files.exists(marker)) {
            return home(target);
        }
        Stack.deleteTree(target);
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Unsafe entry in " + zip + ": " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(z, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createFile(marker);
        return home(target);
    }

    private static Path home(Path unpacked) throws IOException {
        try (var dirs = Files.list(unpacked)) {
            return dirs.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("No Keycloak distribution in " + unpacked));
        }
    }
}
