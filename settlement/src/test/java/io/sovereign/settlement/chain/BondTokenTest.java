package io.sovereign.settlement.chain;

import static io.sovereign.settlement.chain.ChainFixture.assertReverts;
import static io.sovereign.settlement.chain.ChainFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Every rule of BondToken.sol, asserted on a real node: state read back, reverts by their custom error. */
@ExtendWith(HardhatNode.class)
class BondTokenTest {

    private static final String AGENT = wallet(0);
    private static final String W1 = wallet(1);
    private static final String W2 = wallet(2);
    private static final String W3 = wallet(3);
    /** Not in the identity registry. */
    private static final String W5 = wallet(5);

    private ChainFixture f;
    private BondTokenContract token;

    @BeforeEach
    void deploy(HardhatNode.Node node) {
        f = new ChainFixture(node);
        token = f.newToken();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> eventNames(TransactionReceipt receipt) {
        return f.agent.events(receipt).stream().map(ContractEvent::name).toList();
    }

    private ContractEvent event(TransactionReceipt receipt, String name) {
        return f.agent.events(receipt).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String id(String allocationId) {
        return ChainFixture.hex(OnChainIds.allocationId(allocationId));
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private BondTokenContract holder(int index) {
        return token.as(f.signer(index));
    }

    @Nested
    class Minting {

        @Test
        void mintRecordsTheAllocationAndCreditsTheWallet() {
            var receipt = token.mint(new AllocationMint("alloc-1", W1, 1_000_000));

            assertThat(token.balanceOf(W1)).isEqualTo(1_000_000);
            assertThat(token.totalSupply()).isEqualTo(1_000_000);
            assertThat(token.isAllocationMinted("alloc-1")).isTrue();
            assertThat(token.isAllocationMinted("alloc-2")).isFalse();
            assertThat(token.allocation("alloc-1")).contains(new BondTokenContract.MintedAllocation(W1, 1_000_000));
            assertThat(token.allocation("alloc-2")).isEmpty();
            assertThat(eventNames(receipt)).containsExactly("Transfer", "AllocationMinted");
            assertThat(event(receipt, "Transfer").args()).containsEntry("from", ChainFixture.ZERO_ADDRESS)
                    .containsEntry("to", W1).containsEntry("value", big(1_000_000));
            assertThat(event(receipt, "AllocationMinted").args()).containsEntry("allocationId", id("alloc-1"))
                    .containsEntry("to", W1).containsEntry("amount", big(1_000_000));
        }

        @Test
        void batchMintCreditsEveryAllocation() {
            var receipt = token.batchMint(List.of(new AllocationMint("a", W1, 100), new AllocationMint("b", W2, 200),
                    new AllocationMint("c", W1, 300)));

            assertThat(token.balanceOf(W1)).isEqualTo(400);
            assertThat(token.balanceOf(W2)).isEqualTo(200);
            assertThat(token.totalSupply()).isEqualTo(600);
            assertThat(token.allocationsMinted(List.of("a", "b", "c", "d"))).containsExactly(true, true, true, false);
            assertThat(eventNames(receipt)).containsExactly("Transfer", "AllocationMinted", "Transfer",
                    "AllocationMinted", "Transfer", "AllocationMinted");
        }

        @Test
        void aReusedAllocationIdReverts() {
            token.mint(new AllocationMint("alloc-1", W1, 500));

            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W1, 500)), "AllocationAlreadyMinted",
                    id("alloc-1"));
            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W2, 10)), "AllocationAlreadyMinted",
                    id("alloc-1"));
            // one used id reverts the whole batch, and so does an id twice in one batch
            assertReverts(() -> token.batchMint(List.of(new AllocationMint("alloc-2", W2, 10),
                    new AllocationMint("alloc-1", W2, 10))), "AllocationAlreadyMinted", id("alloc-1"));
            assertReverts(() -> token.batchMint(List.of(new AllocationMint("alloc-3", W2, 10),
                    new AllocationMint("alloc-3", W2, 10))), "AllocationAlreadyMinted", id("alloc-3"));
            assertThat(token.allocationsMinted(List.of("alloc-2", "alloc-3"))).containsExactly(false, false);
            assertThat(token.totalSupply()).isEqualTo(500);
            assertThat(token.balanceOf(W2)).isZero();
        }

        @Test
        void onlyAnAgentMints() {
            assertReverts(() -> holder(1).mint(new AllocationMint("alloc-1", W1, 500)), "NotAgent", W1);
            assertReverts(() -> holder(1).batchMint(List.of(new AllocationMint("alloc-1", W1, 500))), "NotAgent", W1);
            assertThat(token.totalSupply()).isZero();
            assertThat(token.isAllocationMinted("alloc-1")).isFalse();
        }

        @Test
        void anUnverifiedReceiverGetsNothing() {
            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W5, 500)), "WalletNotVerified", W5);

            f.registry.setVerified(W1, false);
            assertReverts(() -> token.mint(new AllocationMint("alloc-2", W1, 500)), "WalletNotVerified", W1);
            assertReverts(() -> token.batchMint(List.of(new AllocationMint("alloc-3", W2, 10),
                    new AllocationMint("alloc-4", W1, 10))), "WalletNotVerified", W1);
            assertThat(token.totalSupply()).isZero();

            f.registry.setVerified(W1, true);
            token.mint(new AllocationMint("alloc-2", W1, 500));
            assertThat(token.balanceOf(W1)).isEqualTo(500);
        }

        @Test
        void aFrozenWalletGetsNothing() {
            token.setAddressFrozen(W1, true);

            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W1, 500)), "WalletFrozen", W1);
            assertThat(token.totalSupply()).isZero();
        }

        @Test
        void nothingIsMintedWhilePaused() {
            token.pause();

            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W1, 500)), "TokenPaused");
            assertReverts(() -> token.batchMint(List.of(new AllocationMint("alloc-1", W1, 500))), "TokenPaused");
            assertThat(token.totalSupply()).isZero();
        }

        @Test
        void amountsAndIdsAreChecked() {
            assertReverts(() -> token.mint(new AllocationMint("alloc-1", W1, 0)), "InvalidAmount", big(0));
            assertReverts(() -> f.agent.send(token.address(), new Function("mint", List.of(new Address(W1),
                    new Uint256(BigInteger.TWO.pow(96)), new Bytes32(OnChainIds.allocationId("alloc-1"))), List.of())),
                    "InvalidAmount", BigInteger.TWO.pow(96));
            assertReverts(() -> f.agent.send(token.address(), new Function("mint", List.of(new Address(W1),
                    new Uint256(5), new Bytes32(new byte[32])), List.of())), "InvalidAllocationId");
            assertReverts(() -> f.agent.send(token.address(), new Function("batchMint", List.of(
                    new DynamicArray<>(Address.class, List.of(new Address(W1), new Address(W2))),
                    new DynamicArray<>(Uint256.class, List.of(new Uint256(5))),
                    new DynamicArray<>(Bytes32.class, List.of(new Bytes32(OnChainIds.allocationId("x")),
                            new Bytes32(OnChainIds.allocationId("y"))))), List.of())), "ArrayLengthMismatch");
            assertThat(token.totalSupply()).isZero();
        }
    }

    @Nested
    class Transfers {

        @BeforeEach
        void mint() {
            token.batchMint(List.of(new AllocationMint("a1", W1, 1_000), new AllocationMint("a2", W2, 500)));
        }

        @Test
        void aHolderTransfersToAVerifiedWallet() {
            var receipt = holder(1).transfer(W3, 300);

            assertThat(token.balanceOf(W1)).isEqualTo(700);
            assertThat(token.balanceOf(W3)).isEqualTo(300);
            assertThat(token.totalSupply()).isEqualTo(1_500);
            assertThat(event(receipt, "Transfer").args()).containsEntry("from", W1).containsEntry("to", W3)
                    .containsEntry("value", big(300));
        }

        @Test
        void bothPartiesMustBeVerified() {
            assertReverts(() -> holder(1).transfer(W5, 300), "WalletNotVerified", W5);

            f.registry.setVerified(W1, false);
            assertReverts(() -> holder(1).transfer(W3, 300), "WalletNotVerified", W1);
            assertReverts(() -> holder(2).transfer(W1, 100), "WalletNotVerified", W1);
            assertThat(token.balanceOf(W1)).isEqualTo(1_000);
            assertThat(token.balanceOf(W2)).isEqualTo(500);
        }

        @Test
        void aFrozenWalletNeitherSendsNorReceives() {
            var frozen = token.setAddressFrozen(W1, true);
            assertThat(token.isFrozen(W1)).isTrue();
            assertThat(event(frozen, "AddressFrozen").args()).containsEntry("wallet", W1)
                    .containsEntry("isFrozen", true).containsEntry("agent", AGENT);

            assertReverts(() -> holder(1).transfer(W3, 300), "WalletFrozen", W1);
            assertReverts(() -> holder(2).transfer(W1, 100), "WalletFrozen", W1);

            token.setAddressFrozen(W1, false);
            holder(1).transfer(W3, 300);
            assertThat(token.balanceOf(W3)).isEqualTo(300);
        }

        @Test
        void nothingMovesWhilePaused() {
            var paused = token.pause();
            assertThat(token.paused()).isTrue();
            assertThat(eventNames(paused)).containsExactly("Paused");
            assertThat(event(paused, "Paused").args()).containsEntry("agent", AGENT);
            assertReverts(() -> holder(1).transfer(W3, 300), "TokenPaused");
            assertReverts(token::pause, "TokenPaused");
            assertReverts(() -> holder(1).pause(), "NotAgent", W1);

            var unpaused = token.unpause();
            assertThat(eventNames(unpaused)).containsExactly("Unpaused");
            assertReverts(token::unpause, "TokenNotPaused");
            holder(1).transfer(W3, 300);
            assertThat(token.balanceOf(W3)).isEqualTo(300);
        }

        @Test
        void aHolderCannotSendMoreThanItHas() {
            assertReverts(() -> holder(1).transfer(W3, 1_001), "ERC20InsufficientBalance", W1, big(1_000), big(1_001));
        }

        @Test
        void aSpenderMovesWithinItsAllowanceAndTheSameRules() {
            var approved = holder(1).approve(W3, 400);
            assertThat(token.allowance(W1, W3)).isEqualTo(400);
            assertThat(event(approved, "Approval").args()).containsEntry("owner", W1).containsEntry("spender", W3)
                    .containsEntry("value", big(400));

            holder(3).transferFrom(W1, W2, 150);
            assertThat(token.balanceOf(W2)).isEqualTo(650);
            assertThat(token.allowance(W1, W3)).isEqualTo(250);
            assertReverts(() -> holder(3).transferFrom(W1, W2, 251), "ERC20InsufficientAllowance", W3, big(250),
                    big(251));
            assertReverts(() -> holder(3).transferFrom(W1, W5, 10), "WalletNotVerified", W5);
            assertThat(token.allowance(W1, W3)).isEqualTo(250);
        }

        @Test
        void frozenTokensStayPut() {
            var frozen = token.freezePartialTokens(W1, 400);
            assertThat(token.frozenTokens(W1)).isEqualTo(400);
            assertThat(event(frozen, "TokensFrozen").args()).containsEntry("wallet", W1).containsEntry("amount", big(400));

            assertReverts(() -> holder(1).transfer(W3, 601), "InsufficientUnfrozenBalance", W1, big(600), big(601));
            holder(1).transfer(W3, 600);
            assertThat(token.balanceOf(W1)).isEqualTo(400);
            assertReverts(() -> token.freezePartialTokens(W1, 1), "InsufficientUnfrozenBalance", W1, big(0), big(1));
            assertReverts(() -> token.unfreezePartialTokens(W1, 401), "InsufficientFrozenTokens", W1, big(400),
                    big(401));
            assertReverts(() -> holder(1).freezePartialTokens(W2, 1), "NotAgent", W1);

            var unfrozen = token.unfreezePartialTokens(W1, 400);
            assertThat(event(unfrozen, "TokensUnfrozen").args()).containsEntry("wallet", W1)
                    .containsEntry("amount", big(400));
            holder(1).transfer(W3, 400);
            assertThat(token.balanceOf(W3)).isEqualTo(1_000);
        }
    }

    @Nested
    class AgentOverrides {

        @BeforeEach
        void mint() {
            token.batchMint(List.of(new AllocationMint("a1", W1, 1_000), new AllocationMint("a2", W2, 500)));
        }

        @Test
        void aForcedTransferTakesFrozenTokensFromAFrozenWalletWhilePaused() {
            token.freezePartialTokens(W1, 400);
            token.setAddressFrozen(W1, true);
            token.pause();

            var receipt = token.forcedTransfer(W1, W3, 800);

            assertThat(token.balanceOf(W1)).isEqualTo(200);
            assertThat(token.balanceOf(W3)).isEqualTo(800);
            assertThat(token.frozenTokens(W1)).isEqualTo(200);
            assertThat(token.totalSupply()).isEqualTo(1_500);
            assertThat(eventNames(receipt)).containsExactly("TokensUnfrozen", "Transfer", "ForcedTransfer");
            assertThat(event(receipt, "TokensUnfrozen").args()).containsEntry("amount", big(200));
            assertThat(event(receipt, "ForcedTransfer").args()).containsEntry("from", W1).containsEntry("to", W3)
                    .containsEntry("amount", big(800)).containsEntry("agent", AGENT);
        }

        @Test
        void aForcedTransferStillNeedsAVerifiedUnfrozenReceiverAndAnAgent() {
            assertReverts(() -> token.forcedTransfer(W1, W5, 100), "WalletNotVerified", W5);
            token.setAddressFrozen(W3, true);
            assertReverts(() -> token.forcedTransfer(W1, W3, 100), "WalletFrozen", W3);
            assertReverts(() -> token.forcedTransfer(W1, W2, 1_001), "ERC20InsufficientBalance", W1, big(1_000),
                    big(1_001));
            assertReverts(() -> holder(2).forcedTransfer(W1, W2, 100), "NotAgent", W2);
            assertThat(token.balanceOf(W1)).isEqualTo(1_000);
        }

        @Test
        void burnReducesTheSupplyAndTakesFrozenTokensLast() {
            token.freezePartialTokens(W1, 900);

            var receipt = token.burn(W1, 300);

            assertThat(token.balanceOf(W1)).isEqualTo(700);
            assertThat(token.frozenTokens(W1)).isEqualTo(700);
            assertThat(token.totalSupply()).isEqualTo(1_200);
            assertThat(eventNames(receipt)).containsExactly("TokensUnfrozen", "Transfer");
            assertThat(event(receipt, "Transfer").args()).containsEntry("from", W1)
                    .containsEntry("to", ChainFixture.ZERO_ADDRESS).containsEntry("value", big(300));
            assertReverts(() -> token.burn(W1, 701), "ERC20InsufficientBalance", W1, big(700), big(701));
            assertReverts(() -> holder(1).burn(W1, 1), "NotAgent", W1);
        }

        @Test
        void recoveryMovesEverythingToTheInvestorsNewWallet() {
            token.freezePartialTokens(W1, 250);
            token.setAddressFrozen(W1, true);
            f.registry.registerIdentity(W5, "dealer-01", "US");

            var receipt = token.recoveryAddress(W1, W5, "dealer-01");

            assertThat(token.balanceOf(W1)).isZero();
            assertThat(token.balanceOf(W5)).isEqualTo(1_000);
            assertThat(token.frozenTokens(W1)).isZero();
            assertThat(token.frozenTokens(W5)).isEqualTo(250);
            assertThat(token.isFrozen(W5)).isTrue();
            assertThat(token.totalSupply()).isEqualTo(1_500);
            assertThat(eventNames(receipt)).containsExactly("Transfer", "TokensUnfrozen", "TokensFrozen",
                    "AddressFrozen", "RecoverySuccess");
            assertThat(event(receipt, "RecoverySuccess").args()).containsEntry("lostWallet", W1)
                    .containsEntry("newWallet", W5)
                    .containsEntry("investorId", ChainFixture.hex(OnChainIds.investorId("dealer-01")));
            token.setAddressFrozen(W5, false);
            assertReverts(() -> token.recoveryAddress(W1, W5, "dealer-01"), "NothingToRecover", W1);
        }

        @Test
        void recoveryNeedsBothWalletsOfOneVerifiedInvestor() {
            String dealer1 = ChainFixture.hex(OnChainIds.investorId("dealer-01"));
            assertReverts(() -> token.recoveryAddress(W1, W2, "dealer-01"), "InvestorMismatch", W2, dealer1);
            assertReverts(() -> token.recoveryAddress(W1, W5, "dealer-01"), "InvestorMismatch", W5, dealer1);
            assertReverts(() -> token.recoveryAddress(W2, W1, "dealer-01"), "InvestorMismatch", W2, dealer1);
            f.registry.registerIdentity(W5, "dealer-01", "US");
            f.registry.setVerified(W5, false);
            assertReverts(() -> token.recoveryAddress(W1, W5, "dealer-01"), "WalletNotVerified", W5);
            f.registry.setVerified(W5, true);
            assertReverts(() -> holder(1).recoveryAddress(W1, W5, "dealer-01"), "NotAgent", W1);
            assertThat(token.balanceOf(W1)).isEqualTo(1_000);
        }
    }

    @Nested
    class Roles {

        @Test
        void theOwnerAppointsTheTokensAgents() {
            assertThat(token.owner()).isEqualTo(AGENT);
            assertReverts(() -> holder(3).mint(new AllocationMint("a1", W1, 10)), "NotAgent", W3);
            assertReverts(() -> holder(3).addAgent(W3), "NotOwner", W3);

            token.addAgent(W3);
            holder(3).mint(new AllocationMint("a1", W1, 10));
            assertThat(token.balanceOf(W1)).isEqualTo(10);

            token.removeAgent(W3);
            assertReverts(() -> holder(3).mint(new AllocationMint("a2", W1, 10)), "NotAgent", W3);
        }
    }
}
