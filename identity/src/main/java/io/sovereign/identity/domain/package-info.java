/** The register's rules in plain Java: wallet addresses (EIP-55), countries (ISO 3166), sanctions. */
package io.sovereign.identity.domain;
