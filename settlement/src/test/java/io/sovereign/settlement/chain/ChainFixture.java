package io.sovereign.settlement.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Fresh contracts on the test node: an identity registry and a factory owned by account #0, which
 * is also the agent of both; wallets #1-#4 registered and verified as in the dev seed (dealer-01,
 * dealer-02, dealer-03, retail1); #5 and #6 not registered.
 */
final class ChainFixture implements AutoCloseable {

    static final List<String> INVESTORS = List.of("desk", "dealer-01", "dealer-02", "dealer-03", "retail1");
    static final BondTerms NOTE = new BondTerms("US91282CKQ32", "UST 4.125% 2034-05-15", new BigDecimal("4.125"),
            LocalDate.of(2024, 5, 15), LocalDate.of(2034, 5, 15),
            List.of(LocalDate.of(2024, 11, 15), LocalDate.of(2025, 5, 15), LocalDate.of(2025, 11, 15)));

    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private static final AtomicInteger ISINS = new AtomicInteger();

    final HardhatNode.Node node;
    final EvmClient agent;
    final IdentityRegistryContract registry;
    final BondFactoryContract factory;

    ChainFixture(HardhatNode.Node node) {
        this.node = node;
        this.agent = node.client(0);
        this.registry = IdentityRegistryContract.deploy(agent, agent.address());
        registry.addAgent(agent.address());
        this.factory = BondFactoryContract.deploy(agent, agent.address(), registry.address());
        factory.addAgent(agent.address());
        for (int i = 1; i <= 4; i++) {
            registry.registerIdentity(wallet(i), INVESTORS.get(i), "US");
        }
    }

    /** The EIP-55 address of Hardhat account {@code #index}. */
    static String wallet(int index) {
        return Keys.toChecksumAddress(Credentials.create(HardhatNode.KEYS.get(index)).getAddress());
    }

    /** A client on the same connection signing as account {@code #index}. */
    EvmClient signer(int index) {
        return agent.withSigner(HardhatNode.KEYS.get(index));
    }

    /** A new token with the note's terms under an ISIN of its own. */
    BondTokenContract newToken() {
        return factory.deployBond(withIsin(NOTE, nextIsin()));
    }

    static String nextIsin() {
        return String.format("XS%09d0", ISINS.incrementAndGet());
    }

    static BondTerms withIsin(BondTerms t, String isin) {
        return new BondTerms(isin, t.name(), t.couponRate(), t.issueDate(), t.maturityDate(), t.paymentDates());
    }

    /** Bytes as the client shows them: 0x and lower-case hex. */
    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }

    /** Asserts that {@code call} reverts with the custom error {@code error} and these arguments. */
    static void assertReverts(ThrowingCallable call, String error, Object... args) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ContractRevertException.class, e -> {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
            assertThat(e.args()).as(e.getMessage()).containsExactly(args);
        });
    }

    @Override
    public void close() {
        agent.close();
    }
}
