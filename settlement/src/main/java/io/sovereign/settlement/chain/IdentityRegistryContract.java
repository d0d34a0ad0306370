package io.sovereign.settlement.chain;

import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Bytes2;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** IdentityRegistry.sol: wallet to (investor id, country, verified); written by agents. */
public final class IdentityRegistryContract extends DeployedContract {

    private IdentityRegistryContract(EvmClient client, String address) {
        super(client, address);
    }

    public static IdentityRegistryContract at(String address, EvmClient client) {
        return new IdentityRegistryContract(client, address);
    }

    /** Deploys a registry owned by {@code owner}; the owner then appoints agents. */
    public static IdentityRegistryContract deploy(EvmClient client, String owner) {
        return at(client.deploy(ContractArtifact.IDENTITY_REGISTRY, List.of(new Address(owner))), client);
    }

    /** The same registry, driven by another signer. */
    public IdentityRegistryContract as(EvmClient signer) {
        return at(address(), signer);
    }

    /** Registers {@code wallet} of an approved investor, verified; {@code country} ISO 3166 alpha-2. */
    public TransactionReceipt registerIdentity(String wallet, String investorId, String country) {
        return send("registerIdentity", new Address(wallet), bytes32(OnChainIds.investorId(investorId)),
                new Bytes2(OnChainIds.country(country)));
    }

    public TransactionReceipt removeIdentity(String wallet) {
        return send("removeIdentity", new Address(wallet));
    }

    public TransactionReceipt updateCountry(String wallet, String country) {
        return send("updateCountry", new Address(wallet), new Bytes2(OnChainIds.country(country)));
    }

    public TransactionReceipt setVerified(String wallet, boolean verified) {
        return send("setVerified", new Address(wallet), new Bool(verified));
    }

    public boolean contains(String wallet) {
        return callBool("contains", new Address(wallet));
    }

    public boolean isVerified(String wallet) {
        return callBool("isVerified", new Address(wallet));
    }

    /** The wallet's investor id as stored (0x hex of keccak256 of the platform's id; zero if none). */
    public String investorIdOf(String wallet) {
        return (String) call("investorIdOf", new TypeReference<Bytes32>() { }, new Address(wallet));
    }

    /** The wallet's country, or an empty string if the wallet is not registered. */
    public String countryOf(String wallet) {
        String hex = (String) call("countryOf", new TypeReference<Bytes2>() { }, new Address(wallet));
        byte[] bytes = Numeric.hexStringToByteArray(hex);
        return bytes[0] == 0 ? "" : OnChainIds.country(bytes);
    }
}
