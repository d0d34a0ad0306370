package io.sovereign.settlement.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A contract at an address, driven through one {@link EvmClient}; the owner and agent functions
 * every one of our contracts has (AgentRole.sol).
 */
public abstract class DeployedContract {

    protected final EvmClient client;
    private final String address;

    protected DeployedContract(EvmClient client, String address) {
        this.client = client;
        this.address = Keys.toChecksumAddress(address);
    }

    /** The contract's address, EIP-55. */
    public String address() {
        return address;
    }

    public String owner() {
        return callAddress("owner");
    }

    public boolean isAgent(String account) {
        return callBool("isAgent", new Address(account));
    }

    public TransactionReceipt addAgent(String agent) {
        return send("addAgent", new Address(agent));
    }

    public TransactionReceipt removeAgent(String agent) {
        return send("removeAgent", new Address(agent));
    }

    public TransactionReceipt transferOwnership(String newOwner) {
        return send("transferOwnership", new Address(newOwner));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    protected TransactionReceipt send(String function, Type... args) {
        return client.send(address, new Function(function, Arrays.asList(args), List.of()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Object call(String function, TypeReference<?> output, Type... args) {
        List<Type> result = client.call(address, new Function(function, Arrays.asList(args), List.of(output)));
        if (result.isEmpty()) {
            throw new IllegalStateException(function + " at " + address + " returned nothing: is a contract there?");
        }
        return AbiCatalog.plain(result.get(0));
    }

    protected BigInteger callUint(String function, Type<?>... args) {
        return (BigInteger) call(function, new TypeReference<Uint256>() { }, args);
    }

    protected boolean callBool(String function, Type<?>... args) {
        return (Boolean) call(function, new TypeReference<Bool>() { }, args);
    }

    protected String callAddress(String function, Type<?>... args) {
        return (String) call(function, new TypeReference<Address>() { }, args);
    }

    protected static Uint256 uint(long value) {
        return new Uint256(value);
    }

    protected static Bytes32 bytes32(byte[] value) {
        return new Bytes32(value);
    }
}
