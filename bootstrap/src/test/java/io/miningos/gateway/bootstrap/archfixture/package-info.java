/**
 * Classes that break every rule of {@link io.miningos.gateway.bootstrap.ArchitectureRules} on purpose, laid out as
 * the gateway's packages are under another base package: {@code ArchitectureRulesTest} shows each rule fails on
 * them, so none can pass by checking nothing. Never used otherwise.
 */
package io.miningos.gateway.bootstrap.archfixture;
