package io.miningos.gateway.bootstrap.archfixture.domain.ork;

/** Fine: the ORK method catalogue, which a transport plugin may use. */
public enum Method {
    LIST
}
