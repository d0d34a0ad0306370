package io.sovereign.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The sanctions list KYC approvals are screened against (configurable per deployment). */
@ConfigMapping(prefix = "sovereign.sanctions")
public interface SanctionsConfig {

    /** ISO 3166 alpha-2 codes of sanctioned countries. */
    @WithDefault("KP,IR,SY,CU")
    List<String> countries();

    /** Sanctioned wallet addresses (compared without regard to case). */
    Optional<List<String>> addresses();
}
