/**
 * The bond contracts on the EVM ledger (sources in {@code settlement/contracts}, ABI and bytecode
 * in {@code src/main/resources/contracts}) and a small typed client for them over web3j:
 * {@link io.sovereign.settlement.chain.EvmClient} signs and sends, reverts come back as
 * {@link io.sovereign.settlement.chain.ContractRevertException} named by the contracts' custom
 * errors, and {@link io.sovereign.settlement.chain.BondIssuance} deploys a token per ISIN and mints
 * allocations in batches.
 */
package io.sovereign.settlement.chain;
