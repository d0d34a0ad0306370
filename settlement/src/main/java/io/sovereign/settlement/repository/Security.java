package io.sovereign.settlement.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A security settlement knows of; one bond token per ISIN once deployed. */
@Entity
@Table(name = "security")
public class Security extends PanacheEntityBase {
    @Id
    public String isin;
    @Column(name = "auction_id")
    public String auctionId;
    @Column(name = "security_type")
    public String securityType;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "maturity_date")
    public LocalDate maturityDate;
    @Column(name = "coupon_rate")
    public BigDecimal couponRate;
    @Column(name = "token_address")
    public String tokenAddress;
    @Column(name = "total_supply")
    public long totalSupply;
    @Column(name = "registered_at")
    public Instant registeredAt;
}
