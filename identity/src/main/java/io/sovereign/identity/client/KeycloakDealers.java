package io.sovereign.identity.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
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
 */
@ApplicationScoped
public class KeycloakDealers {

    private static final String ROLE = "primary-dealer";

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakDealers(Keycloak keycloak, @ConfigProperty(name = "sovereign.dealers.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** Creates the client (or takes the one a failed earlier attempt left) and returns its secret. */
    public String create(String clientId, String name) {
        RealmResource r = keycloak.realm(realm);
        if (r.clients().findByClientId(clientId).isEmpty()) {
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
            try (Response created = r.clients().create(c)) {
                if (created.getStatus() != 201 && created.getStatus() != 409) {
                    throw new IllegalStateException("Keycloak refused client " + clientId + ": HTTP " + created.getStatus());
                }
            }
        }
        ClientResource client = client(r, clientId);
        String serviceAccount = client.getServiceAccountUser().getId();
        RoleRepresentation role = r.roles().get(ROLE).toRepresentation();
        var roles = r.users().get(serviceAccount).roles().realmLevel();
        roles.add(List.of(role));
        // new users get the realm's default roles (retail-investor among them): a dealer system holds primary-dealer only
        RoleRepresentation defaults = r.roles().get("default-roles-" + realm).toRepresentation();
        roles.remove(List.of(defaults));
        return client.getSecret().getValue();
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
