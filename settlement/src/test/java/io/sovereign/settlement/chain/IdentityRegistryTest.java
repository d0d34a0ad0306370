package io.sovereign.settlement.chain;

import static io.sovereign.settlement.chain.ChainFixture.assertReverts;
import static io.sovereign.settlement.chain.ChainFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes2;
import org.web3j.abi.datatypes.generated.Bytes32;

@ExtendWith(HardhatNode.class)
class IdentityRegistryTest {

    private static final String W5 = wallet(5);

    private ChainFixture f;
    private IdentityRegistryContract registry;

    @BeforeEach
    void deploy(HardhatNode.Node node) {
        f = new ChainFixture(node);
        registry = f.registry;
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anAgentRegistersAWalletVerifiedWithItsInvestorAndCountry() {
        var receipt = registry.registerIdentity(W5, "investor-5", "DE");

        assertThat(registry.contains(W5)).isTrue();
        assertThat(registry.isVerified(W5)).isTrue();
        assertThat(registry.investorIdOf(W5)).isEqualTo(ChainFixture.hex(OnChainIds.investorId("investor-5")));
        assertThat(registry.countryOf(W5)).isEqualTo("DE");
        assertThat(f.agent.events(receipt)).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("IdentityRegistered");
            assertThat(e.args()).containsEntry("wallet", W5)
                    .containsEntry("investorId", ChainFixture.hex(OnChainIds.investorId("investor-5")))
                    .containsEntry("country", "0x4445");
        });
    }

    @Test
    void verificationCanBeSuspendedAndRestored() {
        var suspended = registry.setVerified(wallet(1), false);
        assertThat(registry.isVerified(wallet(1))).isFalse();
        assertThat(registry.contains(wallet(1))).isTrue();
        assertThat(f.agent.events(suspended)).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("VerificationUpdated");
            assertThat(e.args()).containsEntry("wallet", wallet(1)).containsEntry("verified", false);
        });

        registry.setVerified(wallet(1), true);
        assertThat(registry.isVerified(wallet(1))).isTrue();
    }

    @Test
    void countryIsUpdatedAndAWalletRemoved() {
        var updated = registry.updateCountry(wallet(2), "GB");
        assertThat(registry.countryOf(wallet(2))).isEqualTo("GB");
        assertThat(f.agent.events(updated)).extracting(ContractEvent::name).containsExactly("CountryUpdated");

        var removed = registry.removeIdentity(wallet(2));
        assertThat(registry.contains(wallet(2))).isFalse();
        assertThat(registry.isVerified(wallet(2))).isFalse();
        assertThat(registry.countryOf(wallet(2))).isEmpty();
        assertThat(f.agent.events(removed)).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("IdentityRemoved");
            assertThat(e.args()).containsEntry("wallet", wallet(2))
                    .containsEntry("investorId", ChainFixture.hex(OnChainIds.investorId("dealer-02")));
        });
    }

    @Test
    void registryRulesRevert() {
        assertReverts(() -> registry.as(f.signer(1)).registerIdentity(W5, "investor-5", "DE"), "NotAgent", wallet(1));
        assertReverts(() -> registry.as(f.signer(1)).setVerified(wallet(1), false), "NotAgent", wallet(1));
        assertReverts(() -> registry.registerIdentity(wallet(1), "someone-else", "DE"),
                "IdentityAlreadyRegistered", wallet(1));
        assertReverts(() -> registry.removeIdentity(W5), "IdentityNotRegistered", W5);
        assertReverts(() -> registry.setVerified(W5, true), "IdentityNotRegistered", W5);
        assertReverts(() -> registry.updateCountry(W5, "FR"), "IdentityNotRegistered", W5);
        // the contract's own checks, past the client's: a lower-case country and a zero investor id
        assertReverts(() -> f.agent.send(registry.address(), new Function("registerIdentity",
                List.of(new Address(W5), new Bytes32(OnChainIds.investorId("x")), new Bytes2(new byte[] {'d', 'e'})),
                List.of())), "InvalidCountry", "0x6465");
        assertReverts(() -> f.agent.send(registry.address(), new Function("registerIdentity",
                List.of(new Address(W5), new Bytes32(new byte[32]), new Bytes2(OnChainIds.country("DE"))),
                List.of())), "InvalidInvestorId");
        assertThat(registry.contains(W5)).isFalse();
    }

    @Test
    void theOwnerAppointsAndRemovesAgents() {
        assertThat(registry.owner()).isEqualTo(wallet(0));
        assertReverts(() -> registry.as(f.signer(1)).addAgent(wallet(1)), "NotOwner", wallet(1));

        var added = registry.addAgent(wallet(6));
        assertThat(f.agent.events(added)).extracting(ContractEvent::name).containsExactly("AgentAdded");
        assertThat(registry.isAgent(wallet(6))).isTrue();
        registry.as(f.signer(6)).registerIdentity(W5, "investor-5", "DE");
        assertThat(registry.isVerified(W5)).isTrue();
        assertReverts(() -> registry.addAgent(wallet(6)), "AlreadyAgent", wallet(6));

        var removed = registry.removeAgent(wallet(6));
        assertThat(f.agent.events(removed)).extracting(ContractEvent::name).containsExactly("AgentRemoved");
        assertReverts(() -> registry.as(f.signer(6)).setVerified(W5, false), "NotAgent", wallet(6));
        assertReverts(() -> registry.removeAgent(wallet(6)), "NotAgent", wallet(6));
    }

    @Test
    void ownershipMovesToTheNewOwnerOnly() {
        var moved = registry.transferOwnership(wallet(6));
        assertThat(f.agent.events(moved)).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("OwnershipTransferred");
            assertThat(e.args()).containsEntry("previousOwner", wallet(0)).containsEntry("newOwner", wallet(6));
        });
        assertThat(registry.owner()).isEqualTo(wallet(6));
        assertReverts(() -> registry.addAgent(wallet(5)), "NotOwner", wallet(0));
        registry.as(f.signer(6)).addAgent(wallet(5));
        assertThat(registry.isAgent(wallet(5))).isTrue();
    }
}
