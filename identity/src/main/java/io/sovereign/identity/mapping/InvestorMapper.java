package io.sovereign.identity.mapping;

import io.sovereign.identity.repository.Investor;
import io.sovereign.identity.rest.InvestorView;

public final class InvestorMapper {
    private InvestorMapper() {
    }

    public static InvestorView toView(Investor i) {
        return new InvestorView(i.investorId, i.investorType, i.legalName, i.country, i.walletAddress, i.kycStatus);
    }
}
