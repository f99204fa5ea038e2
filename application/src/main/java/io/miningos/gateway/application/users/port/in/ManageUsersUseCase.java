package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;

import java.util.List;

/**
 * User administration through the API ({@code users:w}) and the command line. Every change and every refused
 * attempt on the super admin leaves an audit entry.
 */
public interface ManageUsersUseCase {

    String INVALID_ROLE = "ERR_INVALID_ROLE";
    String USER_EXISTS = "ERR_USER_EXISTS";
    String USER_NOT_FOUND = "ERR_USER_NOT_FOUND";

    void create(Caller caller, CreateUserCommand command);

    /** Users the caller may manage; never the super admin. */
    List<UserView> list(Caller caller);

    void update(Caller caller, UpdateUserCommand command);

    void delete(Caller caller, long userId);

    /** Creates a user on behalf of the operator at the console (no caller, all roles allowed). */
    User createFromConsole(NewUser user);

    /**
     * The service account with this e-mail (multi-site mode), created at the console with {@code role} when absent,
     * its role changed to {@code role} when it held another service role. {@code ERR_USER_EXISTS} when the
     * e-mail belongs to an account that is not a service account.
     */
    User ensureServiceAccount(Email email, String name, String role);

    /** The user with this e-mail, if any. */
    java.util.Optional<User> findByEmail(Email email);
}
