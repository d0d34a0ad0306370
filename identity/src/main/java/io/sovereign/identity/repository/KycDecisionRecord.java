package io.sovereign.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One KYC decision: what the officer asked for, what it became (sanctions can turn it), why, who, when. */
@Entity
@Table(name = "kyc_decision")
public class KycDecisionRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "decision_id")
    public Long decisionId;
    @Column(name = "investor_id")
    public String investorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_decision")
    public KycStatus requestedDecision;
    @Enumerated(EnumType.STRING)
    public KycStatus outcome;
    public String reason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
