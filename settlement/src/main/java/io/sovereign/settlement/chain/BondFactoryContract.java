package io.sovereign.settlement.chain;

import java.util.List;
import java.util.Optional;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** BondFactory.sol: one BondToken per ISIN, all checked against the factory's identity registry. */
public final class BondFactoryContract extends DeployedContract {

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private BondFactoryContract(EvmClient client, String address) {
        super(client, address);
    }

    public static BondFactoryContract at(String address, EvmClient client) {
        return new BondFactoryContract(client, address);
    }

    /** Deploys a factory owned by {@code owner} whose tokens use {@code identityRegistry}. */
    public static BondFactoryContract deploy(EvmClient client, String owner, String identityRegistry) {
        return at(client.deploy(ContractArtifact.BOND_FACTORY,
                List.of(new Address(owner), new Address(identityRegistry))), client);
    }

    public BondFactoryContract as(EvmClient signer) {
        return at(address(), signer);
    }

    public String identityRegistry() {
        return callAddress("identityRegistry");
    }

    /** Deploys the token of {@code terms.isin()}; the caller (an agent of the factory) becomes its agent. */
    public BondTokenContract deployBond(BondTerms terms) {
        TransactionReceipt receipt = client.send(address(), deployBondCall(terms));
        String token = client.events(receipt).stream().filter(e -> e.name().equals("BondDeployed"))
                .map(e -> (String) e.arg("token")).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployBond emitted no BondDeployed"));
        return BondTokenContract.at(token, client);
    }

    static Function deployBondCall(BondTerms terms) {
        List<Uint64> dates = terms.paymentDates().stream().map(d -> new Uint64(BondTerms.toChain(d))).toList();
        return new Function("deployBond", List.of(new Utf8String(terms.isin()), new Utf8String(terms.name()),
                new Uint32(terms.couponRateOnChain()), new Uint64(BondTerms.toChain(terms.issueDate())),
                new Uint64(BondTerms.toChain(terms.maturityDate())), new DynamicArray<>(Uint64.class, dates)),
                List.of());
    }

    /** The token of {@code isin}, if one was deployed. */
    public Optional<BondTokenContract> tokenOf(String isin) {
        String token = (String) call("tokenOf", new TypeReference<Address>() { }, new Utf8String(isin));
        return token.equalsIgnoreCase(ZERO_ADDRESS) ? Optional.empty() : Optional.of(BondTokenContract.at(token, client));
    }
}
