package io.sovereign.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An entry of the investor register; {@code investorId} is the holder's bidder id. */
@Entity
@Table(name = "investor")
public class Investor extends PanacheEntityBase {
    @Id
    @Column(name = "investor_id")
    public String investorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "investor_type")
    public InvestorType investorType;
    @Column(name = "legal_name")
    public String legalName;
    public String country;
    @Column(name = "wallet_address")
    public String walletAddress;
    @Enumerated(EnumType.STRING)
    @Column(name = "kyc_status")
    public KycStatus kycStatus;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
