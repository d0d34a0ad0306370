package io.sovereign.stack;

import io.sovereign.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker: one SASL/SCRAM-SHA-512 principal per service, a super user
 * for the broker itself and the launcher ({@value #ADMIN}), and a read-only {@value #AUDITOR} that
 * the end-to-end tests observe the topics with. Only the owning service writes a topic; each
 * service reads only the topics it consumes, under consumer groups named after itself. Anyone else
 * (no credentials, a wrong password) gets nothing: the broker's StandardAuthorizer denies whatever
 * no ACL allows. The same rules are the Strimzi KafkaUsers of the Helm charts (helm/README.md).
 * Development passwords are {@code <principal>-kafka-pw}: they protect a developer's machine from
 * nothing but mistakes, production has the operator's generated secrets.
 */
public final class KafkaUsers {

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's own principal (inter-broker and controller traffic) and the launcher's. */
    public static final String ADMIN = "admin";
    /** Reads every topic, writes nothing: what tests and operators observe the topics with. */
    public static final String AUDITOR = "auditor";

    private KafkaUsers() {
    }

    /** The principal a service connects as: its module name. */
    public static String principal(Service service) {
        return service.module();
    }

    /** The development password of a principal. */
    public static String password(String principal) {
        return principal + "-kafka-pw";
    }

    /** Every principal with a SCRAM credential on the local broker. */
    static List<String> principals() {
        List<String> all = new ArrayList<>(List.of(ADMIN, AUDITOR));
        for (Service s : Service.values()) {
            all.add(principal(s));
        }
        return all;
    }

    /** A client's connection settings (bootstrap and SASL) as {@code principal} with its dev password. */
    public static Map<String, Object> client(StackConfig config, String principal) {
        return client(config.kafkaBootstrap(), principal, password(principal));
    }

    /** A client's connection settings (bootstrap and SASL) with any username and password. */
    public static Map<String, Object> client(String bootstrap, String username, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", scramJaas(username, password));
        return p;
    }

    static String scramJaas(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** Topics each service writes (it alone). */
    static List<String> writes(Service service) {
        return switch (service) {
            case AUCTION_CORE -> List.of(Topics.AUCTION_EVENTS);
            case IDENTITY -> List.of(Topics.IDENTITY_EVENTS);
            case SETTLEMENT -> List.of(Topics.SETTLEMENT_EVENTS);
            case BIDDER_PORTAL -> List.of();
        };
    }

    /**
     * Topics each service consumes: every service replays identity.events.v1 for disabled dealers
     * (platform-kit's RevokedDealers); auction-core projects investors from it; settlement books
     * auction.events.v1 and registers investors from identity.events.v1.
     */
    static List<String> reads(Service service) {
        return switch (service) {
            case AUCTION_CORE, IDENTITY, BIDDER_PORTAL -> List.of(Topics.IDENTITY_EVENTS);
            case SETTLEMENT -> List.of(Topics.AUCTION_EVENTS, Topics.IDENTITY_EVENTS);
        };
    }

    /** The ACLs the launcher creates at every start (creating an existing ACL changes nothing). */
    static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Service s : Service.values()) {
            String user = principal(s);
            for (String topic : writes(s)) {
                acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            }
            for (String topic : reads(s)) {
                acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            }
            // consumer groups named after the service: "settlement", "auction-core-investors",
            // "<service>-revocations-<uuid>"; nobody else can join them and take their partitions
            acls.add(allow(user, ResourceType.GROUP, user, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.GROUP, user + "-", PatternType.PREFIXED, AclOperation.READ));
        }
        for (String topic : Topics.ALL) {
            acls.add(allow(AUDITOR, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        acls.add(allow(AUDITOR, ResourceType.GROUP, AUDITOR + "-", PatternType.PREFIXED, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
