/**
 * The local stack: real PostgreSQL, Kafka, Keycloak, an EVM node and the four services, started as
 * child processes (no Docker). {@link io.sovereign.stack.StackLauncher} is the command line;
 * {@link io.sovereign.stack.Stack} is what the launcher and the end-to-end tests drive.
 */
package io.sovereign.stack;
