package io.sovereign.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalletAddressTest {

    @Test
    void checksumsAsEip55Says() {
        // the test vectors of EIP-55
        for (String a : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
            assertThat(WalletAddress.checksummed(a.toLowerCase())).isEqualTo(a);
            assertThat(WalletAddress.problem(a)).isEmpty();
        }
        // Hardhat's account #1, as the dev seed uses it
        assertThat(WalletAddress.problem("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).isEmpty();
    }

    @Test
    void aMisCasedAddressIsRefusedWithItsChecksummedForm() {
        assertThat(WalletAddress.problem("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")).hasValue(
                "is not EIP-55 checksummed (the letters' case is its checksum); the checksummed form is "
                        + "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(WalletAddress.problem("0x1234")).hasValue("must be a 0x address of 40 hexadecimal digits");
        assertThat(WalletAddress.problem(null)).isPresent();
    }

    @Test
    void countriesAreIsoAlpha2() {
        assertThat(Countries.isAlpha2("DE")).isTrue();
        assertThat(Countries.isAlpha2("de")).isFalse();
        assertThat(Countries.isAlpha2("XX")).isFalse();
    }
}
