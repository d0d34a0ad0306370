package io.sovereign.settlement.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The custom errors and events of every contract of ours, by selector and by topic: a revert is
 * named whichever contract raised it (a factory call can revert in the token's constructor), and
 * contracts share the signatures of what they share (AgentRole's events and errors).
 */
final class AbiCatalog {

    private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]{8,}");
    private static final Entry SOLIDITY_ERROR = new Entry("Error", List.of(new Param("message", "string", false)));
    private static final Entry SOLIDITY_PANIC = new Entry("Panic", List.of(new Param("code", "uint256", false)));

    static final AbiCatalog CONTRACTS = new AbiCatalog(List.of(ContractArtifact.IDENTITY_REGISTRY,
            ContractArtifact.BOND_TOKEN, ContractArtifact.BOND_FACTORY));

    private record Param(String name, String type, boolean indexed) {
    }

    private record Entry(String name, List<Param> inputs) {

        String signature() {
            return name + "(" + String.join(",", inputs.stream().map(Param::type).toList()) + ")";
        }
    }

    private final Map<String, Entry> errorsBySelector = new HashMap<>();
    private final Map<String, Entry> eventsByTopic = new HashMap<>();

    private AbiCatalog(List<ContractArtifact> artifacts) {
        errorsBySelector.put(selector(SOLIDITY_ERROR), SOLIDITY_ERROR);
        errorsBySelector.put(selector(SOLIDITY_PANIC), SOLIDITY_PANIC);
        for (ContractArtifact artifact : artifacts) {
            for (JsonNode item : artifact.abi()) {
                String kind = item.get("type").asText();
                if (kind.equals("error") || kind.equals("event")) {
                    List<Param> inputs = new ArrayList<>();
                    item.get("inputs").forEach(p -> inputs.add(new Param(p.get("name").asText(),
                            p.get("type").asText(), p.path("indexed").asBoolean(false))));
                    Entry e = new Entry(item.get("name").asText(), List.copyOf(inputs));
                    if (kind.equals("error")) {
                        errorsBySelector.putIfAbsent(selector(e), e);
                    } else {
                        eventsByTopic.putIfAbsent(Hash.sha3String(e.signature()), e);
                    }
                }
            }
        }
    }

    /**
     * The revert named by the first hex string in {@code rpcErrorData}, the {@code data} of a
     * JSON-RPC error (clients put it there as a string or inside an object), if there is one.
     */
    Optional<ContractRevertException> revert(String rpcErrorData) {
        if (rpcErrorData == null) {
            return Optional.empty();
        }
        Matcher m = HEX_DATA.matcher(rpcErrorData);
        if (!m.find()) {
            return Optional.empty();
        }
        String data = m.group().toLowerCase(Locale.ROOT);
        Entry error = errorsBySelector.get(data.substring(0, 10));
        if (error == null) {
            return Optional.of(new ContractRevertException("unknown", List.of(data)));
        }
        List<Type> values = FunctionReturnDecoder.decode("0x" + data.substring(10), refs(error.inputs()));
        return Optional.of(new ContractRevertException(error.name(), values.stream().map(AbiCatalog::plain).toList()));
    }

    /** The events of {@code receipt} that our contracts emitted, in log order. */
    List<ContractEvent> events(TransactionReceipt receipt) {
        List<ContractEvent> out = new ArrayList<>();
        for (Log log : receipt.getLogs()) {
            Entry event = log.getTopics().isEmpty() ? null : eventsByTopic.get(log.getTopics().get(0));
            if (event != null) {
                out.add(decode(event, log));
            }
        }
        return out;
    }

    private static ContractEvent decode(Entry event, Log log) {
        List<Param> data = event.inputs().stream().filter(p -> !p.indexed()).toList();
        List<Type> dataValues = FunctionReturnDecoder.decode(log.getData(), refs(data));
        Map<String, Object> args = new LinkedHashMap<>();
        int topic = 1;
        int field = 0;
        for (Param p : event.inputs()) {
            Type value = p.indexed()
                    ? FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(topic++), ref(p.type()))
                    : dataValues.get(field++);
            args.put(p.name(), plain(value));
        }
        return new ContractEvent(Keys.toChecksumAddress(log.getAddress()), event.name(), args);
    }

    private static String selector(Entry error) {
        return Hash.sha3String(error.signature()).substring(0, 10);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<TypeReference<Type>> refs(List<Param> params) {
        List refs = params.stream().map(p -> ref(p.type())).toList();
        return refs;
    }

    private static TypeReference<?> ref(String solidityType) {
        try {
            return TypeReference.makeTypeReference(solidityType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ABI type " + solidityType + " unknown to web3j", e);
        }
    }

    /** A web3j value as a plain Java value: address EIP-55, bytes 0x hex, arrays as lists. */
    static Object plain(Type<?> value) {
        if (value instanceof Address a) {
            return Keys.toChecksumAddress(a.getValue());
        }
        if (value instanceof BytesType b) {
            return Numeric.toHexString(b.getValue());
        }
        if (value instanceof Array<?> array) {
            return array.getValue().stream().map(v -> plain((Type<?>) v)).toList();
        }
        return value.getValue();
    }
}
