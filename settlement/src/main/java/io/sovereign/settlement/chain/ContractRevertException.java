package io.sovereign.settlement.chain;

import java.util.List;

/**
 * A contract call or transaction reverted: {@link #error()} is the custom error's name (such as
 * {@code WalletNotVerified}) with its {@link #args()}; {@code Error} and {@code Panic} for Solidity's
 * built-in reverts; {@code unknown} when the revert data matches no error of the contracts.
 */
public class ContractRevertException extends RuntimeException {

    private final String error;
    private final List<Object> args;

    public ContractRevertException(String error, List<Object> args) {
        super("reverted with " + error + args.toString().replace('[', '(').replace(']', ')'));
        this.error = error;
        this.args = List.copyOf(args);
    }

    public String error() {
        return error;
    }

    /** Arguments as plain values: addresses EIP-55, uints {@code BigInteger}, bytes as 0x hex. */
    public List<Object> args() {
        return args;
    }
}
