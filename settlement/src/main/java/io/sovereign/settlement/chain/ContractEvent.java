package io.sovereign.settlement.chain;

import java.util.Map;

/**
 * An event that the contract at {@code address} emitted, decoded by our contracts' ABI;
 * {@code args} by name in declaration order, as plain values (see {@link ContractRevertException#args()}).
 */
public record ContractEvent(String address, String name, Map<String, Object> args) {

    public Object arg(String key) {
        if (!args.containsKey(key)) {
            throw new IllegalArgumentException(name + " has no argument " + key + ": " + args.keySet());
        }
        return args.get(key);
    }
}
