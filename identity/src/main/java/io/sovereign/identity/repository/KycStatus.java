package io.sovereign.identity.repository;

/** DOMAIN.md §5: only APPROVED investors may subscribe and be minted to. */
public enum KycStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED
}
