package io.sovereign.settlement.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * One signer on one EVM chain: calls views, and signs and sends transactions (legacy, EIP-155
 * chain id) after {@code eth_estimateGas} has both priced them and shown whether they would
 * revert, so that a rule broken on chain surfaces as a {@link ContractRevertException} before
 * anything is sent.
 */
public final class EvmClient implements AutoCloseable {

    /** Head room over the estimate: the estimate is exact for the state it ran on, not later ones. */
    private static final int GAS_MARGIN_PERCENT = 20;
    /** How long to wait for a receipt before giving up on a transaction. */
    private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(2);

    private final Web3j web3j;
    private final long chainId;
    private final Credentials signer;
    private final Duration receiptPoll;
    private final PollingTransactionReceiptProcessor receipts;
    private final boolean ownsConnection;

    private EvmClient(Web3j web3j, long chainId, Credentials signer, Duration receiptPoll, boolean ownsConnection) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.signer = signer;
        this.receiptPoll = receiptPoll;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, receiptPoll.toMillis(),
                (int) Math.max(1, RECEIPT_TIMEOUT.toMillis() / receiptPoll.toMillis()));
        this.ownsConnection = ownsConnection;
    }

    /**
     * Connects to {@code rpcUrl} and signs with {@code privateKey} (hex); fails if the node's chain
     * id is not {@code chainId}, so that a key is never used on a chain it was not meant for.
     */
    public static EvmClient connect(String rpcUrl, long chainId, String privateKey, Duration receiptPoll) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS).build();
        Web3j web3j = Web3j.build(new HttpService(rpcUrl, http));
        try {
            long actual = rpc(web3j.ethChainId().send()).getChainId().longValueExact();
            if (actual != chainId) {
                throw new IllegalStateException("The node at " + rpcUrl + " is chain " + actual + ", not " + chainId);
            }
        } catch (IOException e) {
            web3j.shutdown();
            throw new UncheckedIOException("Cannot reach " + rpcUrl, e);
        } catch (RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
        return new EvmClient(web3j, chainId, Credentials.create(privateKey), receiptPoll, true);
    }

    /** The same connection, signing with another key (the connection stays this client's to close). */
    public EvmClient withSigner(String privateKey) {
        return new EvmClient(web3j, chainId, Credentials.create(privateKey), receiptPoll, false);
    }

    /** The signer's address, EIP-55. */
    public String address() {
        return Keys.toChecksumAddress(signer.getAddress());
    }

    public long chainId() {
        return chainId;
    }

    /** Deploys {@code artifact} with constructor {@code args}; returns the new contract's address. */
    public String deploy(ContractArtifact artifact, List<Type> args) {
        TransactionReceipt receipt = send(null, artifact.bytecode() + FunctionEncoder.encodeConstructor(args), tx -> { });
        return Keys.toChecksumAddress(receipt.getContractAddress());
    }

    /** Sends {@code function} to {@code contract} and waits for its receipt. */
    public TransactionReceipt send(String contract, Function function) {
        return send(contract, FunctionEncoder.encode(function), tx -> { });
    }

    /**
     * Sends {@code function} to {@code contract} and waits for its receipt, handing the signed
     * transaction to {@code beforeBroadcast} first: whatever it records (the hash, the raw bytes)
     * is what a process that dies while the transaction is in flight finds again at its restart.
     */
    public TransactionReceipt send(String contract, Function function, Consumer<SignedTransaction> beforeBroadcast) {
        return send(contract, FunctionEncoder.encode(function), beforeBroadcast);
    }

    /** Calls the view {@code function} on {@code contract} at the latest block. */
    public List<Type> call(String contract, Function function) {
        return call(contract, function, DefaultBlockParameterName.LATEST);
    }

    /** Calls the view {@code function} on {@code contract} as the chain was at {@code blockNumber}. */
    public List<Type> call(String contract, Function function, long blockNumber) {
        return call(contract, function, DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)));
    }

    private List<Type> call(String contract, Function function, DefaultBlockParameter block) {
        Transaction tx = Transaction.createEthCallTransaction(signer.getAddress(), contract,
                FunctionEncoder.encode(function));
        EthCall result = io(() -> web3j.ethCall(tx, block).send());
        return FunctionReturnDecoder.decode(rpc(result).getValue(), function.getOutputParameters());
    }

    /** The number of the latest block. */
    public long blockNumber() {
        return rpc(io(() -> web3j.ethBlockNumber().send())).getBlockNumber().longValueExact();
    }

    /** The receipt of a mined transaction; empty while it is pending or if the node never saw it. */
    public Optional<TransactionReceipt> receipt(String txHash) {
        return rpc(io(() -> web3j.ethGetTransactionReceipt(txHash).send())).getTransactionReceipt();
    }

    /** Whether the node knows the transaction at all (pending or mined). */
    public boolean knows(String txHash) {
        return rpc(io(() -> web3j.ethGetTransactionByHash(txHash).send())).getTransaction().isPresent();
    }

    /** Waits for the receipt of a transaction that was sent (up to two minutes). */
    public TransactionReceipt awaitReceipt(String txHash) {
        return io(() -> {
            try {
                return receipts.waitForTransactionReceipt(txHash);
            } catch (TransactionException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    /**
     * Sends a transaction signed before (again): harmless if the node already has it, so a restart
     * re-sends what it recorded without knowing whether the first attempt reached the node.
     */
    public void broadcast(SignedTransaction tx) {
        EthSendTransaction sent = io(() -> web3j.ethSendRawTransaction(tx.raw()).send());
        if (sent.hasError() && !knows(tx.hash())) {
            throw new BroadcastRefusedException(tx.hash(), sent.getError().getMessage());
        }
    }

    /** The logs of {@code contract} in blocks {@code fromBlock} to {@code toBlock} whose topics match (null: any). */
    public List<Log> logs(String contract, long fromBlock, long toBlock, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), contract);
        for (String topic : topics) {
            if (topic == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(topic);
            }
        }
        EthLog result = rpc(io(() -> web3j.ethGetLogs(filter).send()));
        return result.getLogs().stream().map(r -> (Log) r.get()).toList();
    }

    /** The runtime bytecode at {@code address} ("0x" if there is no contract there). */
    public String code(String address) {
        return rpc(io(() -> web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send())).getCode();
    }

    /** The events our contracts emitted in {@code receipt}. */
    public List<ContractEvent> events(TransactionReceipt receipt) {
        return AbiCatalog.CONTRACTS.events(receipt);
    }

    private TransactionReceipt send(String to, String data, Consumer<SignedTransaction> beforeBroadcast) {
        SignedTransaction tx = sign(to, data);
        beforeBroadcast.accept(tx);
        broadcast(tx);
        TransactionReceipt receipt = awaitReceipt(tx.hash());
        if (!receipt.isStatusOK()) {
            // the state moved between the estimate and the block: estimating again names the rule
            rpc(io(() -> web3j.ethEstimateGas(probe(to, data)).send()));
            throw new IllegalStateException("Transaction " + receipt.getTransactionHash() + " reverted in block "
                    + receipt.getBlockNumber());
        }
        return receipt;
    }

    /**
     * Estimates (a revert surfaces here, named), prices and signs a transaction with the signer's
     * next nonce, without sending it. One signer must send one transaction at a time: the nonce is
     * the node's count of the signer's transactions, pending ones included.
     */
    private SignedTransaction sign(String to, String data) {
        BigInteger estimate = rpc(io(() -> web3j.ethEstimateGas(probe(to, data)).send())).getAmountUsed();
        BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(100 + GAS_MARGIN_PERCENT))
                .divide(BigInteger.valueOf(100));
        BigInteger gasPrice = rpc(io(() -> web3j.ethGasPrice().send())).getGasPrice();
        BigInteger nonce = rpc(io(() -> web3j.ethGetTransactionCount(signer.getAddress(),
                DefaultBlockParameterName.PENDING).send())).getTransactionCount();
        RawTransaction raw = to == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, BigInteger.ZERO, data);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, signer));
        return new SignedTransaction(Hash.sha3(signed), signed, nonce.longValueExact());
    }

    private Transaction probe(String to, String data) {
        return new Transaction(signer.getAddress(), null, null, null, to, BigInteger.ZERO, data);
    }

    /** The response, or its error as a {@link ContractRevertException} if it is a revert. */
    private static <R extends Response<?>> R rpc(R response) {
        if (response.hasError()) {
            Response.Error error = response.getError();
            throw AbiCatalog.CONTRACTS.revert(error.getData()).map(RuntimeException.class::cast)
                    .orElseGet(() -> new IllegalStateException("JSON-RPC error " + error.getCode() + ": "
                            + error.getMessage()));
        }
        return response;
    }

    private interface RpcCall<T> {
        T run() throws IOException;
    }

    private static <T> T io(RpcCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (ownsConnection) {
            web3j.shutdown();
        }
    }
}
