package io.sovereign.identity.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Dealer systems in Keycloak, through its admin API: a confidential client with a service account
 * that holds {@code primary-dealer}, whose tokens carry the audience {@code sovereign-api}.
 *
 * <p>It creates, never adopts: a client id Keycloak already knows (any client of the realm, the
 * realm's built-in and system clients among them) or whose service-account user name is taken is
 * refused with {@link Taken}, so no existing credential is ever handed out.
 */
@ApplicationScoped
public class KeycloakDealers {

    private static final String ROLE = "primary-dealer";
    /** The user name Keycloak gives a client's service account. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakDealers(Keycloak keycloak, @ConfigProperty(name = "sovereign.dealers.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** The client id is in use in Keycloak: nothing was created and no secret is returned. */
    public static final class Taken extends RuntimeException {
        public Taken(String detail) {
            super(detail);
        }
    }

    /** Why this client id cannot be a new dealer, if it cannot: a client or a service-account user of that name exists. */
    public Optional<String> whyTaken(String clientId) {
        RealmResource r = keycloak.realm(realm);
        if (!r.clients().findByClientId(clientId).isEmpty()) {
            return Optional.of("A Keycloak client " + clientId + " exists already; dealers are created, never adopted");
        }
        // exact match: Keycloak would name the new client's service account so; a person squatting it is refused too
        if (!r.users().search(SERVICE_ACCOUNT_PREFIX + clientId, true).isEmpty()) {
            return Optional.of("A Keycloak user " + SERVICE_ACCOUNT_PREFIX + clientId
                    + " exists already; dealers are created, never adopted");
        }
        return Optional.empty();
    }

    /**
     * Creates the client and returns the secret Keycloak just generated for it.
     *
     * @throws Taken if the client id (or its service account's name) is in use, checked again here
     *               because another request may have taken it since the dealer was requested
     */
    public String create(String clientId, String name) {
        Optional<String> taken = whyTaken(clientId);
        if (taken.isPresent()) {
            throw new Taken(taken.get());
        }
        RealmResource r = keycloak.realm(realm);
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(clientId);
        c.setName(name);
        c.setProtocol("openid-connect");
        c.setEnabled(true);
        c.setPublicClient(false);
        c.setClientAuthenticatorType("client-secret");
        c.setServiceAccountsEnabled(true);
        c.setStandardFlowEnabled(false);
        c.setImplicitFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(false);
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("sovereign-api-audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.custom.audience", "sovereign-api", "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
        c.setProtocolMappers(List.of(audience));
        String id;
        try (Response created = r.clients().create(c)) {
            if (created.getStatus() == 409) {
                // created by someone else between the check and now: theirs, not ours to hand out
                throw new Taken("A Keycloak client " + clientId + " was created meanwhile; dealers are created, never adopted");
            }
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused client " + clientId + ": HTTP " + created.getStatus());
            }
            String location = created.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        ClientResource client = r.clients().get(id);
        try {
            var account = client.getServiceAccountUser();
            if (!(SERVICE_ACCOUNT_PREFIX + clientId).equals(account.getUsername())) {
                throw new Taken("Keycloak gave the new client's service account the name " + account.getUsername());
            }
            RoleRepresentation role = r.roles().get(ROLE).toRepresentation();
            var roles = r.users().get(account.getId()).roles().realmLevel();
            roles.add(List.of(role));
            // new users get the realm's default roles (retail-investor among them): a dealer system holds primary-dealer only
            RoleRepresentation defaults = r.roles().get("default-roles-" + realm).toRepresentation();
            roles.remove(List.of(defaults));
            return client.getSecret().getValue();
        } catch (RuntimeException e) {
            // half made is not made: the next approval must not find (and refuse, or worse adopt) this client
            try {
                client.remove();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Replaces the client's secret with a new one Keycloak generates and returns it; the old one stops working. */
    public String regenerateSecret(String clientId) {
        return client(keycloak.realm(realm), clientId).generateNewSecret().getValue();
    }

    /** Disables the client: Keycloak issues it no more tokens. */
    public void disable(String clientId) {
        RealmResource r = keycloak.realm(realm);
        ClientResource client = client(r, clientId);
        ClientRepresentation rep = client.toRepresentation();
        rep.setEnabled(false);
        client.update(rep);
    }

    private static ClientResource client(RealmResource r, String clientId) {
        List<ClientRepresentation> found = r.clients().findByClientId(clientId);
        if (found.isEmpty()) {
            throw new IllegalStateException("No Keycloak client " + clientId);
        }
        return r.clients().get(found.get(0).getId());
    }
}
