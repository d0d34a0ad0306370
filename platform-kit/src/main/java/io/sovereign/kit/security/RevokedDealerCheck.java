package io.sovereign.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A token of a disabled dealer is refused (401) at its next request, even if it has not expired. */
@ApplicationScoped
public class RevokedDealerCheck implements SecurityIdentityAugmentor {

    private final RevokedDealers revoked;

    public RevokedDealerCheck(RevokedDealers revoked) {
        this.revoked = revoked;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                && revoked.isRevoked(Caller.bidderId(token))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The dealer has been disabled"));
        }
        return Uni.createFrom().item(identity);
    }
}
