package io.sovereign.identity.rest;

import io.sovereign.identity.repository.InvestorType;
import io.sovereign.identity.repository.KycStatus;

/** An investor record as API.md shows it. */
public record InvestorView(String investorId, InvestorType investorType, String legalName, String country,
        String walletAddress, KycStatus kycStatus) {
}
