package io.sovereign.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The stack's EVM node read directly with web3j, not through settlement: what is on chain is
 * what the tests check settlement's books against.
 */
final class Chain {

    private static final String ALLOCATION_MINTED = EventEncoder.encode(new Event("AllocationMinted",
            List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
                    new TypeReference<Uint256>() { })));
    private static volatile Web3j web3j;

    private Chain() {
    }

    private static Web3j node() {
        if (web3j == null) {
            synchronized (Chain.class) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(PlatformStack.config().evmUrl()));
                }
            }
        }
        return web3j;
    }

    /** Hardhat's account {@code #index}, EIP-55 (the node lists its accounts in order). */
    static String account(int index) {
        try {
            return Keys.toChecksumAddress(node().ethAccounts().send().getAccounts().get(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long totalSupply(String token) {
        return uint(token, "totalSupply");
    }

    static long balanceOf(String token, String wallet) {
        return uint(token, "balanceOf", new Address(wallet));
    }

    static boolean isFrozen(String token, String wallet) {
        return bool(token, "isFrozen", new Address(wallet));
    }

    static boolean paused(String token) {
        return bool(token, "paused");
    }

    /** The identity registry the token checks its holders against. */
    static String identityRegistry(String token) {
        return (String) call(token, "identityRegistry", new TypeReference<Address>() { }).getValue();
    }

    static boolean isVerified(String registry, String wallet) {
        return bool(registry, "isVerified", new Address(wallet));
    }

    static boolean allocationMinted(String token, String allocationId) {
        return bool(token, "isAllocationMinted", new Bytes32(Hash.sha3(allocationId.getBytes(StandardCharsets.UTF_8))));
    }

    /** How many AllocationMinted events the token emitted for this allocation id (exactly once, or none). */
    static long mintEvents(String token, String allocationId) {
        String topic = Numeric.toHexString(Hash.sha3(allocationId.getBytes(StandardCharsets.UTF_8)));
        return logs(token, ALLOCATION_MINTED, topic).size();
    }

    /** Every AllocationMinted event of the token. */
    static List<Log> mintEvents(String token) {
        return logs(token, ALLOCATION_MINTED);
    }

    private static List<Log> logs(String token, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO), DefaultBlockParameterName.LATEST,
                token);
        for (String t : topics) {
            filter.addSingleTopic(t);
        }
        try {
            return node().ethGetLogs(filter).send().getLogs().stream().map(r -> (Log) r.get()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long uint(String contract, String function, Type<?>... args) {
        return ((BigInteger) call(contract, function, new TypeReference<Uint256>() { }, args).getValue()).longValueExact();
    }

    private static boolean bool(String contract, String function, Type<?>... args) {
        return (Boolean) call(contract, function, new TypeReference<Bool>() { }, args).getValue();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Type<?> call(String contract, String function, TypeReference<?> output, Type<?>... args) {
        Function f = new Function(function, (List) List.of(args), (List) List.of(output));
        try {
            String result = node().ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)),
                    DefaultBlockParameterName.LATEST).send().getValue();
            List<Type> values = FunctionReturnDecoder.decode(result, f.getOutputParameters());
            if (values.isEmpty()) {
                throw new IllegalStateException(function + " at " + contract + " returned nothing");
            }
            return values.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
