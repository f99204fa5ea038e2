package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.user.User;

import java.util.List;

/**
 * First start after a Node gateway: the people its sign-in configuration listed become users, so they can sign in
 * as before. Runs only while the super admin is the only user, so it never touches a site already in use.
 */
public interface MigrateUsersUseCase {

    /** Role for listed people who could write. */
    String WRITER_ROLE = "site_operator";
    /** Role for listed people who could only read. */
    String READER_ROLE = "read_only_user";

    /** Creates the listed users; returns those created (none when other users already exist). */
    List<User> migrate(List<ListedUser> listed);
}
