/**
 * End-to-end tests across the services: the whole platform (real PostgreSQL, Kafka, Keycloak, EVM
 * node and the four services' built jars) runs once per Maven run; see {@link io.sovereign.e2e.PlatformStack}.
 */
package io.sovereign.e2e;
