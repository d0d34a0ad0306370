package io.sovereign.settlement.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * ABI and creation bytecode of one contract, as {@code settlement/chain/compile.js} wrote them to
 * {@code contracts/<name>.json} on the classpath.
 */
public record ContractArtifact(String name, JsonNode abi, String bytecode) {

    public static final ContractArtifact IDENTITY_REGISTRY = load("IdentityRegistry");
    public static final ContractArtifact BOND_TOKEN = load("BondToken");
    public static final ContractArtifact BOND_FACTORY = load("BondFactory");

    static ContractArtifact load(String name) {
        String resource = "contracts/" + name + ".json";
        try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            return new ContractArtifact(json.get("contractName").asText(), json.get("abi"),
                    json.get("bytecode").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
