package io.sovereign.settlement.chain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * BondToken.sol: the ERC-20 view of a bond, its terms, the allocations minted, and the agent's
 * operations. Amounts are whole tokens (0 decimals: one token is one currency unit of par).
 */
public final class BondTokenContract extends DeployedContract {

    private static final String ALLOCATION_MINTED = EventEncoder.encode(new Event("AllocationMinted",
            List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
                    new TypeReference<Uint256>() { })));
    private static final String TRANSFER = EventEncoder.encode(new Event("Transfer",
            List.of(new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
                    new TypeReference<Uint256>() { })));
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /** A minted allocation as the token recorded it. */
    public record MintedAllocation(String wallet, long amount) {
    }

    private BondTokenContract(EvmClient client, String address) {
        super(client, address);
    }

    public static BondTokenContract at(String address, EvmClient client) {
        return new BondTokenContract(client, address);
    }

    /** The same token, driven by another signer (a holder, another agent). */
    public BondTokenContract as(EvmClient signer) {
        return at(address(), signer);
    }

    // ---- ERC-20 ----

    public String name() {
        return callString("name");
    }

    public String symbol() {
        return callString("symbol");
    }

    public int decimals() {
        return callUint("decimals").intValueExact();
    }

    public long totalSupply() {
        return callUint("totalSupply").longValueExact();
    }

    public long balanceOf(String wallet) {
        return callUint("balanceOf", new Address(wallet)).longValueExact();
    }

    public long allowance(String holder, String spender) {
        return callUint("allowance", new Address(holder), new Address(spender)).longValueExact();
    }

    public TransactionReceipt transfer(String to, long amount) {
        return send("transfer", new Address(to), uint(amount));
    }

    public TransactionReceipt approve(String spender, long amount) {
        return send("approve", new Address(spender), uint(amount));
    }

    public TransactionReceipt transferFrom(String from, String to, long amount) {
        return send("transferFrom", new Address(from), new Address(to), uint(amount));
    }

    // ---- terms ----

    public BondTerms terms() {
        return new BondTerms(callString("isin"), name(), BondTerms.couponRateFromChain(callUint("couponRate")),
                BondTerms.fromChain(callUint("issueDate")), BondTerms.fromChain(callUint("maturityDate")),
                paymentDates());
    }

    @SuppressWarnings("unchecked")
    private List<LocalDate> paymentDates() {
        List<BigInteger> dates = (List<BigInteger>) call("paymentDates", new TypeReference<DynamicArray<Uint64>>() { });
        return dates.stream().map(BondTerms::fromChain).toList();
    }

    public String identityRegistry() {
        return callAddress("identityRegistry");
    }

    // ---- allocations ----

    public TransactionReceipt mint(AllocationMint mint) {
        return send("mint", new Address(mint.wallet()), uint(mint.amount()),
                bytes32(OnChainIds.allocationId(mint.allocationId())));
    }

    /** Mints every allocation in one transaction, or none of them. */
    public TransactionReceipt batchMint(List<AllocationMint> mints) {
        return batchMint(mints, tx -> { });
    }

    /** {@link #batchMint(List)}, handing the signed transaction to {@code beforeBroadcast} before it is sent. */
    public TransactionReceipt batchMint(List<AllocationMint> mints, Consumer<SignedTransaction> beforeBroadcast) {
        List<Address> wallets = new ArrayList<>(mints.size());
        List<Uint256> amounts = new ArrayList<>(mints.size());
        List<Bytes32> ids = new ArrayList<>(mints.size());
        for (AllocationMint m : mints) {
            wallets.add(new Address(m.wallet()));
            amounts.add(uint(m.amount()));
            ids.add(bytes32(OnChainIds.allocationId(m.allocationId())));
        }
        return client.send(address(), new Function("batchMint", List.of(new DynamicArray<>(Address.class, wallets),
                new DynamicArray<>(Uint256.class, amounts), new DynamicArray<>(Bytes32.class, ids)), List.of()),
                beforeBroadcast);
    }

    /** The transaction that minted {@code allocationId} (from its AllocationMinted log), if it was minted. */
    public Optional<String> mintTransaction(String allocationId) {
        List<Log> logs = client.logs(address(), 0, client.blockNumber(), ALLOCATION_MINTED,
                Numeric.toHexString(OnChainIds.allocationId(allocationId)));
        return logs.stream().map(Log::getTransactionHash).findFirst();
    }

    /** The last transaction that burned tokens of {@code wallet} (a Transfer to the zero address), if any. */
    public Optional<String> lastBurnTransaction(String wallet) {
        List<Log> logs = client.logs(address(), 0, client.blockNumber(), TRANSFER, topic(wallet), topic(ZERO_ADDRESS));
        return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1).getTransactionHash());
    }

    private static String topic(String address) {
        return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
    }

    // ---- at a block: holders of record, proof of reserves ----

    public long totalSupply(long blockNumber) {
        return ((BigInteger) callAt(blockNumber, "totalSupply", new TypeReference<Uint256>() { })).longValueExact();
    }

    public long balanceOf(String wallet, long blockNumber) {
        return ((BigInteger) callAt(blockNumber, "balanceOf", new TypeReference<Uint256>() { }, new Address(wallet)))
                .longValueExact();
    }

    /**
     * Every wallet with a non-zero balance at {@code blockNumber}, by address: the receivers of
     * the token's Transfer events up to that block, each balance read at that block.
     */
    public Map<String, Long> holdersAt(long blockNumber) {
        Set<String> wallets = new TreeSet<>();
        for (Log log : client.logs(address(), 0, blockNumber, TRANSFER)) {
            String to = (String) AbiCatalog.plain(FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(2),
                    new TypeReference<Address>() { }));
            if (!to.equalsIgnoreCase(ZERO_ADDRESS)) {
                wallets.add(to);
            }
        }
        Map<String, Long> holders = new LinkedHashMap<>();
        for (String wallet : wallets) {
            long balance = balanceOf(wallet, blockNumber);
            if (balance > 0) {
                holders.put(wallet, balance);
            }
        }
        return holders;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Object callAt(long blockNumber, String function, TypeReference<?> output, Type... args) {
        List<Type> result = client.call(address(), new Function(function, Arrays.asList(args), List.of(output)),
                blockNumber);
        if (result.isEmpty()) {
            throw new IllegalStateException(function + " at " + address() + " returned nothing at block " + blockNumber);
        }
        return AbiCatalog.plain(result.get(0));
    }

    public boolean isAllocationMinted(String allocationId) {
        return callBool("isAllocationMinted", bytes32(OnChainIds.allocationId(allocationId)));
    }

    /** For each id, whether the token minted it, in one call. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Boolean> allocationsMinted(List<String> allocationIds) {
        List<Bytes32> ids = allocationIds.stream().map(id -> bytes32(OnChainIds.allocationId(id))).toList();
        return (List<Boolean>) call("allocationsMinted", new TypeReference<DynamicArray<Bool>>() { },
                new DynamicArray<>(Bytes32.class, ids));
    }

    public Optional<MintedAllocation> allocation(String allocationId) {
        Function f = new Function("allocation", List.of(bytes32(OnChainIds.allocationId(allocationId))),
                List.of(new TypeReference<Address>() { }, new TypeReference<Uint256>() { }));
        List<Type> out = client.call(address(), f);
        String wallet = (String) AbiCatalog.plain(out.get(0));
        long amount = ((BigInteger) out.get(1).getValue()).longValueExact();
        return amount == 0 ? Optional.empty() : Optional.of(new MintedAllocation(wallet, amount));
    }

    // ---- agent operations ----

    public TransactionReceipt burn(String wallet, long amount) {
        return send("burn", new Address(wallet), uint(amount));
    }

    public TransactionReceipt pause() {
        return send("pause");
    }

    public TransactionReceipt unpause() {
        return send("unpause");
    }

    public boolean paused() {
        return callBool("paused");
    }

    public TransactionReceipt setAddressFrozen(String wallet, boolean frozen) {
        return send("setAddressFrozen", new Address(wallet), new Bool(frozen));
    }

    public boolean isFrozen(String wallet) {
        return callBool("isFrozen", new Address(wallet));
    }

    public TransactionReceipt freezePartialTokens(String wallet, long amount) {
        return send("freezePartialTokens", new Address(wallet), uint(amount));
    }

    public TransactionReceipt unfreezePartialTokens(String wallet, long amount) {
        return send("unfreezePartialTokens", new Address(wallet), uint(amount));
    }

    public long frozenTokens(String wallet) {
        return callUint("getFrozenTokens", new Address(wallet)).longValueExact();
    }

    public TransactionReceipt forcedTransfer(String from, String to, long amount) {
        return send("forcedTransfer", new Address(from), new Address(to), uint(amount));
    }

    /** Moves everything of a lost wallet to the investor's new one (both registered to the investor). */
    public TransactionReceipt recoveryAddress(String lostWallet, String newWallet, String investorId) {
        return send("recoveryAddress", new Address(lostWallet), new Address(newWallet),
                bytes32(OnChainIds.investorId(investorId)));
    }

    private String callString(String function) {
        return (String) call(function, new TypeReference<Utf8String>() { });
    }
}
