package io.sovereign.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dealer system: its Keycloak client id and who requested, approved and disabled it. */
@Entity
@Table(name = "dealer")
public class Dealer extends PanacheEntityBase {

    /** PENDING_APPROVAL → ACTIVE → DISABLED. */
    public enum Status {
        PENDING_APPROVAL, ACTIVE, DISABLED
    }

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "legal_name")
    public String legalName;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "disabled_by")
    public String disabledBy;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    /** A new secret requested and not yet approved by a second officer (null when none is pending). */
    @Column(name = "secret_requested_by")
    public String secretRequestedBy;
    @Column(name = "secret_requested_at")
    public Instant secretRequestedAt;
    @Column(name = "secret_regenerated_by")
    public String secretRegeneratedBy;
    @Column(name = "secret_regenerated_at")
    public Instant secretRegeneratedAt;
}
